/**
 * The preview page of a swagger with every special case, in headless Chromium: built (static)
 * as `pcdk build` writes it, then served live by a recording server on 127.0.0.1 to see exactly
 * what the page sends for the inputs a maker fills in.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { emitPreviewPage } from '../../src/emit/preview-page';
import { json, startTestServer, type TestServer } from '../helpers/http-server';
import { axeViolations, launchChromium, openPage, scriptErrors, see } from './browser';
import { HOSTILE, previewDiagnosticsSample, previewSwagger } from './sample-swagger';

jest.setTimeout(60_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

const card = (page: Page, id: string) => page.locator(`article.card[data-operation="${id}"]`);

describe('the built page (static)', () => {
  let page: Page;
  let dialogs = 0;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-preview-'));
    const file = path.join(dir, 'preview.html');
    fs.writeFileSync(file, emitPreviewPage(previewSwagger, previewDiagnosticsSample));
    ({ page } = await openPage(browser));
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]');
  });

  test('actions and triggers in their own groups; internal operations absent', async () => {
    await see.text(page.locator('h2'), ['Triggers', 'Actions']);
    await see.count(page.locator('section[aria-labelledby="triggers-heading"] article.card'), 1);
    await see.count(page.locator('section[aria-labelledby="actions-heading"] article.card'), 2);
    expect(await page.content()).not.toContain('InternalThing');
  });

  test('author text is shown as text, never run', async () => {
    await see.text(card(page, 'GadgetAdd').locator('h3'), HOSTILE);
    expect(dialogs).toBe(0);
    expect(scriptErrors(page)).toEqual([]);
  });

  test('internal inputs never appear, even with every advanced input shown', async () => {
    const folded = page.locator('.show-all[aria-expanded="false"]');
    while ((await folded.count()) > 0) await folded.first().click();
    const labels = await page.locator('.label-text').allTextContents();
    expect(labels).toContain('Trace');
    expect(labels).toContain('Archived');
    for (const gone of ['Secret API version', 'source', 'url']) expect(labels).not.toContain(gone);
    expect(await page.locator('[data-name="api-version"]').count()).toBe(0);
  });

  test('x-ms-enum-values and Yes/No are choice lists', async () => {
    const c = card(page, 'GadgetList');
    await see.text(c.getByLabel('Kind', { exact: true }).locator('option'), ['Select a value', 'Kind A', 'Kind B']);
    await see.text(c.getByLabel('Archived', { exact: true }).locator('option'), ['Select a value', 'Yes', 'No']);
  });

  test('the warning badge lists the card’s diagnostics', async () => {
    const badge = card(page, 'GadgetAdd').locator('details.warn');
    await see.text(badge.locator('summary'), '1 error, 1 warning');
    await badge.locator('summary').click();
    await see.text(badge.locator('li'), [
      'warning: the summary has <b>markup</b> [summary-odd]',
      'error: the body property has no description [body-undescribed]',
    ]);
    await see.count(card(page, 'GadgetList').locator('details.warn'), 0);
    await see.text(page.locator('header.top details.warn summary'), '1 warning about the connector');
  });

  test('without the server, the Test panel is off and says why', async () => {
    const c = card(page, 'GadgetAdd');
    expect(await c.getByRole('button', { name: 'Test operation' }).isDisabled()).toBe(true);
    await see.visible(c.locator('.static-note'));
    await see.text(c.getByLabel('Kind', { exact: true }).locator('option'), ['Select a value']);
  });

  test('axe-core finds no violations', async () => {
    await page.locator('header.top details.warn summary').click();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the served page (live): what it sends', () => {
  let server: TestServer;
  let page: Page;
  const live = emitPreviewPage(previewSwagger, previewDiagnosticsSample, { live: true });
  const posted = (endpoint: string): unknown[] =>
    server.requests.filter((r) => r.url.pathname === `/_pcdk/preview/${endpoint}`).map((r) => JSON.parse(r.body));

  beforeAll(async () => {
    server = await startTestServer((req, res) => {
      if (req.url.pathname === '/_pcdk/preview/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(live);
      }
      if (req.url.pathname.endsWith('/values'))
        return json(res, 200, { items: [{ value: '1', title: `One ${JSON.parse(req.body).params.kind ?? ''}` }] });
      json(res, 200, { request: { method: 'POST', url: '/v2/gadgets' }, status: 201, body: 'made' });
    });
    ({ page } = await openPage(browser));
    await page.goto(`${server.origin}/_pcdk/preview/`);
    await page.waitForSelector('body[data-ready="true"]');
  });
  afterAll(() => server.close());

  test('a dropdown asks its source operation with the literal and referenced parameters', async () => {
    const c = card(page, 'GadgetAdd');
    const kind = c.getByLabel('Kind', { exact: true });
    await see.text(kind.locator('option'), ['Select a value', 'One']);
    await c.getByRole('button', { name: 'Show all' }).click();
    await c.getByLabel('Trace', { exact: true }).fill('t1');
    await kind.focus();
    await see.text(kind.locator('option'), ['Select a value', 'One t1']);
    expect(posted('values')).toEqual([
      {
        operationId: 'GadgetList',
        params: { archived: false },
        collection: 'gadgets',
        valuePath: 'id',
        titlePath: 'label',
      },
      {
        operationId: 'GadgetList',
        params: { kind: 't1', archived: false },
        collection: 'gadgets',
        valuePath: 'id',
        titlePath: 'label',
      },
    ]);
  });

  test('Test sends the parameters by name and the body rebuilt from the flattened fields', async () => {
    const c = card(page, 'GadgetAdd');
    await c.getByLabel('Gadget name', { exact: true }).fill('G');
    const parts = c.locator('fieldset.array', { has: page.locator('legend', { hasText: /^Parts/ }) });
    await parts.getByLabel('SKU', { exact: true }).fill('s1');
    await parts.getByLabel('Count', { exact: true }).fill('2');
    await parts.getByRole('button', { name: 'Add new item' }).click();
    await parts.getByLabel('SKU', { exact: true }).nth(1).fill('s2');
    await parts.getByLabel('Part tags', { exact: true }).nth(1).fill('["a"]');
    await c.getByLabel('Label', { exact: true }).fill('x');
    await c.getByLabel('Extra', { exact: true }).fill('{"a":"b"}');
    await c.getByLabel('Color', { exact: true }).selectOption('blue');
    await c.getByRole('button', { name: 'Test operation' }).click();
    await see.text(c.locator('.result-status'), 'Status 201');
    await see.text(c.locator('.result-body'), 'made');
    expect(posted('invoke')).toEqual([
      {
        operationId: 'GadgetAdd',
        params: { 'X-Trace': 't1' },
        body: {
          gadget: {
            name: 'G',
            color: 'blue',
            parts: [
              { sku: 's1', count: 2 },
              { sku: 's2', tags: ['a'] },
            ],
            labels: ['x'],
            extra: { a: 'b' },
          },
        },
      },
    ]);
  });

  test('query arrays are sent joined, as the designer sends them', async () => {
    const c = card(page, 'GadgetList');
    const ids = c.locator('fieldset.array', { has: page.locator('legend', { hasText: /^IDs/ }) });
    await ids.getByLabel('IDs', { exact: true }).fill('1');
    await ids.getByRole('button', { name: 'Add new item' }).click();
    await ids.getByLabel('IDs', { exact: true }).nth(1).fill('2');
    await c.getByLabel('Kind', { exact: true }).selectOption({ label: 'Kind B' });
    await c.getByRole('button', { name: 'Test operation' }).click();
    await see.text(c.locator('.result-status'), 'Status 201');
    expect(posted('invoke').at(-1)).toEqual({ operationId: 'GadgetList', params: { kind: 'b', ids: '1,2' } });
    expect(scriptErrors(page)).toEqual([]);
  });
});
