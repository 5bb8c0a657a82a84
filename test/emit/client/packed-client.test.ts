/**
 * The generated package as a user gets it: `npm pack`, install the tarball into a fresh project,
 * type-check a consumer with tsc (strict, nodenext, no @types/node), and run it from ESM and
 * from CommonJS against the replay server on 127.0.0.1.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import convertkit from '../../../definitions/convertkit/connector';
import { loadFixtureDir } from '../../../src/recordings/format';
import { startReplayServer, type RunningServer } from '../../../src/recordings/replay-server';
import { writeClientPackage } from '../../helpers/generated-client';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '../../..');
const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const npmEnv = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

const consumerBody = (kind: 'esm' | 'cjs') => `
import { createClient, HttpError, ClientError, type AddSubscriberToFormResult, type ListSubscribersItem } from 'convertkit-client';
declare const process: { argv: string[]; stdout: { write(s: string): void } };

async function main(): Promise<void> {
  const client = createClient({ apiSecret: 'e2e-secret-123', baseUrl: process.argv[2]!, rateLimit: false, retry: { limit: 1 }, timeoutMs: 5000 });
  const sub: AddSubscriberToFormResult = await client.addSubscriberToForm({ form_id: '1', email: 'jonsnow@example.com' });
  const id: number | undefined = sub.subscription?.id;
  const account = await client.getAccount();
  const name: string | undefined = account.name;
  const dynamic = (await client.call('TagList', {})).tags?.length;
  let count = 0;
  for await (const s of client.iterate.listSubscribers({ sort_order: 'desc' })) {
    const item: ListSubscribersItem = s;
    if (item.email_address) count++;
  }
  const deleted: undefined = await client.deleteBroadcast({ broadcast_id: '1' });
  let error = '';
  try {
    await createClient({ apiSecret: 'e2e-secret-123', baseUrl: process.argv[2]! + 'nope/', rateLimit: false }).getAccount();
  } catch (e) {
    if (e instanceof HttpError && e instanceof ClientError) error = e.status + ' ' + e.operationId + ' ' + (e.body?.error ?? '');
  }
  if (false as boolean) {
    // @ts-expect-error form_id is required
    await client.addSubscriberToForm({ email: 'a@example.com' });
    // @ts-expect-error email must be a string
    await client.addSubscriberToForm({ form_id: '1', email: 42 });
    // @ts-expect-error no such method
    await client.addSubscriber();
    // @ts-expect-error sort_order is 'asc' | 'desc'
    await client.listSubscribers({ sort_order: 'up' });
    // @ts-expect-error apiSecret is required
    createClient({});
  }
  process.stdout.write(JSON.stringify({ kind: '${kind}', id, name, dynamic, count, deleted: deleted === undefined, error }));
}
void main();
`;

let server: RunningServer;
let work: string;
beforeAll(async () => {
  server = await startReplayServer({
    connector: convertkit,
    fixtures: loadFixtureDir(path.join(repo, 'definitions', 'convertkit', 'recordings')).fixtures,
  });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-packed-'));
});
afterAll(() => server.close());

test('npm pack -> install -> tsc -> run from ESM and CJS', async () => {
  const pkgDir = await writeClientPackage(convertkit);
  const { stdout: packed } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: pkgDir,
    env: npmEnv,
  });
  const [info] = JSON.parse(packed) as { filename: string; files: { path: string }[] }[];
  expect(info!.files.map((f) => f.path).sort()).toEqual([
    'README.md',
    'index.cjs',
    'index.d.cts',
    'index.d.mts',
    'index.mjs',
    'package.json',
  ]);

  const app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
  );
  await run(
    'npm',
    ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', path.join(work, info!.filename)],
    { cwd: app, env: npmEnv },
  );
  expect(fs.existsSync(path.join(app, 'node_modules', 'convertkit-client', 'index.mjs'))).toBe(true);

  fs.writeFileSync(path.join(app, 'consumer.mts'), consumerBody('esm'));
  fs.writeFileSync(path.join(app, 'consumer.cts'), consumerBody('cjs'));
  fs.writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2022', 'dom'],
        types: [],
        strict: true,
        outDir: 'out',
        skipLibCheck: false,
      },
      files: ['consumer.mts', 'consumer.cts'],
    }),
  );
  const typecheck = await run(process.execPath, [tsc, '-p', app], { cwd: app }).catch((e: { stdout: string }) => ({
    stdout: `FAILED\n${e.stdout}`,
  }));
  expect(typecheck.stdout).toBe('');

  const results = [];
  for (const file of ['consumer.mjs', 'consumer.cjs']) {
    const { stdout } = await run(process.execPath, [path.join(app, 'out', file), server.baseUrl], { cwd: app });
    results.push(JSON.parse(stdout));
  }
  for (const [i, kind] of ['esm', 'cjs'].entries()) {
    expect(results[i]).toEqual({
      kind,
      id: 1,
      name: 'Acme Corp.',
      dynamic: 2,
      count: 2,
      deleted: true,
      error: '404 Account Not Found',
    });
  }
}, 180_000);
