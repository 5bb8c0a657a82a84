/**
 * `pcdk build --watch`, as a real process: it builds, then rebuilds on each edit under
 * definitions/<id>/ (type-checked), reports a broken edit and keeps watching, and stops cleanly on
 * SIGINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');
const connector = (summary: string, extra = '') => `import { defineConnector, operation, path, t } from 'pcdk';
const get = operation({ id: 'ThingGet', method: 'get', path: '/things/{id}', summary: '${summary}', description: 'Gets a thing.',
  params: { id: path(t.string({ title: 'Thing ID', description: 'The thing.' })) },
  responses: { 200: t.partial({ name: t.string({ title: 'Name', description: 'The name.' }) }) } });
${extra}
export default defineConnector({ id: 'demo', title: 'Demo', description: 'Demo is a service used to test the pcdk command line.',
  version: '1.0', host: 'api.demo.example', basePath: '/', schemes: ['https'],
  contact: { name: 'A', url: 'https://demo.example', email: 'a@demo.example' },
  metadata: { website: 'https://demo.example', privacyPolicy: 'https://demo.example/p', categories: ['Data'] },
  publisher: 'A', stackOwner: 'Demo', iconBrandColor: '#da3b01', auth: { type: 'none' },
  operations: { get }, readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' } });
`;

jest.setTimeout(60_000);

describe('pcdk build --watch', () => {
  let project: string;
  let child: ChildProcess;
  let out = '';
  let err = '';
  const file = () => path.join(project, 'definitions', 'demo', 'connector.ts');
  const reference = () => fs.readFileSync(path.join(project, 'dist', 'demo', 'reference.md'), 'utf8');
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
  const until = async (ok: () => boolean, what: string, ms = 30_000): Promise<void> => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stdout:\n${out}\nstderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const wrote = () => count(out, /pcdk: demo: type-checked, wrote /g);

  beforeAll(async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-watch-cli-'));
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "watched", "private": true }\n');
    fs.mkdirSync(path.join(project, 'definitions', 'demo'), { recursive: true });
    fs.writeFileSync(file(), connector('Get a thing'));
    child = spawn(
      process.execPath,
      [path.join(repo, 'scripts', 'run-ts.js'), path.join(repo, 'src', 'cli', 'bin.ts'), 'build', 'demo', '--watch'],
      {
        cwd: project,
        env: { ...process.env, PCDK_CACHE_DIR: path.join(project, '.cache') },
      },
    );
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    await until(() => out.includes('pcdk: watching'), 'the first build');
  });
  afterAll(() => {
    child.kill('SIGKILL');
    fs.rmSync(project, { recursive: true, force: true });
  });

  test('the first build is written, then the watch starts', () => {
    expect(wrote()).toBe(1);
    expect(reference()).toContain('Get a thing');
  });

  test('an edit is rebuilt, type-checked, without a new process', async () => {
    fs.writeFileSync(file(), connector('Get one thing'));
    await until(() => wrote() === 2, 'the rebuild');
    expect(reference()).toContain('Get one thing');
  });

  test('a type error is reported at its line, the output kept, and the watch goes on', async () => {
    fs.writeFileSync(file(), connector('Get a broken thing', "export const n: number = 'x';"));
    await until(() => err.includes('build failed'), 'the failed build');
    expect(err).toMatch(/connector\.ts:5:14: error \[descriptor-type-error\]/);
    expect(reference()).toContain('Get one thing');
    fs.writeFileSync(file(), connector('Get a fixed thing'));
    await until(() => wrote() === 3, 'the build after the fix');
    expect(reference()).toContain('Get a fixed thing');
  });

  test('SIGINT stops it with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
