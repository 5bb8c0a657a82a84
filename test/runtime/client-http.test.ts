/**
 * The runtime over real HTTP (127.0.0.1) against a fault-injecting server, with the operation
 * table generated from the ConvertKit descriptors.
 */
import convertkit from '../../definitions/convertkit/connector';
import { clientConfig, operationRoute } from '../../src/emit/client/client-source';
import { operation, path, t } from '../../src/model';
import { createCore, type CoreInternals } from '../../src/runtime/core';
import {
  AbortError,
  ClientError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from '../../src/runtime/errors';
import type { ClientOptions } from '../../src/runtime/types';
import { everythingIn, json, startTestServer, type Handler, type TestServer } from '../helpers/http-server';

const SECRET = 'sk_live_S3cr3t+/=&value-0123456789';
const config = clientConfig(convertkit);

let server: TestServer;
let handler: Handler;
beforeAll(async () => {
  server = await startTestServer((req, res, socket) => handler(req, res, socket));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function core(o: Partial<ClientOptions> = {}, internals: CoreInternals = {}) {
  return createCore(
    config,
    {
      apiSecret: SECRET,
      baseUrl: `${server.origin}/v3/`,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
      ...o,
    },
    internals,
  );
}

/** Answers each request with the next entry; the last one repeats. */
function script(...steps: Handler[]): void {
  let i = 0;
  handler = (req, res, socket) => steps[Math.min(i++, steps.length - 1)]!(req, res, socket);
}
const ok =
  (body: unknown): Handler =>
  (_q, res) =>
    json(res, 200, body);
const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_q, res) =>
    json(res, code, { error: 'Oops', message: `status ${code}` }, headers);
const reset: Handler = (_q, _res, socket) => void socket.destroy();

describe('requests', () => {
  test('the secret travels in the query on every method, never in a body', async () => {
    script(ok({}));
    const c = core();
    await c.call('Account');
    await c.call('FormSubAdd', { form_id: '42', email: 'a@example.com', first_name: 'A' });
    await c.call('SubscriberUnsub', { email: 'a@example.com' });
    await c.call('BroadcastDelete', { broadcast_id: '7' });
    const [get, post, put, del] = server.requests;
    for (const r of [get, post, put, del]) expect(r!.url.searchParams.get('api_secret')).toBe(SECRET);
    expect(get!.body).toBe('');
    expect(JSON.parse(post!.body)).toEqual({ email: 'a@example.com', first_name: 'A' });
    expect(post!.url.pathname).toBe('/v3/forms/42/subscribe');
    expect(post!.headers['content-type']).toBe('application/json');
    expect(put!.body).not.toContain(SECRET);
    expect(del!.method).toBe('DELETE');
  });

  test('query parameters by name, path parameters encoded once', async () => {
    script(ok({ subscribers: [] }));
    await core().call('SubscriberList', { email_address: 'x+y@example.com', sort_order: 'desc', page: 2 });
    const q = server.requests[0]!.url.searchParams;
    expect([q.get('email_address'), q.get('sort_order'), q.get('page')]).toEqual(['x+y@example.com', 'desc', '2']);
    await core().call('SubscriberGet', { subscriber_id: 'a/b c' });
    expect(server.requests[1]!.url.pathname).toBe('/v3/subscribers/a%2Fb%20c');
  });

  test.each([
    ['Account', { nope: 1 }, 'Account has no parameter "nope"'],
    ['FormSubAdd', { email: 'a@example.com' }, 'FormSubAdd needs the path parameter "form_id"'],
    ['NoSuchOp', {}, 'unknown operation "NoSuchOp"'],
  ])('%s with %j is refused before sending', async (op, params, message) => {
    await expect(core().call(op, params)).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });

  test('a body that is not an object is sent whole from the input `body`; an optional one may be left out', async () => {
    const whole = (id: string, body: ReturnType<typeof t.string> | ReturnType<typeof t.array>, bodyRequired = true) =>
      operationRoute(
        operation({
          id,
          method: 'put',
          path: '/tags/{tag_id}',
          summary: 'Replace',
          description: 'Replace.',
          params: { tag_id: path(t.string()) },
          body,
          bodyRequired,
          responses: {},
        }),
      );
    const withWhole = {
      ...config,
      operations: {
        ...config.operations,
        TagsPut: whole('TagsPut', t.array(t.object({ name: t.string() }))),
        NotePut: whole('NotePut', t.string(), false),
      },
    };
    script(ok({}));
    const c = createCore(withWhole, { apiSecret: SECRET, baseUrl: `${server.origin}/v3/`, rateLimit: false });
    await c.call('TagsPut', { tag_id: '1', body: [{ name: 'a' }, { name: 'b' }] });
    await c.call('NotePut', { tag_id: '2', body: 'plain' });
    await c.call('NotePut', { tag_id: '3' });
    await expect(c.call('TagsPut', { tag_id: '4', name: 'a' })).rejects.toThrow('TagsPut has no parameter "name"');
    const [tags, note, none] = server.requests;
    expect(JSON.parse(tags!.body)).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(tags!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(note!.body)).toBe('plain');
    expect([none!.body, none!.headers['content-type']]).toEqual(['', undefined]);
    expect(server.requests).toHaveLength(3);
  });

  test('an empty secret is refused', () => {
    expect(() => createCore(config, { apiSecret: '' })).toThrow(ClientError);
  });
});

describe('responses', () => {
  test('204 and an empty 200 resolve to undefined', async () => {
    script(
      (_q, res) => {
        res.writeHead(204);
        res.end();
      },
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('');
      },
    );
    await expect(core().call('BroadcastDelete', { broadcast_id: '1' })).resolves.toBeUndefined();
    await expect(core().call('Account')).resolves.toBeUndefined();
  });

  test('invalid JSON in a 200 is an InvalidResponseError', async () => {
    script((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"name": "Acme"');
    });
    const e = await core()
      .call('Account')
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidResponseError);
    expect(e).toBeInstanceOf(ClientError);
    expect((e as InvalidResponseError).status).toBe(200);
  });

  test('an HTML error page is an HttpError with the page text, not a JSON crash', async () => {
    script((_q, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not Found</h1></body></html>');
    });
    const e = (await core()
      .call('Account')
      .catch((x: unknown) => x)) as HttpError;
    expect(e).toBeInstanceOf(HttpError);
    expect([e.status, e.operationId, e.body]).toEqual([404, 'Account', undefined]);
    expect(e.text).toContain('<h1>Not Found</h1>');
  });

  test('a ConvertKit error body is parsed into {error, message}', async () => {
    script((_q, res) => json(res, 401, { error: 'Authorization Failed', message: 'API Key not valid' }));
    const e = (await core()
      .call('Account')
      .catch((x: unknown) => x)) as HttpError;
    expect(e.body).toEqual({ error: 'Authorization Failed', message: 'API Key not valid' });
    expect(e.message).toBe('Account failed with HTTP 401: Authorization Failed: API Key not valid');
    expect(e.name).toBe('HttpError');
  });
});

