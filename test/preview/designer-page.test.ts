/**
 * The designer preview of ConvertKit in a real headless Chromium, live against the replay
 * server: the cards, their labels, what "Show all" reveals, a dropdown filled from the
 * recordings, a test call (and the error of one that does not fit the definition), the keyboard
 * alone, axe-core, and that the page asks for nothing beyond 127.0.0.1.
 */
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import convertkit from '../../definitions/convertkit/connector';
import { emitSwagger } from '../../src/emit/swagger';
import { startPreviewServer, type PreviewServer } from '../../src/preview/preview-server';
import { loadFixtureDir } from '../../src/recordings/format';
import type { DeclaredSchema, ParameterObject, SwaggerOperation } from '../../src/swagger/document';
import { artifactPath, axeViolations, launchChromium, openPage, scriptErrors, see } from './browser';

const doc = emitSwagger(convertkit);
const fixtures = loadFixtureDir(path.join(__dirname, '..', '..', 'definitions', 'convertkit', 'recordings')).fixtures;
// The designer shows what makers see: internal operations (the hook deletion) get no card.
const operations: SwaggerOperation[] = Object.values(doc.paths)
  .flatMap((item) => (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((m) => (item[m] ? [item[m]!] : [])))
  .filter((op) => op['x-ms-visibility'] !== 'internal');

// A real browser: each step waits on the page, not on a clock.
jest.setTimeout(60_000);

let server: PreviewServer;
let browser: Browser;
let page: Page;
let requested: string[];

beforeAll(async () => {
  server = await startPreviewServer({ connector: convertkit, fixtures });
  browser = await launchChromium();
  ({ page, requested } = await openPage(browser));
  await page.goto(server.pageUrl);
  await page.waitForSelector('body[data-ready="true"]');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const card = (operationId: string) => page.locator(`article.card[data-operation="${operationId}"]`);

interface Want {
  label: string;
  required: boolean;
  advanced: boolean;
}

/**
 * What the designer labels each input with, read from the swagger: x-ms-summary, or a body
 * property's title; optional advanced inputs come after the others (behind "Show all").
 */
function expectedLabels(op: SwaggerOperation): Want[] {
  const out: Want[] = [];
  const advanced = (s: { 'x-ms-visibility'?: string }, required: boolean) =>
    s['x-ms-visibility'] === 'advanced' && !required;
  const body = (s: DeclaredSchema, required: boolean): void => {
    const req = new Set(s.required ?? []);
    for (const [name, p] of Object.entries(s.properties ?? {})) {
      const r = required && req.has(name);
      // Internal properties (a trigger's callback URL, its fixed event) are filled in, not shown.
      if (p['x-ms-visibility'] === 'internal') continue;
      if (p.properties) body(p, r);
      else {
        out.push({ label: String(p['x-ms-summary'] ?? p.title), required: r, advanced: advanced(p, r) });
        if (p.type === 'array' && p.items && !p.items.properties)
          out.push({
            label: String(p.items['x-ms-summary'] ?? p.items.title),
            required: false,
            advanced: advanced(p, r),
          });
        if (p.type === 'array' && p.items?.properties) body(p.items, true);
      }
    }
  };
  for (const p of (op.parameters ?? []) as ParameterObject[]) {
    if (p.in === 'body') body(p.schema, p.required === true);
    else if (p['x-ms-visibility'] !== 'internal')
      out.push({
        label: p['x-ms-summary']!,
        required: p.required === true,
        advanced: advanced(p, p.required === true),
      });
  }
  return [...out.filter((w) => !w.advanced), ...out.filter((w) => w.advanced)];
}

describe('the cards as the designer shows them', () => {
  test('one card per action and trigger, titled by the summary, with the description', async () => {
    await see.count(page.locator('article.card'), operations.length);
    // 27 actions and 12 triggers.
    expect(operations).toHaveLength(39);
    for (const op of operations) {
      await see.text(card(op.operationId).locator('h3'), op.summary!);
      await see.text(card(op.operationId).locator('.card-desc'), op.description!);
    }
  });

  test.each(operations.map((op) => [op.operationId, op] as const))(
    '%s: every input labelled as the swagger says, required ones marked',
    async (id, op) => {
      const want = expectedLabels(op);
      const labels = card(id).locator('.label-text');
      await see.text(
        labels,
        want.map((w) => w.label),
      );
      const marked = await labels.evaluateAll((els: any[]) =>
        els.map((e) => {
          const legend = e.closest('legend');
          if (legend) return !!legend.querySelector(':scope > .req');
          return !!e.closest('.field').querySelector(':scope > .req');
        }),
      );
      expect(marked).toEqual(want.map((w) => w.required));
    },
  );

  test('outputs are the dynamic-content tokens, with titles and types', async () => {
    const tokens = card('FormSubAdd').locator('.token');
    await see.text(tokens.first().locator('.token-title'), 'Subscription ID');
    await see.text(tokens.first().locator('.token-type'), 'integer');
    await see.count(
      card('FormSubAdd').locator('.token-title', { hasText: /^Subscription Subscriber Email Address$/ }),
      1,
    );
    await see.contains(card('FormList').locator('.token').first(), 'Forms');
    await see.contains(card('FormList').locator('.token').first(), 'array of object');
  });
});

describe('visibility', () => {
  const withAdvanced = operations.filter((op) =>
    (op.parameters ?? []).some((p) => 'x-ms-visibility' in p && p['x-ms-visibility'] === 'advanced'),
  );

  test('some ConvertKit operations have advanced inputs', () => expect(withAdvanced.length).toBeGreaterThan(3));

  test.each(withAdvanced.map((op) => [op.operationId, op] as const))(
    '%s: advanced inputs stay hidden until "Show all"',
    async (id, op) => {
      const advanced = expectedLabels(op).filter((w) => w.advanced);
      const c = card(id);
      for (const w of advanced) await see.hidden(c.getByLabel(w.label, { exact: true }));
      for (const w of expectedLabels(op).filter((x) => !x.advanced))
        await see.visible(c.locator('.label-text', { hasText: new RegExp(`^${w.label}$`) }).first());
      const button = c.getByRole('button', { name: 'Show all' });
      await see.attr(button, 'aria-expanded', 'false');
      await button.click();
      for (const w of advanced) await see.visible(c.getByLabel(w.label, { exact: true }));
      await see.attr(c.getByRole('button', { name: 'Hide all' }), 'aria-expanded', 'true');
      await c.getByRole('button', { name: 'Hide all' }).click();
      for (const w of advanced) await see.hidden(c.getByLabel(w.label, { exact: true }));
    },
  );

  test('enums are choice lists', async () => {
    const c = card('SubscriberList');
    await c.getByRole('button', { name: 'Show all' }).click();
    const sort = c.getByLabel('Sort Order', { exact: true });
    await see.text(sort.locator('option'), ['Default', 'asc', 'desc']);
    await see.value(sort, 'asc');
    await c.getByRole('button', { name: 'Hide all' }).click();
  });

  test('arrays are repeatable items', async () => {
    const c = card('FormSubAdd');
    const tags = c.locator('fieldset.array', { has: page.locator('legend', { hasText: 'Tags' }) });
    await see.count(tags.locator('.item'), 1);
    await tags.getByRole('button', { name: 'Add new item' }).click();
    await see.count(tags.locator('.item'), 2);
    await see.count(tags.getByLabel('Items', { exact: true }), 2);
    const ids = await tags.locator('input').evaluateAll((els: any[]) => els.map((e) => e.id));
    expect(new Set(ids as string[]).size).toBe(2);
  });
});

describe('live mode', () => {
  test('Form ID lists the recorded forms by name', async () => {
    const formList = fixtures.find((f) => f.file === 'FormList.01-documented-example.json')!;
    const forms = (formList.fixture.response.body as { forms: { id: number; name: string }[] }).forms;
    const select = card('FormSubAdd').getByLabel('Form ID', { exact: true });
    await see.text(select.locator('option'), ['Select a value', ...forms.map((f) => f.name)]);
    await select.selectOption({ label: forms[1]!.name });
    await see.value(select, String(forms[1]!.id));
  });

  test('the Test panel sends the inputs through the replay server and shows the answer', async () => {
    const c = card('FormSubAdd');
    await c.getByLabel('Email', { exact: true }).fill('jonsnow@example.com');
    await c.getByRole('button', { name: 'Test operation' }).click();
    await see.text(c.locator('.result-status'), /^Status 20\d$/);
    await see.contains(c.locator('.result-request'), 'POST /v3/forms/');
    await see.contains(c.locator('.result-request'), 'api_secret=[REDACTED]');
    await see.contains(c.locator('.result-body'), '"subscription"');
    await c.screenshot({ path: artifactPath('preview-convertkit-test-call.png') });
  });

  test("a request that does not fit the definition shows the replay server's error", async () => {
    const c = card('FormSubAdd');
    await c.getByLabel('Email', { exact: true }).fill('');
    await c.getByRole('button', { name: 'Test operation' }).click();
    await see.text(c.locator('.result-status'), 'Status 400: the request was refused');
    await see.contains(c.locator('.result-body'), 'FormSubAdd: body');
    await see.contains(c.locator('.result-body'), 'is missing');
  });
});

describe('search and wording', () => {
  test('search filters the cards across operations', async () => {
    await page.getByLabel('Search operations').fill('subscriber');
    const shown = page.locator('article.card:visible');
    const want = operations.filter((op) =>
      [op.summary, op.description, op.operationId].join(' ').toLowerCase().includes('subscriber'),
    ).length;
    expect(await shown.count()).toBeGreaterThanOrEqual(want);
    expect(await shown.count()).toBeLessThan(operations.length);
    await see.text(page.locator('#count'), `${await shown.count()} of ${operations.length} operations`);
    await page.getByLabel('Search operations').fill('no operation is called this');
    await see.count(page.locator('article.card:visible'), 0);
    await see.visible(page.locator('#no-match'));
    await page.getByLabel('Search operations').fill('');
    await see.count(page.locator('article.card:visible'), operations.length);
  });

  test('the wording toggles between Power Automate and Logic Apps', async () => {
    const c = card('SubscriberList');
    await see.contains(page.locator('.lead'), 'Power Automate designer');
    await page.getByLabel('Logic Apps').check();
    await see.contains(page.locator('.lead'), 'Logic Apps designer');
    await see.contains(page.locator('.lead'), 'a later action in this Logic App');
    await see.visible(c.getByRole('button', { name: 'Show advanced options' }));
    await page.getByLabel('Power Automate').check();
    await see.visible(c.getByRole('button', { name: 'Show all' }));
  });
});

describe('the keyboard alone', () => {
  beforeAll(async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
  });

  /** Presses Tab until `target` has focus; fails after `max` presses. */
  async function tabTo(selector: string, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.locator(selector).evaluate((e: any) => e === e.ownerDocument.activeElement)) return;
    }
    throw new Error(`${selector} never got focus after ${max} Tab presses`);
  }

  test('Tab to "Show all", Enter and Space open it and the fields appear', async () => {
    const c = card('FormSubList');
    await c.getByLabel('Form ID', { exact: true }).focus();
    await tabTo('article[data-operation="FormSubList"] .show-all', 1);
    await page.keyboard.press('Enter');
    await see.visible(c.getByLabel('Sort Order', { exact: true }));
    await page.keyboard.press('Space');
    await see.hidden(c.getByLabel('Sort Order', { exact: true }));
    await page.keyboard.press('Space');
    await see.visible(c.getByLabel('Page', { exact: true }));
    await page.keyboard.press('Tab');
    await see.focused(c.getByLabel('Sort Order', { exact: true }));
  });

  test('Tab to the dropdown and choose with the arrow keys', async () => {
    const select = card('FormSubAdd').getByLabel('Form ID', { exact: true });
    await see.count(select.locator('option'), 3);
    await page.getByLabel('Search operations').focus();
    const id = await select.getAttribute('id');
    await tabTo(`#${id}`);
    await page.keyboard.press('ArrowDown');
    const values = await select.locator('option').evaluateAll((os: any[]) => os.map((o) => o.value));
    await see.value(select, (values as string[])[1]!);
    await page.keyboard.press('ArrowDown');
    await see.value(select, (values as string[])[2]!);
    await page.keyboard.press('ArrowUp');
    await see.value(select, (values as string[])[1]!);
  });
});

describe('accessibility and containment', () => {
  test('axe-core finds no violations, folded or unfolded', async () => {
    expect(await axeViolations(page)).toEqual([]);
    const folded = page.locator('.show-all[aria-expanded="false"]');
    while ((await folded.count()) > 0) await folded.first().click();
    await card('FormList').getByRole('button', { name: 'Test operation' }).click();
    await see.visible(card('FormList').locator('.result-body'));
    for (const d of await page.locator('details.warn').all()) await d.locator('summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('preview-convertkit.png'), fullPage: true });
  });

  test('the page runs without script errors and asks for nothing beyond 127.0.0.1', () => {
    expect(scriptErrors(page)).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
    for (const url of requested) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_pcdk\/preview\//);
  });
});
