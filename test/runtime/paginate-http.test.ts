/**
 * Next-link and cursor pagination, and internal parameter defaults, over real HTTP (127.0.0.1),
 * with the operation table generated from descriptors (clientConfig), so the emitted route and
 * the runtime are tested together.
 */
import { clientConfig } from '../../src/emit/client/client-source';
import { createCore } from '../../src/runtime/core';
import { ClientError } from '../../src/runtime/errors';
import type { ClientConfig } from '../../src/runtime/types';
import { json, startTestServer, type Handler, type TestServer } from '../helpers/http-server';
import { paged } from '../helpers/paged-connector';

const SECRET = 'k3y+/=&secret';
const config = clientConfig(paged);

let server: TestServer;
let other: TestServer;
let handler: Handler;
beforeAll(async () => {
  server = await startTestServer((req, res, socket) => handler(req, res, socket));
  other = await startTestServer((_req, res) => json(res, 200, { value: [{ id: 666 }] }));
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function core(c: ClientConfig = config) {
  return createCore(c, { apiSecret: SECRET, baseUrl: `${server.origin}/v1/`, retry: false, rateLimit: false });
}
/** Answers each request with the next body; the last one repeats. */
function pages(...bodies: ((origin: string) => unknown)[]): void {
  let i = 0;
  handler = (_q, res) => json(res, 200, bodies[Math.min(i++, bodies.length - 1)]!(server.origin));
}
async function all(it: AsyncIterable<unknown>): Promise<number[]> {
  const ids: number[] = [];
  for await (const x of it) ids.push((x as { id: number }).id);
  return ids;
}
const ids = (...n: number[]) => n.map((id) => ({ id }));

describe('next-link pagination', () => {
  test('follows absolute and relative links until there is none, with the same headers and secret', async () => {
    pages(
      (o) => ({ value: ids(1, 2), '@odata.nextLink': `${o}/v1/widgets?skip=2` }),
      () => ({ value: ids(3), '@odata.nextLink': 'widgets?skip=3' }),
      () => ({ value: [] }),
    );
    expect(await all(core().paginate('WidgetLinked', { 'x-tenant': 'acme' }))).toEqual([1, 2, 3]);
    expect(server.requests.map((r) => r.url.pathname + r.url.search)).toEqual([
      '/v1/widgets',
      '/v1/widgets?skip=2',
      '/v1/widgets?skip=3',
    ]);
    for (const r of server.requests) {
      expect(r.headers['x-api-key']).toBe(SECRET);
      expect(r.headers['x-tenant']).toBe('acme');
    }
  });

  test('fetches one page at a time', async () => {
    pages(
      (o) => ({ value: ids(1, 2), '@odata.nextLink': `${o}/v1/widgets?skip=2` }),
      () => ({ value: ids(3) }),
    );
    const it = core().paginate('WidgetLinked');
    expect((await it.next()).value).toEqual({ id: 1 });
    expect((await it.next()).value).toEqual({ id: 2 });
    expect(server.requests).toHaveLength(1);
    expect((await it.next()).value).toEqual({ id: 3 });
    expect(server.requests).toHaveLength(2);
    expect((await it.next()).done).toBe(true);
  });

  test('a secret in the query goes onto a link that lacks it, once', async () => {
    const inQuery: ClientConfig = { ...config, auth: { in: 'query', name: 'code' } };
    pages(
      () => ({ value: ids(1), '@odata.nextLink': '/v1/widgets?skip=1' }),
      () => ({ value: ids(2) }),
    );
    expect(await all(core(inQuery).paginate('WidgetLinked'))).toEqual([1, 2]);
    for (const r of server.requests) expect(r.url.searchParams.getAll('code')).toEqual([SECRET]);
  });

  test.each([
    [
      'another host',
      () => `${other.origin}/v1/widgets?skip=1`,
      /goes to http:\/\/127\.0\.0\.1:\d+, not http:\/\/127\.0\.0\.1:\d+; the client does not send the credential/,
    ],
    [
      'another scheme',
      () => `https://${server.origin.slice('http://'.length)}/v1/widgets`,
      /goes to https:\/\/127\.0\.0\.1/,
    ],
    ['the same page again', () => `${server.origin}/v1/widgets`, /the next link repeats the current page/],
    ['not a string', () => 42, /the next link is a number, not a URL string/],
  ])('a next link to %s is refused, after the first page', async (_name, link, message) => {
    pages(() => ({ value: ids(1), '@odata.nextLink': link() }));
    const it = core().paginate('WidgetLinked');
    expect((await it.next()).value).toEqual({ id: 1 });
    const err = await it.next().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClientError);
    expect((err as Error).message).toMatch(/^WidgetLinked: /);
    expect((err as Error).message).toMatch(message);
    expect(other.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });
});

describe('cursor pagination', () => {
  test('sends each cursor back as given until there is none', async () => {
    pages(
      () => ({ widgets: ids(1, 2), paging: { next: 'c/2+=' } }),
      () => ({ widgets: ids(3), paging: { next: 'c3' } }),
      () => ({ widgets: [], paging: {} }),
    );
    expect(await all(core().paginate('WidgetCursor', { color: 'red' }))).toEqual([1, 2, 3]);
    expect(server.requests.map((r) => [r.url.searchParams.get('after'), r.url.searchParams.get('color')])).toEqual([
      [null, 'red'],
      ['c/2+=', 'red'],
      ['c3', 'red'],
    ]);
  });

  test.each([
    ['null', null],
    ['empty', ''],
    ['absent', undefined],
  ])('a %s cursor ends the list', async (_name, next) => {
    pages(() => ({ widgets: ids(1), paging: next === undefined ? {} : { next } }));
    expect(await all(core().paginate('WidgetCursor'))).toEqual([1]);
    expect(server.requests).toHaveLength(1);
  });

  test('a caller-given cursor starts there', async () => {
    pages(() => ({ widgets: ids(5) }));
    expect(await all(core().paginate('WidgetCursor', { after: 'c5' }))).toEqual([5]);
    expect(server.requests[0]!.url.searchParams.get('after')).toBe('c5');
  });

  test('a cursor that comes back unchanged is an error, not an endless loop', async () => {
    pages(() => ({ widgets: ids(1), paging: { next: 'same' } }));
    await expect(all(core().paginate('WidgetCursor'))).rejects.toThrow(
      'WidgetCursor: the response repeats the cursor it was sent',
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe('internal parameter defaults', () => {
  test.each([
    ['left out: the defaults go', {}, '2024-01-01', 'full'],
    ['given: the caller wins', { 'api-version': '2025-02-02', 'x-format': 'short' }, '2025-02-02', 'short'],
    ['undefined: the defaults go', { 'api-version': undefined }, '2024-01-01', 'full'],
  ])('%s', async (_name, params, version, format) => {
    pages(() => ({ ok: true }));
    await core().call('WidgetSearch', params);
    const r = server.requests[0]!;
    expect(r.url.searchParams.get('api-version')).toBe(version);
    expect(r.headers['x-format']).toBe(format);
    // An optional internal parameter is not sent on the platform's behalf.
    expect(r.url.searchParams.has('limit')).toBe(false);
  });

  test('the route lists only required internal parameters with a default', () => {
    expect(config.operations.WidgetSearch!.defaults).toEqual({ 'api-version': '2024-01-01', 'x-format': 'full' });
    expect(config.operations.WidgetLinked!.defaults).toBeUndefined();
  });
});
