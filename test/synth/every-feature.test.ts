/**
 * One connector with every feature issue 10 names: OAuth 2, a webhook trigger (and one routed by
 * the generated script.csx), a polling trigger, and every pagination style (page number, page
 * until empty, top-level array, next link, cursor). It builds, validates with zero errors against
 * the official schemas and the certification rules, and its typed client works over 127.0.0.1:
 * each list iterated with a bearer token, a trigger delivery parsed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics';
import { oauth2 } from '../../src/model/auth';
import { operation, query, t, webhookTrigger, type Operation } from '../../src/model';
import { buildConnector } from '../../src/synth/build-connector';
import { validateBuilt } from '../../src/validate/validate-target';
import { notesConnector, OAUTH } from '../helpers/auth-connectors';
import { loadClientPackage, writeClientPackage, type ClientModule } from '../helpers/generated-client';
import { json, startTestServer, type TestServer } from '../helpers/http-server';
import { cursored, linked } from '../helpers/paged-connector';
import { listWidgets } from '../helpers/sample-connector';
import { sharedDir } from '../helpers/shared';
import { deleteHook, onWidgetCreated, onWidgetPolled } from '../helpers/trigger-connector';

const item = t.partial({ id: t.integer({ format: 'int32', title: 'ID', description: 'The id.' }) });
const pageParam = query(t.integer({ format: 'int32', title: 'Page', description: 'The page.' }), {
  visibility: 'advanced',
});
const untilEmpty = operation({
  id: 'GadgetList',
  method: 'get',
  path: '/gadgets',
  summary: 'List gadgets',
  description: 'Lists gadgets, a page at a time, until a page is empty.',
  params: { page: pageParam },
  responses: { 200: t.partial({ gadgets: t.array(item, { title: 'Gadgets' }) }) },
  pagination: { style: 'page-until-empty', pageParam: 'page', itemsPath: 'gadgets' },
});
const topLevel = operation({
  id: 'ToolList',
  method: 'get',
  path: '/tools',
  summary: 'List tools',
  description: 'Lists tools as a top-level array, a page at a time.',
  params: { page: pageParam },
  responses: { 200: t.array(item, { title: 'Tools' }) },
  pagination: { style: 'page-until-empty', pageParam: 'page', itemsPath: '' },
});
const routedHook = webhookTrigger({
  id: 'OnWidgetDeleted',
  path: '/virtual/widget-deleted',
  apiPath: '/hooks',
  summary: 'When a widget is deleted',
  description: 'This operation triggers when a widget is deleted.',
  notificationUrl: { name: 'target_url', summary: 'Callback URL' },
  body: t.object({
    event: t.string({
      title: 'Event',
      description: 'The event.',
      enum: ['widget.deleted'],
      default: 'widget.deleted',
      visibility: 'internal',
    }),
  }),
  payload: t.object({ id: t.id({ title: 'Widget ID', description: 'The deleted widget.' }) }),
  unregister: deleteHook,
  location: { fromBody: 'hook.id' },
  responses: { 201: t.partial({ hook: t.partial({ id: t.string({ title: 'Hook ID', description: 'The hook.' }) }) }) },
});

const operations: Record<string, Operation> = {
  listWidgets,
  listGadgets: untilEmpty,
  listTools: topLevel,
  // The helper's next-link list shares /widgets with listWidgets: the same list at its own path.
  listLinked: operation({ ...linked, path: '/linked' }),
  listCursored: cursored,
  deleteHook,
  onWidgetCreated,
  onWidgetDeleted: routedHook,
  onWidgetPolled,
};
const connector = notesConnector(oauth2(OAUTH), 'zoo', operations);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-every-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('it builds, and validates with zero errors against the official schemas and the certification rules', async () => {
  const built = await buildConnector(connector, { outDir: out, env: { NOTES_CLIENT_SECRET: 'zoo-secret-1' } });
  expect(built.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  expect(built.ok).toBe(true);
  const folder = path.join(out, connector.id, 'connector');
  expect(fs.readdirSync(folder)).toEqual(expect.arrayContaining(['script.csx', 'apiProperties.json']));
  const validated = await validateBuilt(connector, folder, {
    schemasDir: path.join(sharedDir(), 'schemas'),
    certification: true,
  });
  const layers = new Set(validated.diagnostics.map((d) => d.code));
  expect(layers).not.toContain('schemas-unavailable');
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
