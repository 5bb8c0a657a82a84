/**
 * `pcdk init`, in process: the scaffold of an empty folder builds, validates and passes its
 * recordings check; in an existing npm project init adds what is missing and keeps the rest;
 * a second run changes nothing; mistakes exit 1 with a message and no stack trace.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ownVersion } from '../../src/io/own-package';
import { connectorIdFrom, mergePackageJson, titleFrom } from '../../src/scaffold/project-files';
import { runCli, type CliRun } from '../helpers/run-cli';

const repo = path.resolve(__dirname, '..', '..');
const caret = `^${ownVersion()}`;

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `pcdk-init-${prefix}-`));
}

/** `pcdk <args>` with `cwd` as the working directory, restored afterwards. */
async function runIn(cwd: string, args: string[]): Promise<CliRun> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await runCli(args);
  } finally {
    process.chdir(before);
  }
}

/** Every file under `dir`: relative path -> bytes, sorted. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
  for (const f of files.sort()) out[f.split(path.sep).join('/')] = fs.readFileSync(path.join(dir, f), 'latin1');
  return out;
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Strict type-check of the scaffold's definitions with its own tsconfig.json, 'pcdk' mapped to this repository's source. */
function typeCheckScaffold(root: string): string[] {
  const configFile = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) return [ts.flattenDiagnosticMessageText(error.messageText, '\n')];
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
  const program = ts.createProgram(parsed.fileNames, {
    ...parsed.options,
    paths: { pcdk: [path.join(repo, 'src', 'index.ts')] },
  });
  return [...parsed.errors, ...ts.getPreEmitDiagnostics(program)].map((d) => {
    const where = d.file ? `${path.relative(root, d.file.fileName)}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

const SCAFFOLD = (id: string) => [
  'package.json',
  'tsconfig.json',
  '.gitignore',
  'README.md',
  `definitions/${id}/connector.ts`,
  `definitions/${id}/recordings/GetStatus.01-documented-example.json`,
];

describe('pcdk init in an empty folder', () => {
  test('writes every file of the scaffold, then says what to run next', async () => {
    const parent = tmp('empty');
    const r = await runIn(parent, ['init', 'demo']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const created = SCAFFOLD('demo').map((f) => `created ${path.join('demo', f)}`);
    expect(r.out).toBe(`${created.join('\n')}\n\nnext:\n  cd demo\n  npm install\n  npm run build\n`);
    expect(Object.keys(snapshot(path.join(parent, 'demo'))).sort()).toEqual([...SCAFFOLD('demo')].sort());
    expect(readJson(path.join(parent, 'demo', 'package.json'))).toEqual({
      name: 'demo',
      version: '0.1.0',
      private: true,
      scripts: {
        build: 'pcdk build demo',
        validate: 'pcdk validate demo',
        pack: 'pcdk pack demo',
        test: 'pcdk build demo && pcdk validate demo && pcdk recordings check demo',
      },
      devDependencies: { pcdk: caret },
    });
    expect(fs.readFileSync(path.join(parent, 'demo', '.gitignore'), 'utf8')).toBe('node_modules/\ndist/\n');
  });

  test('without a dir it scaffolds the working directory, the id taken from its name', async () => {
    const root = path.join(tmp('cwd'), 'weather-api');
    fs.mkdirSync(root);
    const r = await runIn(root, ['init']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('created definitions/weather-api/connector.ts');
    expect(r.out).toMatch(/\nnext:\n {2}npm install\n {2}npm run build\n$/);
  });

  test.each([
    ['weather-api', 'weather-api'],
    ['My Connector_2', 'my-connector-2'],
    ['2fast', 'fast'],
    ['--x--', 'x'],
    ['123', 'my-connector'],
    ['Été', 't'],
    ['a'.repeat(80), 'a'.repeat(64)],
  ])('the folder %j gives the connector id %j', (folder, id) => {
    expect(connectorIdFrom(folder)).toBe(id);
  });

  test.each([
    ['demo', 'Demo'],
    ['acme-crm', 'Acme Crm'],
    ['a-service-with-a-name-longer-than-thirty-characters', 'A Service With A Name Longer'],
    // Certification rejects these words in a title (ValueContainsRestrictedWords).
    ['weather-api', 'Weather'],
    ['my-connector', 'My'],
    ['power-automate-api-api-helper', 'Helper'],
    ['powerapps-sync', 'Sync'],
    ['connector', 'My Service'],
    ['b'.repeat(64), 'B'.padEnd(30, 'b')],
  ])('the id %j gives the title %j (at most 30 characters)', (id, title) => {
    expect(titleFrom(id)).toBe(title);
    expect(titleFrom(id).length).toBeLessThanOrEqual(30);
  });

  test('--id names the connector; the folder is created when missing', async () => {
    const root = path.join(tmp('id'), 'nested', 'project');
    const r = await runCli(['init', root, '--id', 'acme']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(root, 'definitions', 'acme', 'connector.ts'))).toBe(true);
    expect((readJson(path.join(root, 'package.json')) as { name: string }).name).toBe('project');
  });

  test('two scaffolds of the same folder name are byte-identical', async () => {
    const [a, b] = [path.join(tmp('det-a'), 'same'), path.join(tmp('det-b'), 'same')];
    await runCli(['init', a]);
    await runCli(['init', b]);
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  test('npm install is left out of the next steps once pcdk is installed', async () => {
    const root = tmp('installed');
    fs.mkdirSync(path.join(root, 'node_modules', 'pcdk'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'pcdk', 'package.json'), '{"name":"pcdk"}');
    const r = await runIn(root, ['init', '--id', 'demo']);
    expect(r.out).toMatch(/\nnext:\n {2}npm run build\n$/);
  });
});

describe('the scaffolded connector', () => {
  // Long ids and ids with words certification rejects in a title: the derived title and
  // description must still pass every rule.
  test.each([['demo'], ['a-connector-with-a-name-longer-than-thirty-characters'], ['my-connector'], ['weather-api']])(
    '%s builds, validates and passes its recordings check with no finding',
    async (id) => {
      const root = tmp('build');
      expect((await runCli(['init', root, '--id', id])).code).toBe(0);
      const where = ['--definitions', path.join(root, 'definitions')];
      const out = ['--out', path.join(root, 'dist')];
      // In this process 'pcdk' resolves to the running source; the type-check (which needs pcdk
      // installed beside the project) is the next test.
      const built = await runCli(['build', id, ...where, ...out, '--no-typecheck']);
      expect(built.err).toBe('');
      expect(built.code).toBe(0);
      const swagger = readJson(path.join(root, 'dist', id, 'connector', 'apiDefinition.swagger.json')) as {
        paths: Record<string, { get: { operationId: string } }>;
      };
      expect(swagger.paths['/status']!.get.operationId).toBe('GetStatus');
      const validated = await runCli(['validate', id, ...where, ...out]);
      expect(validated.code).toBe(0);
      expect(validated.out).toMatch(/0 errors, 0 warnings/);
      const checked = await runCli(['recordings', 'check', id, ...where]);
      expect(checked.err).toBe('');
      expect(checked.code).toBe(0);
      expect(checked.out).toBe(`pcdk: ${id}: 1 recordings, 1/1 operations covered, 0 errors, 0 warnings\n`);
    },
    60_000,
  );

  test('type-checks strictly with the tsconfig.json it comes with', async () => {
    const root = tmp('typecheck');
    await runCli(['init', root, '--id', 'demo']);
    expect(typeCheckScaffold(root)).toEqual([]);
  }, 60_000);
});

describe('pcdk init in an existing npm project', () => {
  const theirs = {
    name: 'their-app',
    version: '2.3.4',
    description: 'Their app.',
    scripts: { build: 'tsc -p .', lint: 'eslint .' },
    dependencies: { lodash: '^4.17.21' },
    engines: { node: '>=20' },
  };

  test('merges package.json (their scripts win, ours under free names) and keeps their README byte for byte', async () => {
    const root = tmp('existing');
    // Four-space indent and CRLF: a rewrite keeps the file's own layout.
    fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify(theirs, null, 4).replace(/\n/g, '\r\n')}\r\n`);
    const readme = '# Their app\r\n\nNot ours.\n';
    fs.writeFileSync(path.join(root, 'README.md'), readme);
    const r = await runCli(['init', root, '--id', 'their-api']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(
      r.out
        .split('\n')
        .slice(0, 6)
        .map((l) => l.replace(`${root}${path.sep}`, '')),
    ).toEqual([
      `updated package.json (added scripts: pcdk:build, validate, pack, test; kept your build; added devDependencies: pcdk@${caret})`,
      'created tsconfig.json',
      'created .gitignore',
      'kept README.md (exists)',
      'created definitions/their-api/connector.ts',
      'created definitions/their-api/recordings/GetStatus.01-documented-example.json',
    ]);
    expect(r.out).toMatch(/npm run pcdk:build\n$/);
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toBe(readme);
    const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    expect(text).toMatch(/^\{\r\n {4}"name": "their-app",\r\n/);
    expect(text.endsWith('}\r\n')).toBe(true);
    const pkg = readJson(path.join(root, 'package.json')) as Record<string, unknown>;
    expect(Object.keys(pkg)).toEqual([...Object.keys(theirs), 'devDependencies']);
    expect(pkg).toEqual({
      ...theirs,
      scripts: {
        build: 'tsc -p .',
        lint: 'eslint .',
        'pcdk:build': 'pcdk build their-api',
        validate: 'pcdk validate their-api',
        pack: 'pcdk pack their-api',
        test: 'pcdk build their-api && pcdk validate their-api && pcdk recordings check their-api',
      },
      devDependencies: { pcdk: caret },
    });
  });

  test('a second run changes nothing: every file is kept', async () => {
    const root = tmp('twice');
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(theirs));
    await runCli(['init', root, '--id', 'demo']);
    const before = snapshot(root);
    const r = await runCli(['init', root, '--id', 'demo']);
    expect(r.code).toBe(0);
    const lines = r.out.slice(0, r.out.indexOf('\n\n')).split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).toMatch(/^kept .* \(exists/);
    expect(snapshot(root)).toEqual(before);
  });

  test('an existing connector is left alone, and no example recording is added beside it', async () => {
    const root = tmp('connector');
    const connector = path.join(root, 'definitions', 'demo', 'connector.ts');
    fs.mkdirSync(path.dirname(connector), { recursive: true });
    fs.writeFileSync(connector, '// theirs\n');
    const r = await runCli(['init', root, '--id', 'demo']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`kept ${connector} (exists)`);
    expect(r.out).toMatch(
      /kept \S+GetStatus\.01-documented-example\.json \(not added: definitions\/demo\/connector\.ts exists\)/,
    );
    expect(fs.readFileSync(connector, 'utf8')).toBe('// theirs\n');
    expect(fs.existsSync(path.join(root, 'definitions', 'demo', 'recordings'))).toBe(false);
  });

  test('the connector goes where package.json "pcdk".definitions says pcdk build looks', async () => {
    const root = tmp('config');
    fs.writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'x', pcdk: { definitions: './connectors/' } }),
    );
    await runCli(['init', root, '--id', 'demo']);
    expect(fs.existsSync(path.join(root, 'connectors', 'demo', 'connector.ts'))).toBe(true);
    expect(readJson(path.join(root, 'tsconfig.json'))).toMatchObject({ include: ['connectors'] });
  });

  test.each([['dependencies'], ['devDependencies']])('pcdk already in %s is not added again', async (key) => {
    const root = tmp('dep');
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'x', [key]: { pcdk: 'file:../pcdk' } }));
    const r = await runCli(['init', root, '--id', 'demo']);
    expect(r.out).not.toContain('added devDependencies');
    const pkg = readJson(path.join(root, 'package.json')) as Record<string, Record<string, string>>;
    expect(pkg[key]).toEqual({ pcdk: 'file:../pcdk' });
    expect(Object.keys(pkg).filter((k) => /ependencies$/.test(k))).toEqual([key]);
  });
});