describe('retries', () => {
  test('429 with Retry-After (seconds) then success, on a POST', async () => {
    script(status(429, { 'retry-after': '1' }), ok({ subscription: { id: 1 } }));
    const started = performance.now();
    await expect(core().call('FormSubAdd', { form_id: '1', email: 'a@example.com' })).resolves.toEqual({
      subscription: { id: 1 },
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test('429 with Retry-After as an HTTP-date', async () => {
    script(status(429, { 'retry-after': new Date(Date.now() + 1500).toUTCString() }), ok({ name: 'x' }));
    await expect(core().call('Account')).resolves.toEqual({ name: 'x' });
    // HTTP-dates have whole seconds: the wait is 0.5..1.5 s.
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(400);
  });

  test('a long Retry-After is cut to maxRetryAfterMs', async () => {
    script(status(429, { 'retry-after': '3600' }), ok({ name: 'x' }));
    await core({ retry: { maxRetryAfterMs: 20 } }).call('Account');
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeLessThan(1000);
  });

  test('a plain-text 429 that persists ends as HttpError after the retry limit', async () => {
    script((_q, res) => {
      res.writeHead(429, { 'content-type': 'text/plain' });
      res.end('Retry later');
    });
    const e = (await core({ retry: { limit: 3, baseDelayMs: 1 } })
      .call('Account')
      .catch((x: unknown) => x)) as HttpError;
    expect([e.status, e.text]).toEqual([429, 'Retry later']);
    expect(server.requests).toHaveLength(4);
  });

  test('GET is retried on 503', async () => {
    script(status(503), status(503), ok({ tags: [] }));
    await expect(core().call('TagList')).resolves.toEqual({ tags: [] });
    expect(server.requests).toHaveLength(3);
  });

  test.each([408, 500, 502, 504])('PUT and DELETE are retried on %i', async (code) => {
    script(status(code), ok({}));
    await core().call('SubscriberUnsub', { email: 'a@example.com' });
    expect(server.requests).toHaveLength(2);
  });

  test('POST is not retried on 500', async () => {
    script(status(500), ok({}));
    const e = (await core()
      .call('TagAdd', { tag: { name: 'x' } })
      .catch((x: unknown) => x)) as HttpError;
    expect([e.status, server.requests.length]).toEqual([500, 1]);
  });

  test('a POST the descriptor marks idempotent is retried on 500', async () => {
    const idem = {
      ...config,
      operations: { ...config.operations, TagAdd: { ...config.operations.TagAdd!, idempotent: true } },
    };
    script(status(500), ok({ id: 1 }));
    const c = createCore(idem, {
      apiSecret: SECRET,
      baseUrl: `${server.origin}/v3/`,
      retry: { baseDelayMs: 1 },
      rateLimit: false,
    });
    await expect(c.call('TagAdd', { tag: { name: 'x' } })).resolves.toEqual({ id: 1 });
    expect(server.requests).toHaveLength(2);
  });

  test('retry: false sends once', async () => {
    script(status(503), ok({}));
    await expect(core({ retry: false }).call('Account')).rejects.toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(1);
  });

  test('backoff waits grow (jitter fixed by the test seam)', async () => {
    script(status(503), status(503), ok({}));
    await core({ retry: { baseDelayMs: 100, maxDelayMs: 10_000 } }, { random: () => 1 }).call('Account');
    const [a, b, c] = server.requests.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(95);
    expect(c! - b!).toBeGreaterThanOrEqual(195);
  });
});

describe('network failures, timeouts, cancellation', () => {
  test('a connection reset on a GET is retried, then reported as NetworkError with a cause', async () => {
    script(reset);
    const e = (await core({ retry: { limit: 2, baseDelayMs: 1 } })
      .call('Account')
      .catch((x: unknown) => x)) as NetworkError;
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.cause).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(3);
  });

  test('a connection reset then success on a GET', async () => {
    script(reset, ok({ name: 'x' }));
    await expect(core().call('Account')).resolves.toEqual({ name: 'x' });
  });

  test('a connection reset on a POST is not retried', async () => {
    script(reset);
    await expect(core().call('TagAdd', { tag: { name: 'x' } })).rejects.toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(1);
  });

  test('a refused connection is a NetworkError', async () => {
    const dead = await startTestServer(ok({}));
    const url = `${dead.origin}/v3/`;
    await dead.close();
    await expect(
      createCore(config, { apiSecret: SECRET, baseUrl: url, retry: false, rateLimit: false }).call('Account'),
    ).rejects.toBeInstanceOf(NetworkError);
  });

  test('a slow server gives TimeoutError (per call and per client)', async () => {
    script((_q, res) => {
      setTimeout(() => json(res, 200, {}), 1000);
    });
    const started = performance.now();
    const e = (await core({ timeoutMs: 5000 })
      .call('Account', {}, { timeoutMs: 100 })
      .catch((x: unknown) => x)) as TimeoutError;
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.timeoutMs).toBe(100);
    expect(performance.now() - started).toBeLessThan(900);
    await expect(core({ timeoutMs: 100 }).call('Account')).rejects.toBeInstanceOf(TimeoutError);
  });

  test.each([
    ['from a shared deadline slot (no caller signal)', false],
    ['from its own timer (with a caller signal)', true],
  ])('a timed-out request is aborted, freeing its socket: %s', async (_l, withSignal) => {
    let closed: Promise<void> | undefined;
    script((_q, _res, socket) => {
      // Never answers: only the client giving up can close this connection.
      closed = new Promise((resolve) => socket.once('close', () => resolve()));
    });
    const o = withSignal ? { signal: new AbortController().signal } : {};
    const e = await core({ timeoutMs: 64, retry: false })
      .call('Account', {}, o)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TimeoutError);
    expect(closed).toBeDefined();
    await closed;
  });

  test('calls sharing a deadline slot: the slow ones time out, the fast ones are untouched', async () => {
    handler = (req, res) => {
      if (req.url.pathname.endsWith('/account')) setTimeout(() => json(res, 200, { name: 'late' }), 3000);
      else json(res, 200, { tags: [] });
    };
    // A timeout the fast calls meet with a wide margin even on a loaded machine.
    const c = core({ timeoutMs: 1000, retry: false });
    const calls = Array.from({ length: 24 }, (_, i) =>
      (i % 3 === 0 ? c.call('Account') : c.call('TagList')).then(
        () => 'ok',
        (e: unknown) => (e instanceof TimeoutError ? 'timeout' : String(e)),
      ),
    );
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? 'timeout' : 'ok')));
  });

  test('timeoutMs 0 means no timeout; the caller can still cancel', async () => {
    script((_q, res) => {
      setTimeout(() => json(res, 200, { name: 'late' }), 300);
    });
    const seen: (AbortSignal | undefined)[] = [];
    const c = core({ timeoutMs: 0, fetch: (url, init) => (seen.push(init.signal), fetch(url, init)) });
    await expect(c.call('Account')).resolves.toEqual({ name: 'late' });
    expect(seen).toEqual([undefined]);
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    await expect(c.call('Account', {}, { signal: ctl.signal })).rejects.toBeInstanceOf(AbortError);
    expect(seen[1]).toBe(ctl.signal);
  });

  test('the caller can cancel with an AbortSignal, also while waiting to retry', async () => {
    script((_q, res) => {
      setTimeout(() => json(res, 200, {}), 1000);
    });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    await expect(core().call('Account', {}, { signal: ctl.signal })).rejects.toBeInstanceOf(AbortError);
    script(status(429, { 'retry-after': '30' }));
    const ctl2 = new AbortController();
    setTimeout(() => ctl2.abort(), 100);
    const started = performance.now();
    await expect(core().call('Account', {}, { signal: ctl2.signal })).rejects.toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(core().call('Account', {}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
  });
});

