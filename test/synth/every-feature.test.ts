/**
 * One connector with every feature issue 10 names: OAuth 2, a webhook trigger (and one routed by
 * the generated script.csx), a polling trigger, and every pagination style (page number, page
 * until empty, top-level array, next link, cursor). It builds and passes the certification rules
 * with zero errors (the official schemas: test/conformance/every-feature-official.test.ts), and its
 * typed client works over 127.0.0.1: each list iterated with a bearer token, a trigger delivery parsed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics';
import { buildConnector } from '../../src/synth/build-connector';
import { validateBuilt } from '../../src/validate/validate-target';
import { everyFeatureConnector as connector } from '../helpers/every-feature-connector';
import { loadClientPackage, writeClientPackage, type ClientModule } from '../helpers/generated-client';
import { json, startTestServer, type TestServer } from '../helpers/http-server';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-every-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('it builds, and validates with zero errors against the certification rules', async () => {
  const built = await buildConnector(connector, { outDir: out, env: { NOTES_CLIENT_SECRET: 'zoo-secret-1' } });
  expect(built.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  expect(built.ok).toBe(true);
  const folder = path.join(out, connector.id, 'connector');
  expect(fs.readdirSync(folder)).toEqual(expect.arrayContaining(['script.csx', 'apiProperties.json']));
  const validated = await validateBuilt(connector, folder, { certification: true });
  expect(validated.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  // The client secret reached no file.
  for (const f of fs.readdirSync(out, { recursive: true, withFileTypes: true }))
    if (f.isFile()) expect(fs.readFileSync(path.join(f.parentPath, f.name), 'utf8')).not.toContain('zoo-secret-1');
}, 120_000);

describe('its typed client, over 127.0.0.1 with a bearer token', () => {
  let server: TestServer;
  let mod: ClientModule & { parseDelivery: (id: string, body: string) => unknown; DeliveryError: new () => Error };
  let client: Record<string, any>;
  const pages =
    (n: number, per = 2) =>
    (p: number) =>
      p <= n ? Array.from({ length: per }, (_, i) => ({ id: (p - 1) * per + i + 1 })) : [];
  beforeAll(async () => {
    server = await startTestServer((req, res) => {
      if (req.headers.authorization !== 'Bearer zoo-token') return json(res, 401, { message: 'no' });
      const u = req.url;
      const page = Number(u.searchParams.get('page') ?? '1');
      switch (u.pathname) {
        case '/v1/linked': {
          // next-link: two pages, the second reached through the link.
          const second = u.searchParams.get('skip') === '2';
          return json(res, 200, {
            value: second ? [{ id: 3 }] : [{ id: 1 }, { id: 2 }],
            ...(second ? {} : { '@odata.nextLink': `${server.origin}/v1/linked?skip=2` }),
          });
        }
        case '/v1/widgets':
          return json(res, 200, { widgets: pages(3)(page), total_pages: 3 });
        case '/v1/gadgets':
          return json(res, 200, { gadgets: pages(2)(page) });
        case '/v1/tools':
          return json(res, 200, pages(2, 1)(page));
        case '/v1/cursor': {
          const after = u.searchParams.get('after');
          return json(
            res,
            200,
            after ? { widgets: [{ id: 9 }], paging: {} } : { widgets: [{ id: 8 }], paging: { next: 'c2' } },
          );
        }
        default:
          return json(res, 404, { message: 'no route' });
      }
    });
    mod = loadClientPackage(await writeClientPackage(connector)) as typeof mod;
    client = mod.createClient({
      baseUrl: `${server.origin}/v1/`,
      getAccessToken: () => 'zoo-token',
      rateLimit: false,
      retry: false,
    }) as Record<string, any>;
  }, 60_000);
  afterAll(() => server.close());

  const take = async (it: AsyncIterable<{ id: number }>) => {
    const ids: number[] = [];
    for await (const x of it) ids.push(x.id);
    return ids;
  };
  test.each([
    ['page number', 'listWidgets', {}, [1, 2, 3, 4, 5, 6]],
    ['page until empty', 'listGadgets', {}, [1, 2, 3, 4]],
    ['a top-level array', 'listTools', {}, [1, 2]],
    ['next link', 'listLinked', { 'x-tenant': 't1' }, [1, 2, 3]],
    ['cursor', 'listCursored', {}, [8, 9]],
  ])('%s', async (_style, method, params, ids) => {
    expect(await take(client.iterate[method](params))).toEqual(ids);
  });

  test('a webhook delivery is parsed into its typed payload', () => {
    expect(mod.parseDelivery('OnWidgetDeleted', '{"id":7}')).toEqual({ id: 7 });
    expect(() => mod.parseDelivery('OnWidgetDeleted', '[]')).toThrow(mod.DeliveryError);
  });
});
