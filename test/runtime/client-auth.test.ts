/**
 * Generated clients of each auth kind, built and loaded as a consumer loads them, against a real
 * 127.0.0.1 server: the credentials travel where the descriptor says, an expired OAuth token is
 * renewed once on a 401, and no token, password or key appears in anything thrown.
 */
import * as fs from 'node:fs';
import { clientSource } from '../../src/emit/client/client-source';
import { typeCheckClientSource } from '../../src/emit/client/client-compile';
import { apiKey, basicAuth, oauth2 } from '../../src/model/auth';
import type { Auth } from '../../src/model/connector';
import { runtimeBundle } from '../../src/synth/client-artifact';
import { notesConnector, OAUTH, SETS } from '../helpers/auth-connectors';
import { loadClientPackage, writeClientPackage, type ClientModule } from '../helpers/generated-client';
import { json, startTestServer, type Handler, type TestServer } from '../helpers/http-server';

let server: TestServer;
let handler: Handler;
const dirs: string[] = [];
beforeAll(async () => {
  server = await startTestServer((req, res, socket) => handler(req, res, socket));
});
afterAll(async () => {
  await server.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
});

async function clientModule(auth: Auth): Promise<ClientModule> {
  const dir = await writeClientPackage(notesConnector(auth));
  dirs.push(dir);
  return loadClientPackage(dir);
}

/** The server answers 401 (or `status`) and echoes the credentials it got, as some APIs do. */
const echo =
  (status: number): Handler =>
  (req, res) =>
    json(res, status, { error: 'denied', message: `bad credentials: ${req.headers.authorization ?? req.url.search}` });

const base = () => ({ baseUrl: `${server.origin}/v1/`, rateLimit: false as const, retry: false as const });

/** Everything a caller can see of an error. */
function visible(e: unknown): string {
  const err = e as Error & { cause?: unknown };
  return [
    String(err),
    err.message,
    err.stack,
    JSON.stringify(err),
    JSON.stringify((err as { body?: unknown }).body),
    String(err.cause),
  ].join('\n');
}

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('oauth2: bearer token from getAccessToken', () => {
  let mod: ClientModule;
  beforeAll(async () => {
    mod = await clientModule(oauth2(OAUTH));
  }, 60_000);

  test('sends the token as a bearer token and asks for it once', async () => {
    handler = (req, res) => json(res, 200, { name: req.headers.authorization });
    let calls = 0;
    const client = mod.createClient({ ...base(), getAccessToken: () => `tok-${++calls}` });
    expect(await client.getMe!()).toEqual({ name: 'Bearer tok-1' });
    expect(await client.getMe!({ verbose: true })).toEqual({ name: 'Bearer tok-1' });
    expect(calls).toBe(1);
  });

  test('a 401 asks for a new token once and retries once; the new token is then kept', async () => {
    handler = (req, res) =>
      req.headers.authorization === 'Bearer fresh'
        ? json(res, 200, { name: 'ok' })
        : echo(401)(req, res, undefined as never);
    const tokens = ['expired', 'fresh'];
    let calls = 0;
    const client = mod.createClient({ ...base(), getAccessToken: async () => tokens[calls++] ?? 'unexpected' });
    expect(await client.getMe!()).toEqual({ name: 'ok' });
    expect(await client.addNote!({ text: 'hi' })).toEqual({ name: 'ok' });
    expect(calls).toBe(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer expired',
      'Bearer fresh',
      'Bearer fresh',
    ]);
  });

  test('a second 401 is thrown, after exactly one renewal, without either token', async () => {
    handler = echo(401);
    let calls = 0;
    const client = mod.createClient({ ...base(), getAccessToken: () => `secret-token-${++calls}` });
    const e = await thrown(client.getMe!());
    expect(e).toBeInstanceOf(mod.HttpError);
    expect((e as { status: number }).status).toBe(401);
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(visible(e)).not.toMatch(/secret-token/);
  });

  test.each([
    [
      'throws',
      () => {
        throw new Error('refresh failed for secret-token-x');
      },
    ],
    ['returns nothing', () => ''],
    ['rejects', () => Promise.reject(new Error('secret-token-y'))],
  ])('getAccessToken %s: a ClientError without what it said', async (_n, getAccessToken) => {
    const client = mod.createClient({ ...base(), getAccessToken: getAccessToken as () => string });
    const e = await thrown(client.getMe!());
    expect(e).toBeInstanceOf(mod.ClientError);
    expect(visible(e)).not.toMatch(/secret-token/);
    expect(server.requests).toHaveLength(0);
  });

  test('createClient without getAccessToken fails at once', () => {
    expect(() => mod.createClient({ ...base(), apiSecret: 'k' })).toThrow(/getAccessToken/);
  });
});