describe('the secret never leaves in an error', () => {
  const cases: [string, Handler][] = [
    [
      'JSON error echoing the secret',
      (q, res) =>
        json(res, 401, {
          error: 'Authorization Failed',
          message: `key ${q.url.searchParams.get('api_secret')} not valid`,
        }),
    ],
    [
      'HTML page echoing the URL',
      (q, res) => {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end(`<p>error at ${q.url.pathname}${q.url.search}</p>`);
      },
    ],
    [
      'invalid JSON',
      (q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"oops": "${encodeURIComponent(q.url.searchParams.get('api_secret')!)}`);
      },
    ],
    ['connection reset', reset],
    ['slow (timeout)', (_q, res) => void setTimeout(() => json(res, 200, {}), 500)],
    ['429 that persists', status(429)],
  ];
  test.each(cases)('%s', async (_name, h) => {
    script(h);
    const e = await core({ timeoutMs: 100, retry: { limit: 1, baseDelayMs: 1 } })
      .call('Account')
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ClientError);
    const all = everythingIn(e);
    expect(all.length).toBeGreaterThan(20);
    for (const form of [SECRET, encodeURIComponent(SECRET), new URLSearchParams({ s: SECRET }).toString().slice(2)])
      expect(all).not.toContain(form);
  });
});

