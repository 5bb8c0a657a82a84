/**
 * The replay server under hostile clients, over raw TCP on 127.0.0.1: malformed, huge and slow
 * requests each get a clear 4xx (or, for a request that never completes, a close after the
 * timeout), and the server keeps answering valid requests afterwards.
 */
import * as net from 'node:net';
import * as path from 'node:path';
import fc from 'fast-check';
import convertkit from '../../definitions/convertkit/connector';
import { loadFixtureDir } from '../../src/recordings/format';
import { startReplayServer, type RunningServer } from '../../src/recordings/replay-server';
import { FUZZ_SEED } from './harness';

const set = loadFixtureDir(path.join(__dirname, '..', '..', 'definitions', 'convertkit', 'recordings'));
let server: RunningServer;
const log: string[] = [];

beforeAll(async () => {
  server = await startReplayServer({
    connector: convertkit,
    fixtures: set.fixtures,
    log: (l) => log.push(l),
    // Short, so the stalled-client cases end soon; the assertions do not depend on how soon.
    timeouts: { headersMs: 300, requestMs: 600 },
  });
});
afterAll(() => server.close());

/** Sends raw bytes (optionally in pieces) and resolves with everything the server sent back before closing. */
function raw(chunks: (string | Buffer)[], opts: { endAfter?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('latin1');
    });
    socket.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(got) : reject(e),
    );
    socket.on('close', () => resolve(got));
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
      if (opts.endAfter) socket.end();
    });
  });
}

function statusOf(response: string): number | undefined {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(response);
  return m ? Number(m[1]) : undefined;
}

const VALID = 'GET /v3/account?api_secret=s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';

async function stillServes(): Promise<void> {
  const r = await raw([VALID]);
  expect(statusOf(r)).toBe(200);
  expect(r).toContain('primary_email_address');
}

const post = (target: string, body: string | Buffer, extra = ''): Buffer =>
  Buffer.concat([
    Buffer.from(
      `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${extra}\r\n`,
    ),
    Buffer.from(body),
  ]);

describe('the replay server answers every malformed request with a 4xx and keeps serving', () => {
  test.each<[string, () => (string | Buffer)[], number[]]>([
    ['a body that is not JSON', () => [post('/v3/tags?api_secret=s', '{"tag": {"name":')], [400]],
    [
      'a body nested 5,000 levels deep',
      () => [post('/v3/tags?api_secret=s', `${'['.repeat(5000)}${']'.repeat(5000)}`)],
      [400],
    ],
    [
      'a body of invalid UTF-8 bytes',
      () => [post('/v3/tags?api_secret=s', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
      [400],
    ],
    ['a body over the 1 MiB limit', () => [post('/v3/tags?api_secret=s', `"${'a'.repeat(1_200_000)}"`)], [413]],
    [
      'a bad percent-encoding in the path',
      () => ['GET /v3/forms/%E0%A4%A/subscriptions?api_secret=s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
      [400, 404],
    ],
    [
      'a bad percent-encoding in the query',
      () => ['GET /v3/account?api_secret=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
      [200, 400, 401],
    ],
    [
      'a request target that is not a path',
      () => ['GET //host:bad/v3/account HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
      [400, 404],
    ],
    [
      'an absolute-form target with a bad port',
      () => ['GET http://[::1:99999/v3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
      [400, 404],
    ],
    ['an unknown method', () => ['BREW /v3/account HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'], [400, 404, 405]],
    [
      'a known method no operation uses',
      () => ['PROPFIND /v3/account HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
      [400, 404, 405],
    ],
    [
      'a 64 KiB header',
      () => [`GET /v3/account HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(65_536)}\r\n\r\n`],
      [431, 400],
    ],
    ['garbage instead of a request line', () => ['\u0000\u0001\u0002 nonsense\r\n\r\n'], [400]],
    ['a Content-Length that lies', () => ['POST /v3/tags HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}'], [400]],
    [
      'two conflicting Content-Lengths',
      () => ['POST /v3/tags HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}'],
      [400],
    ],
  ])('%s', async (_name, request, statuses) => {
    const r = await raw(request());
    expect(statuses).toContain(statusOf(r));
    await stillServes();
  });

  test.each<[string, (string | Buffer)[]]>([
    // Slowloris: headers that never end.
    ['headers that never finish', ['GET /v3/account HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: 1\r\n']],
    // A body shorter than its Content-Length, never completed.
    ['a body that never arrives', ['POST /v3/tags HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"tag"']],
  ])('a request that never completes (%s) is closed after the timeout', async (_name, chunks) => {
    const r = await raw(chunks);
    // Node answers 408 when it can still write, else just closes; either way the socket ends.
    expect([undefined, 408]).toContain(statusOf(r));
    await stillServes();
  });

  test('random bytes, request lines and bodies (property)', async () => {
    const line = fc.tuple(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'X', ''),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(line, async ([method, target, body]) => {
        const bytes = Buffer.from(
          `${method} /v3/${target.replace(/[\r\n ]/g, '')} HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
        const status = statusOf(await raw([bytes]));
        // An answer, never a crash: 2xx when the bytes happen to form a valid call.
        expect(status === undefined || (status >= 200 && status < 500)).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: 60 },
    );
    await stillServes();
  });
});