describe('mergePackageJson', () => {
  const input = { id: 'demo', pcdkVersion: '1.2.3' };

  test('keeps every key in its place and appends what it adds', () => {
    const m = mergePackageJson({ z: 1, scripts: { test: 'jest' }, a: 2 }, input);
    expect(Object.keys(m.pkg)).toEqual(['z', 'scripts', 'a', 'devDependencies']);
    expect(Object.keys(m.pkg.scripts as object)).toEqual(['test', 'build', 'validate', 'pack', 'pcdk:test']);
    expect(m.keptScripts).toEqual(['test']);
  });

  test('reuses a script that already runs the command, and finds a free name past pcdk:<name>', () => {
    const m = mergePackageJson(
      { scripts: { make: 'pcdk build demo', validate: 'x', 'pcdk:validate': 'y' }, devDependencies: { pcdk: '*' } },
      input,
    );
    expect(m.scriptNames).toEqual({ build: 'make', validate: 'pcdk:validate:2', pack: 'pack', test: 'test' });
    expect(m.addedScripts).toEqual(['pcdk:validate:2', 'pack', 'test']);
    expect(m.addedDependency).toBe(false);
  });

  test('a merged package.json merges to itself', () => {
    const once = mergePackageJson({ name: 'x' }, input);
    const twice = mergePackageJson(once.pkg, input);
    expect(twice.changed).toBe(false);
    expect(twice.pkg).toEqual(once.pkg);
  });
});