describe('limiter over HTTP', () => {
  test('200 concurrent calls: no 300 ms window holds more than 10 sends', async () => {
    script(ok({ name: 'x' }));
    // Node loads its fetch implementation on first use (a long synchronous pause); load it first.
    await core().call('Account');
    server.requests.length = 0;
    // Send times are taken where the request leaves the client (network jitter would blur them at the server).
    const sent: number[] = [];
    const c = core({
      rateLimit: { calls: 10, windowMs: 300 },
      fetch: (url, init) => {
        sent.push(performance.now());
        return fetch(url, init);
      },
    });
    const started = performance.now();
    await Promise.all(Array.from({ length: 200 }, () => c.call('Account')));
    const elapsed = performance.now() - started;
    expect(server.requests).toHaveLength(200);
    const times = [...sent].sort((a, b) => a - b);
    let max = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      // The limiter stamps each send just before fetch is called; 1 ms covers the step in between.
      while (times[i]! - times[j]! >= 299) j++;
      max = Math.max(max, i - j + 1);
    }
    expect(max).toBe(10);
    // 200 calls at 10 per 300 ms need 19 full windows after the first batch.
    expect(elapsed).toBeGreaterThanOrEqual(19 * 300 - 50);
  }, 20_000);

  test('the default comes from the descriptor (100 per 60 s) and can be turned off', async () => {
    expect(config.rateLimit).toEqual({ calls: 100, windowMs: 60_000 });
    script(ok({}));
    const c = createCore(config, { apiSecret: SECRET, baseUrl: `${server.origin}/v3/` });
    await Promise.all(Array.from({ length: 100 }, () => c.call('Account')));
    const extra = c.call('Account', {}, { signal: AbortSignal.timeout(200) });
    await expect(extra).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(100);
    const off = core({ rateLimit: false });
    await Promise.all(Array.from({ length: 150 }, () => off.call('Account')));
    expect(server.requests).toHaveLength(250);
  });
});