describe('basic: username and password', () => {
  let mod: ClientModule;
  beforeAll(async () => {
    mod = await clientModule(basicAuth());
  }, 60_000);

  test.each([
    ['ascii', 'ana', 'pa:ss word'],
    ['non-ASCII (UTF-8, RFC 7617)', 'zoë', 'pässwörd€'],
  ])('sends an RFC 7617 Authorization header (%s)', async (_n, username, password) => {
    handler = (req, res) => json(res, 200, { name: req.headers.authorization });
    const client = mod.createClient({ ...base(), username, password });
    const expected = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
    expect(await client.getMe!()).toEqual({ name: expected });
  });

  test('a 401 is not retried, and neither the password nor its encoding is in the error', async () => {
    handler = echo(401);
    const password = 'correct-horse-battery';
    const client = mod.createClient({ ...base(), username: 'ana', password });
    const e = await thrown(client.getMe!());
    expect((e as { status: number }).status).toBe(401);
    expect(server.requests).toHaveLength(1);
    const text = visible(e);
    expect(text).not.toContain(password);
    expect(text).not.toContain(Buffer.from(`ana:${password}`).toString('base64'));
  });

  test('createClient without a username fails at once', () => {
    expect(() => mod.createClient({ ...base(), password: 'x' })).toThrow(/username/);
  });
});

describe.each([
  ['header', 'X-Api-Key'],
  ['query', 'key'],
] as const)('apiKey in the %s', (where, name) => {
  let mod: ClientModule;
  beforeAll(async () => {
    mod = await clientModule(apiKey({ in: where, name }));
  }, 60_000);

  test('sends the key there and keeps it out of errors', async () => {
    const key = 'k3y/with+odd=chars';
    handler = (req, res) =>
      json(res, 403, { message: `bad: ${req.headers[name.toLowerCase()] ?? req.url.searchParams.get(name)}` });
    const client = mod.createClient({ ...base(), apiSecret: key });
    const e = await thrown(client.getMe!());
    const seen = server.requests[0]!;
    expect(where === 'header' ? seen.headers['x-api-key'] : seen.url.searchParams.get('key')).toBe(key);
    expect(visible(e)).not.toContain(key);
    expect(visible(e)).not.toContain(encodeURIComponent(key));
  });
});

test.each([
  ['oauth2', oauth2(OAUTH), 'getAccessToken: () => string | Promise<string>;'],
  ['basic', basicAuth(), 'username: string;'],
])('the %s client type-checks and types its credentials', (_n, auth, member) => {
  const source = clientSource(notesConnector(auth), runtimeBundle());
  expect(typeCheckClientSource(source)).toEqual([]);
  expect(source).toContain(member);
  expect(source).toContain('export function createClient(options: NotesClientOptions): NotesClient');
});

describe('connection parameter sets: the caller names its set', () => {
  let mod: ClientModule;
  beforeAll(async () => {
    mod = await clientModule(SETS);
  }, 60_000);

  test('keyAuth sends the API key in its header, oauthAuth a bearer token', async () => {
    handler = (req, res) =>
      json(res, 200, { name: `${req.headers['x-api-key'] ?? ''}|${req.headers.authorization ?? ''}` });
    const byKey = mod.createClient({ ...base(), connection: 'keyAuth', apiSecret: 'set-key-1' });
    expect(await byKey.getMe!()).toEqual({ name: 'set-key-1|' });
    const byToken = mod.createClient({ ...base(), connection: 'oauthAuth', getAccessToken: () => 'set-token-1' });
    expect(await byToken.getMe!()).toEqual({ name: '|Bearer set-token-1' });
  });

  test('the oauth set renews its token once on a 401, as a plain OAuth client does', async () => {
    handler = (req, res) =>
      req.headers.authorization === 'Bearer fresh'
        ? json(res, 200, { name: 'ok' })
        : echo(401)(req, res, undefined as never);
    const tokens = ['stale', 'fresh'];
    let calls = 0;
    const client = mod.createClient({ ...base(), connection: 'oauthAuth', getAccessToken: () => tokens[calls++]! });
    expect(await client.getMe!()).toEqual({ name: 'ok' });
    expect(calls).toBe(2);
  });

  test("the key set's key never appears in an error", async () => {
    handler = (req, res) => json(res, 403, { message: `bad key ${req.headers['x-api-key']}` });
    const client = mod.createClient({ ...base(), connection: 'keyAuth', apiSecret: 'set-secret-key-9' });
    expect(visible(await thrown(client.getMe!()))).not.toContain('set-secret-key-9');
  });

  test.each([
    ['no connection', {}],
    ['an unknown set', { connection: 'nope' }],
  ])('%s fails at once, naming the sets', (_n, extra) => {
    expect(() => mod.createClient({ ...base(), apiSecret: 'k', ...extra })).toThrow(
      /connection: one of keyAuth, oauthAuth/,
    );
  });

  test("a set's own credentials are still required", () => {
    expect(() => mod.createClient({ ...base(), connection: 'oauthAuth' })).toThrow(/getAccessToken/);
  });

  test('the options are a union discriminated by connection, and type-check', () => {
    const source = clientSource(notesConnector(SETS), runtimeBundle());
    expect(typeCheckClientSource(source)).toEqual([]);
    expect(source).toContain("export type NotesClientOptions = Omit<ClientOptions, 'apiSecret'> &");
    expect(source).toContain('connection: "keyAuth";');
    expect(source).toContain('connection: "oauthAuth";');
  });
});