describe('pcdk init mistakes', () => {
  test.each<[string, (root: string) => string[], RegExp]>([
    [
      'package.json is not JSON',
      (root) => (fs.writeFileSync(path.join(root, 'package.json'), '{ "name": '), ['init', root]),
      /^pcdk: \S+package\.json is not valid JSON \(.+\); fix it and run pcdk init again\n$/,
    ],
    [
      'package.json is not an object',
      (root) => (fs.writeFileSync(path.join(root, 'package.json'), '[]'), ['init', root]),
      /^pcdk: \S+package\.json: must hold a JSON object; fix it/,
    ],
    [
      'scripts is not an object',
      (root) => (fs.writeFileSync(path.join(root, 'package.json'), '{"scripts": "x"}'), ['init', root]),
      /^pcdk: \S+package\.json: "scripts" must be an object; fix it/,
    ],
    [
      '--id has upper case',
      (root) => ['init', root, '--id', 'Demo'],
      /^pcdk: --id "Demo" is not a connector id \(lower-case letters, digits and dashes, starting with a letter, at most 64 characters\)\n$/,
    ],
    [
      '--id starts with a digit',
      (root) => ['init', root, '--id', '1demo'],
      /^pcdk: --id "1demo" is not a connector id/,
    ],
    ['--id is too long', (root) => ['init', root, '--id', 'a'.repeat(65)], /is not a connector id/],
    [
      '"pcdk".definitions leaves the project',
      (root) => (
        fs.writeFileSync(path.join(root, 'package.json'), '{"pcdk": {"definitions": "../elsewhere"}}'), ['init', root]
      ),
      /"pcdk"\.definitions \(\.\.\/elsewhere\) is outside the project/,
    ],
    [
      'dir is a file',
      (root) => (fs.writeFileSync(path.join(root, 'file'), ''), ['init', path.join(root, 'file')]),
      /^pcdk: \S+file is a file; give a folder/,
    ],
  ])('%s: exit 1, a clear message, no stack trace, nothing written', async (_name, setUp, message) => {
    const root = tmp('bad');
    const args = setUp(root);
    const before = snapshot(root);
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
    expect(snapshot(root)).toEqual(before);
  });
});