describe('pagination', () => {
  const subscriber = (page: number, i: number) => ({ id: page * 1000 + i, email_address: `s${page}-${i}@example.com` });
  const pages =
    (total: number, per: number, key = 'subscribers'): Handler =>
    (q, res) => {
      const page = Number(q.url.searchParams.get('page') ?? 1);
      json(res, 200, { page, total_pages: total, [key]: Array.from({ length: per }, (_, i) => subscriber(page, i)) });
    };

  test('page/total_pages over 12 pages, fetched one page at a time', async () => {
    script(pages(12, 50));
    const it = core().paginate('SubscriberList', { sort_order: 'desc' });
    const first = await it.next();
    expect(first.value).toEqual(subscriber(1, 0));
    expect(server.requests).toHaveLength(1);
    let count = 1;
    for await (const s of it) {
      count++;
      // While items of page p are consumed, pages beyond p were never requested.
      expect(server.requests.length).toBe(Math.floor((count - 1) / 50) + 1);
      void s;
    }
    expect(count).toBe(600);
    expect(server.requests.map((r) => r.url.searchParams.get('page'))).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1)),
    );
    expect(server.requests.every((r) => r.url.searchParams.get('sort_order') === 'desc')).toBe(true);
  });

  test('starts at the page given', async () => {
    script(pages(5, 2, 'subscriptions'));
    const ids: number[] = [];
    for await (const s of core().paginate('FormSubList', { form_id: '1', page: 4 })) ids.push((s as { id: number }).id);
    expect(server.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['4', '5']);
    expect(ids).toEqual([4000, 4001, 5000, 5001]);
  });

  test('broadcasts page until an empty page (no totals in the response)', async () => {
    script((q, res) => {
      const page = Number(q.url.searchParams.get('page'));
      json(res, 200, { broadcasts: page <= 9 ? [{ id: page * 10 }, { id: page * 10 + 1 }] : [] });
    });
    const ids: number[] = [];
    for await (const b of core().paginate('BroadcastList')) ids.push((b as { id: number }).id);
    expect(ids).toHaveLength(18);
    expect(server.requests).toHaveLength(10);
  });

  test('a list that is the whole body (itemsPath ""), as GitHub-like APIs return, pages until empty', async () => {
    const list = config.operations.BroadcastList!;
    const topLevel = {
      ...config,
      operations: {
        ...config.operations,
        BroadcastList: { ...list, pagination: { pageParam: 'page', itemsPath: '' } },
      },
    };
    script((q, res) => {
      const page = Number(q.url.searchParams.get('page'));
      json(res, 200, page <= 3 ? [{ id: page * 10 }, { id: page * 10 + 1 }] : []);
    });
    const c = createCore(topLevel, {
      apiSecret: SECRET,
      baseUrl: `${server.origin}/v3/`,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
    });
    const ids: number[] = [];
    for await (const b of c.paginate('BroadcastList')) ids.push((b as { id: number }).id);
    expect(ids).toEqual([10, 11, 20, 21, 30, 31]);
    expect(server.requests).toHaveLength(4);
  });

  test('errors surface from the iterator, and non-paginated operations are refused', async () => {
    script(status(404));
    await expect(core().paginate('PurchaseList').next()).rejects.toBeInstanceOf(HttpError);
    await expect(core().paginate('Account').next()).rejects.toThrow('Account is not paginated');
  });
});
