/**
 * The generated client's response handling (its runtime, with the ConvertKit operation table)
 * against a 127.0.0.1 server that answers badly: malformed, huge, deeply nested or truncated
 * bodies and wrong content types. Every call either resolves or rejects with the client's typed
 * ClientError, never with anything else and never by crashing.
 */
import fc from 'fast-check';
import convertkit from '../../definitions/convertkit/connector';
import { clientConfig } from '../../src/emit/client/client-source';
import { createCore } from '../../src/runtime/core';
import { ClientError, HttpError, InvalidResponseError, NetworkError } from '../../src/runtime/errors';
import { startTestServer, type Handler, type TestServer } from '../helpers/http-server';
import { FUZZ_SEED } from './harness';

const SECRET = 'sk_fuzz_0123456789abcdef';
const config = clientConfig(convertkit);
let server: TestServer;
let handler: Handler;

beforeAll(async () => {
  server = await startTestServer((req, res, socket) => handler(req, res, socket));
});
afterAll(() => server.close());

const core = () =>
  createCore(config, { apiSecret: SECRET, baseUrl: `${server.origin}/v3/`, retry: false, rateLimit: false });

interface Answer {
  name: string;
  status: number;
  type?: string;
  body: string | Buffer;
  /** Close the socket after this many body bytes, with a Content-Length promising more. */
  cutAt?: number;
}

const deep = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

const ANSWERS: Answer[] = [
  { name: 'truncated JSON', status: 200, type: 'application/json', body: '{"name": "Acme", "primary_' },
  { name: 'HTML with a JSON content type', status: 200, type: 'application/json', body: '<html>oops</html>' },
  { name: 'HTML with its own content type', status: 200, type: 'text/html', body: '<!doctype html><p>maintenance' },
  { name: 'no content type', status: 200, body: '{"name":"Acme"}' },
  {
    name: 'invalid UTF-8',
    status: 200,
    type: 'application/json',
    body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  },
  { name: 'a JSON array where an object is promised', status: 200, type: 'application/json', body: '[1,2,3]' },
  { name: 'a bare JSON string', status: 200, type: 'application/json', body: '"x"' },
  { name: 'JSON null', status: 200, type: 'application/json', body: 'null' },
  { name: 'JSON nested 100,000 levels deep', status: 200, type: 'application/json', body: deep(100_000) },
  { name: 'unbalanced nesting 100,000 deep', status: 200, type: 'application/json', body: '['.repeat(100_000) },
  { name: 'an 8 MB string', status: 200, type: 'application/json', body: `{"name":"${'a'.repeat(8_000_000)}"}` },
  {
    name: 'a body cut off mid-transfer',
    status: 200,
    type: 'application/json',
    body: '{"name":"Acme","x":"yyyyyyyy"}',
    cutAt: 8,
  },
  { name: 'a 500 with deeply nested JSON', status: 500, type: 'application/json', body: deep(100_000) },
  { name: 'a 400 with truncated JSON', status: 400, type: 'application/json', body: '{"error":"Bad' },
  { name: 'a 401 with HTML', status: 401, type: 'text/html', body: `<html>${'x'.repeat(100_000)}</html>` },
  { name: 'a 404 with a JSON array', status: 404, type: 'application/json; charset=utf-8', body: '[{"error":1}]' },
  { name: 'a 200 with an empty body and a JSON type', status: 200, type: 'application/json', body: '   ' },
];

function answerWith(a: Answer): Handler {
  return (_req, res, socket) => {
    const bytes = Buffer.isBuffer(a.body) ? a.body : Buffer.from(a.body);
    const headers: Record<string, string | number> = { 'content-length': bytes.length };
    if (a.type) headers['content-type'] = a.type;
    res.writeHead(a.status, headers);
    if (a.cutAt !== undefined) {
      res.write(bytes.subarray(0, a.cutAt));
      // Let the partial body leave, then drop the connection with the rest missing.
      setImmediate(() => socket.destroy());
    } else res.end(bytes);
  };
}

/** Resolved value, or the rejection; anything thrown that is not a ClientError fails the test. */
async function outcome(p: Promise<unknown>): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await p;
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

describe('the generated client rejects bad responses with its typed errors', () => {
  test.each(ANSWERS.map((a) => [a.name, a] as const))('%s', async (_name, a) => {
    handler = answerWith(a);
    const r = await outcome(core().call('Account'));
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(ClientError);
      // The error names the operation and never echoes the secret.
      expect(String((r.error as Error).message)).toContain('Account');
      expect(String((r.error as Error).message)).not.toContain(SECRET);
    }
    if (a.status >= 400) expect(!r.ok && r.error instanceof HttpError).toBe(true);
    else if (a.cutAt !== undefined) expect(!r.ok && r.error instanceof NetworkError).toBe(true);
    else if (/^(truncated|HTML|invalid UTF-8)/.test(a.name) || a.name.startsWith('unbalanced'))
      expect(!r.ok && r.error instanceof InvalidResponseError).toBe(true);
  });

  test('paging over bad pages ends or rejects with a ClientError (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ANSWERS.filter((a) => !a.name.includes('8 MB'))), async (a) => {
        handler = answerWith(a);
        const pages = async (): Promise<void> => {
          let n = 0;
          for await (const _ of core().paginate('SubscriberList', {})) if (++n > 50) break;
        };
        const r = await outcome(pages());
        if (!r.ok) expect(r.error).toBeInstanceOf(ClientError);
      }),
      { seed: FUZZ_SEED, numRuns: 30 },
    );
  });
});
