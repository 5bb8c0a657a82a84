/** `pcdk recordings check`, `pcdk recordings record` and `pcdk serve`, in process, against 127.0.0.1 only. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { json, startTestServer } from '../helpers/http-server';

const committed = path.join(__dirname, '..', '..', 'definitions', 'convertkit', 'recordings');

function copyOfRecordings(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-fx-')), 'recordings');
  fs.cpSync(committed, dir, { recursive: true });
  return dir;
}

const run = runCli;

describe('pcdk recordings check', () => {
  test.each([['recordings'], ['fixtures']])(
    'the ConvertKit recordings pass, found from the project (`pcdk %s check`)',
    async (name) => {
      const r = await run([name, 'check']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/convertkit: \d+ recordings, 40\/40 operations covered, 0 errors, \d+ warnings/);
      expect(r.err).toContain('warning [fixture-known-mismatch] convertkit > BroadcastGetStat');
    },
  );

  test('a broken recording fails with file, operation and field named, and no stack trace', async () => {
    const root = copyOfRecordings();
    const file = path.join(root, 'Account.01-documented-example.json');
    const f = JSON.parse(fs.readFileSync(file, 'utf8'));
    f.response.body.name = 7;
    fs.writeFileSync(file, JSON.stringify(f));
    fs.writeFileSync(path.join(root, 'broken.json'), '{');
    const r = await run(['recordings', 'check', 'convertkit', '--recordings', path.relative(process.cwd(), root)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'error [fixture-response-invalid] convertkit > Account > response.body (Account.01-documented-example.json#/name)',
    );
    expect(r.err).toContain('error [fixture-invalid] convertkit (broken.json): not a fixture: not valid JSON');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('a connector that requires recordings and has none fails, naming each operation', async () => {
    const r = await run([
      'recordings',
      'check',
      'convertkit',
      '--recordings',
      fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-none-')),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error [recording-required] convertkit > PurchaseGet: PurchaseGet has no recording');
    expect(r.out).toMatch(/0\/40 operations covered, 40 errors/);
  });

  test("--recordings names one connector's folder", async () => {
    const r = await run(['recordings', 'check', '--recordings', committed]);
    expect([r.code, r.err.trim()]).toEqual([
      1,
      "pcdk: --recordings names one connector's folder: give exactly one connector id",
    ]);
  });
});

describe('pcdk recordings record', () => {
  const SECRET = 'cli-secret-0d9e8f7a6b';
  afterEach(() => {
    delete process.env.CONVERTKIT_API_SECRET;
  });

  test('records one call into the recordings folder, secret from the environment, redacted', async () => {
    const server = await startTestServer((_q, res) =>
      json(res, 200, { subscriber: { id: 1, email_address: 'a@example.com' } }),
    );
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-rec-'));
    process.env.CONVERTKIT_API_SECRET = SECRET;
    try {
      const r = await run([
        'recordings',
        'record',
        'convertkit',
        'SubscriberGet',
        '--param',
        'subscriber_id=1',
        '--base-url',
        `${server.origin}/v3/`,
        '--recordings',
        root,
      ]);
      expect(r.code).toBe(0);
      expect(server.requests[0]!.url.searchParams.get('api_secret')).toBe(SECRET);
      const files = fs.readdirSync(root);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^SubscriberGet\.recorded-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
      const text = fs.readFileSync(path.join(root, files[0]!), 'utf8');
      expect(text).not.toContain(SECRET);
      expect(JSON.parse(text).request.query).toEqual({ api_secret: '[REDACTED]' });
      expect(r.out + r.err).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });

  test.each([
    [
      ['recordings', 'record', 'convertkit', 'Account'],
      {},
      'set the API secret in the environment variable CONVERTKIT_API_SECRET',
    ],
    [
      ['recordings', 'record', 'convertkit', 'Account', '--param', 'oops'],
      { CONVERTKIT_API_SECRET: 'x' },
      '--param "oops" must be key=value',
    ],
    [
      ['recordings', 'record', 'convertkit', 'SubscriberGet'],
      { CONVERTKIT_API_SECRET: 'x' },
      'missing required parameter(s) subscriber_id',
    ],
  ])('%j fails clearly', async (args, env, message) => {
    Object.assign(process.env, env);
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('pcdk serve', () => {
  test('serves the recordings on 127.0.0.1 until interrupted', async () => {
    let resolveUrl: (u: string) => void;
    const url = new Promise<string>((r) => (resolveUrl = r));
    const done = run(['serve', 'convertkit', '--port', '0'], (s) => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/v3\/)/.exec(s);
      if (m) resolveUrl(m[1]!);
    });
    const base = await url;
    const res = await fetch(`${base}account?api_secret=x`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'Acme Corp.', primary_email_address: 'you@example.com' });
    process.emit('SIGINT');
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.out).toContain('GET /v3/account?api_secret=[REDACTED] -> 200 (Account.01-documented-example.json)');
  });

  test('a bad port is a usage error', async () => {
    const r = await run(['serve', 'convertkit', '--port', 'abc']);
    expect([r.code, r.err.trim()]).toEqual([1, 'pcdk: --port "abc" is not a port number']);
  });
});
