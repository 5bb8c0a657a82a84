/**
 * Next-link and cursor lists and internal defaults through the whole client: the swagger says
 * x-ms-pageable for next links only, the descriptor is clean, the generated declarations type
 * the items and leave defaulted parameters optional, and the built package pages over real HTTP.
 */
import * as fs from 'node:fs';
import { emitSwagger } from '../../../src/emit/swagger';
import { compileClient } from '../../../src/synth/client-artifact';
import { validateDescriptor } from '../../../src/validate/descriptor-rules';
import { json, startTestServer, type TestServer } from '../../helpers/http-server';
import { loadClientPackage, typeCheckConsumer, writeClientPackage } from '../../helpers/generated-client';
import { paged } from '../../helpers/paged-connector';

describe('swagger and rules', () => {
  test.each([
    ['WidgetLinked', '/widgets', { nextLinkName: '@odata.nextLink' }],
    ['WidgetCursor', '/cursor', undefined],
    ['WidgetSearch', '/search', undefined],
  ])('%s: x-ms-pageable %j', (_id, p, pageable) => {
    const doc = emitSwagger(paged) as unknown as { paths: Record<string, { get: Record<string, unknown> }> };
    expect(doc.paths[p]!.get['x-ms-pageable']).toEqual(pageable);
  });

  test('the paged connector has no descriptor findings', () => {
    expect(validateDescriptor(paged)).toEqual([]);
  });
});

describe('generated declarations', () => {
  const HEAD = ["import type { PagedClient } from './client';", 'declare const client: PagedClient;'];
  const RIGHT = [
    'await client.widgetSearch();',
    "await client.widgetSearch({ 'api-version': '2025-01-01' });",
    "for await (const w of client.iterate.widgetCursor({ color: 'red', after: 'c2' })) { const id: number | undefined = w.id; void id; }",
    'for await (const w of client.iterate.widgetLinked()) { const id: number | undefined = w.id; void id; }',
  ];
  const WRONG: [string, string][] = [
    ['await client.widgetCursor({ after: 2 });', "Type 'number' is not assignable to type 'string'"],
    ['client.iterate.widgetSearch();', "Property 'widgetSearch' does not exist"],
    [
      'for await (const w of client.iterate.widgetLinked()) { const s: string = w.id; }',
      "is not assignable to type 'string'",
    ],
  ];
  test('right calls compile; each wrong one fails with its error', async () => {
    const { dts } = await compileClient(paged);
    const wrap = (lines: string[]) =>
      [...HEAD, 'export async function main(): Promise<void> {', ...lines, '}', ''].join('\n');
    const diags = typeCheckConsumer(
      {
        '/consumer/client.d.ts': dts,
        '/consumer/right.ts': wrap(RIGHT),
        '/consumer/wrong.ts': wrap(WRONG.map(([code]) => code)),
      },
      { lib: ['es2022'], types: [] },
    );
    expect(diags.filter((d) => d.file !== '/consumer/wrong.ts').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual(
      [],
    );
    WRONG.forEach(([, message], i) => {
      const line = HEAD.length + 2 + i;
      expect(
        diags
          .filter((d) => d.file === '/consumer/wrong.ts' && d.line === line)
          .map((d) => d.message)
          .join('\n'),
      ).toContain(message);
    });
  }, 60_000);
});

describe('the built package over HTTP', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await writeClientPackage(paged);
    server = await startTestServer((req, res) => {
      if (req.url.pathname === '/v1/search') return json(res, 200, { ok: true });
      if (req.url.pathname === '/v1/cursor')
        return json(
          res,
          200,
          req.url.searchParams.get('after')
            ? { widgets: [{ id: 2 }] }
            : { widgets: [{ id: 1 }], paging: { next: 'c2' } },
        );
      return json(
        res,
        200,
        req.url.search ? { value: [] } : { value: [{ id: 1 }], '@odata.nextLink': '/v1/widgets?skip=1' },
      );
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('iterates both styles and sends the internal defaults', async () => {
    const client = loadClientPackage(dir).createClient({
      apiSecret: 's',
      baseUrl: `${server.origin}/v1`,
      retry: false,
    });
    const take = async (it: AsyncIterable<unknown>) => {
      const out: unknown[] = [];
      for await (const x of it) out.push(x);
      return out;
    };
    expect(await take(client.iterate.widgetLinked!())).toEqual([{ id: 1 }]);
    expect(await take(client.iterate.widgetCursor!())).toEqual([{ id: 1 }, { id: 2 }]);
    await client.widgetSearch!();
    const search = server.requests.find((r) => r.url.pathname === '/v1/search')!;
    expect(search.url.searchParams.get('api-version')).toBe('2024-01-01');
    expect(search.headers['x-format']).toBe('full');
    expect(server.requests.map((r) => r.url.pathname + r.url.search)).toEqual([
      '/v1/widgets',
      '/v1/widgets?skip=1',
      '/v1/cursor',
      '/v1/cursor?after=c2',
      '/v1/search?api-version=2024-01-01',
    ]);
  });
});
