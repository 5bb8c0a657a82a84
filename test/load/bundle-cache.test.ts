/**
 * The descriptor bundle cache: a load in which no source changed uses the kept bundle and does
 * not call esbuild; any change to what the bundle was made from (a source's bytes, even at the
 * same size and modification time, a deleted source, a file that changes what an import resolves
 * to, a tsconfig) bundles again; a cache entry that cannot be used is never an error; failures
 * are never kept; PCDK_NO_CACHE turns it off.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Esbuild from 'esbuild';
import { loadDescriptors } from '../../src/load/load-descriptors';

// esbuild's exports are getters that cannot be spied on: the module is replaced by a copy whose
// build counts its calls and otherwise is esbuild's.
jest.mock('esbuild', () => {
  const actual = jest.requireActual<typeof Esbuild>('esbuild');
  return { ...actual, build: jest.fn((options: Esbuild.BuildOptions) => actual.build(options)) };
});
const esbuildBuild = (require('esbuild') as { build: jest.Mock }).build;

const ID = 'cached';
const CONNECTOR = `import { defineConnector } from 'pcdk';
import { operations } from './operations';
import { TITLE } from './title';

export default defineConnector({
  id: 'cached', title: TITLE, description: 'Cached is a connector used to test the bundle cache.',
  version: '1.0', host: 'api.cached.example', basePath: '/', schemes: ['https'],
  contact: { name: 'A', url: 'https://cached.example', email: 'a@cached.example' },
  metadata: { website: 'https://cached.example', privacyPolicy: 'https://cached.example/p', categories: ['Data'] },
  publisher: 'A', stackOwner: 'Cached', iconBrandColor: '#da3b01', auth: { type: 'none' },
  operations, readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' },
});
`;
const OPERATIONS = `import { operation, t } from 'pcdk';
export const operations = [
  operation({
    id: 'ThingList', method: 'get', path: '/things', summary: 'List things',
    description: 'Lists the things of the account.',
    responses: { 200: t.partial({ name: t.string({ title: 'Name', description: 'The name.' }) }) },
  }),
];
`;
const BASE: Record<string, string> = {
  'connector.ts': CONNECTOR,
  'title.ts': "export const TITLE = 'Cached A';\n",
  'operations/index.ts': OPERATIONS,
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bundle-cache-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
let cache = '';
let defs = '';
let dir = '';
beforeEach(() => {
  ++n;
  cache = path.join(tmp, `cache-${n}`);
  defs = path.join(tmp, `project-${n}`, 'definitions');
  dir = path.join(defs, ID);
  process.env.PCDK_CACHE_DIR = cache;
  delete process.env.PCDK_NO_CACHE;
  for (const [rel, text] of Object.entries(BASE)) put(rel, text);
  age();
  esbuildBuild.mockClear();
});
afterEach(() => {
  delete process.env.PCDK_CACHE_DIR;
  delete process.env.PCDK_NO_CACHE;
});

function put(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

/**
 * Dates every file and folder of the project a minute back. A source modified just before a
 * bundling is not kept (it may have changed while esbuild read it), and these tests write their
 * sources just before loading them.
 */
function age(root = path.dirname(defs)): void {
  const then = new Date(Date.now() - 60_000);
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, e.name);
    if (e.isDirectory()) age(p);
    fs.utimesSync(p, then, then);
  }
  fs.utimesSync(root, then, then);
}

function entries(): string[] {
  return fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => /^descriptors-.*\.json$/.test(f)) : [];
}

/** Loads the connector; how many times esbuild bundled; its title or its diagnostics' codes. */
async function load(): Promise<{ bundled: number; title?: string; codes: string[]; sources: string[] }> {
  esbuildBuild.mockClear();
  const loaded = await loadDescriptors(ID, defs);
  return {
    bundled: esbuildBuild.mock.calls.length,
    title: loaded.connector?.title,
    codes: loaded.diagnostics.map((d) => d.code),
    sources: loaded.sources.map((s) => path.relative(dir, s)).sort(),
  };
}

test('a load with nothing changed uses the kept bundle and does not call esbuild', async () => {
  const first = await load();
  expect(first).toMatchObject({ bundled: 1, title: 'Cached A', codes: [] });
  expect(entries()).toHaveLength(1);
  for (let i = 0; i < 2; i++) expect(await load()).toEqual({ ...first, bundled: 0 });
  // A fresh copy of pcdk (another process) finds the same entry.
  await jest.isolateModulesAsync(async () => {
    const fresh = require('../../src/load/load-descriptors') as typeof import('../../src/load/load-descriptors');
    esbuildBuild.mockClear();
    expect((await fresh.loadDescriptors(ID, defs)).connector?.title).toBe('Cached A');
    expect(esbuildBuild).not.toHaveBeenCalled();
  });
});

/**
 * What changes between two loads, and the title the second load must see. `before`, when there
 * is one, makes the state that is loaded (and kept) first.
 */
const CHANGES: { name: string; before?: () => void; change: () => void; title: string }[] = [
  {
    name: 'an imported file edited, same size',
    change: () => put('title.ts', "export const TITLE = 'Cached B';\n"),
    title: 'Cached B',
  },
  {
    name: 'an imported file edited, same size and modification time',
    change: () => {
      const file = path.join(dir, 'title.ts');
      const { atime, mtime } = fs.statSync(file);
      put('title.ts', "export const TITLE = 'Cached C';\n");
      fs.utimesSync(file, atime, mtime);
    },
    title: 'Cached C',
  },
  {
    name: 'an import added to a source, of a new file',
    change: () => {
      put('suffix.ts', "export const SUFFIX = ' D';\n");
      put('title.ts', "import { SUFFIX } from './suffix';\nexport const TITLE = `Cached${SUFFIX}`;\n");
    },
    title: 'Cached D',
  },
  {
    name: 'a file added that an import now resolves to (title.ts over title/index.ts)',
    before: () => {
      fs.rmSync(path.join(dir, 'title.ts'));
      put('title/index.ts', "export const TITLE = 'Cached E';\n");
    },
    change: () => put('title.ts', "export const TITLE = 'Cached F';\n"),
    title: 'Cached F',
  },
  {
    name: 'the connector entry edited',
    change: () => put('connector.ts', CONNECTOR.replace('title: TITLE', 'title: `${TITLE}!`')),
    title: 'Cached A!',
  },
];

test.each(CHANGES)('$name: bundled again, then kept again', async ({ before, change, title }) => {
  before?.();
  age();
  const first = await load();
  expect(first).toMatchObject({ bundled: 1, codes: [] });
  expect(await load()).toEqual({ ...first, bundled: 0 });
  change();
  age();
  expect(await load()).toMatchObject({ bundled: 1, title });
  expect(await load()).toMatchObject({ bundled: 0, title });
  expect(entries()).toHaveLength(1);
});

test('a deleted source bundles again, and the failure reaches the author', async () => {
  expect(await load()).toMatchObject({ bundled: 1, codes: [] });
  fs.rmSync(path.join(dir, 'title.ts'));
  age();
  expect(await load()).toMatchObject({ bundled: 1, codes: ['descriptor-import-unresolved'] });
});

test('a tsconfig.json that appears beside the sources bundles again', async () => {
  expect(await load()).toMatchObject({ bundled: 1 });
  put('tsconfig.json', '{ "compilerOptions": { "strict": true } }\n');
  age();
  expect(await load()).toMatchObject({ bundled: 1, title: 'Cached A' });
  expect(await load()).toMatchObject({ bundled: 0 });
  // ... and a change to the file it extends, too.
  put('../tsconfig.base.json', '{}\n');
  put('tsconfig.json', '{ "extends": "../tsconfig.base.json" }\n');
  age();
  expect(await load()).toMatchObject({ bundled: 1 });
  expect(await load()).toMatchObject({ bundled: 0 });
  put('../tsconfig.base.json', '{ "compilerOptions": {} }\n');
  age();
  expect(await load()).toMatchObject({ bundled: 1 });
});

test('failures are never kept: each load goes through esbuild and reports the same', async () => {
  put('title.ts', "export const TITLE = 'Cached A'\nexport const = ;\n");
  age();
  const first = await load();
  expect(first).toMatchObject({ bundled: 1, codes: ['descriptor-syntax-error'] });
  expect(entries()).toHaveLength(0);
  expect(await load()).toEqual(first);
});

test('a source modified as the bundling starts is not kept', async () => {
  put('title.ts', "export const TITLE = 'Cached B';\n");
  // Not aged: title.ts was written just now, so the bundle might predate its content.
  expect(await load()).toMatchObject({ bundled: 1, title: 'Cached B' });
  expect(entries()).toHaveLength(0);
  age();
  expect(await load()).toMatchObject({ bundled: 1, title: 'Cached B' });
  expect(await load()).toMatchObject({ bundled: 0, title: 'Cached B' });
});

/** What a cache entry can be found holding; each means "bundle again", never a failure. */
const DAMAGE: { name: string; damage: (file: string) => void }[] = [
  { name: 'not JSON', damage: (f) => fs.writeFileSync(f, 'not json at all') },
  { name: 'empty', damage: (f) => fs.writeFileSync(f, '') },
  { name: 'cut short', damage: (f) => fs.writeFileSync(f, fs.readFileSync(f, 'utf8').slice(0, 500)) },
  { name: 'JSON of another shape', damage: (f) => fs.writeFileSync(f, '{"format":1,"inputs":7}') },
  { name: 'null', damage: (f) => fs.writeFileSync(f, 'null') },
  {
    name: 'of another format version',
    damage: (f) => fs.writeFileSync(f, JSON.stringify({ ...JSON.parse(fs.readFileSync(f, 'utf8')), format: 0 })),
  },
  {
    name: 'a folder',
    damage: (f) => {
      fs.rmSync(f);
      fs.mkdirSync(f);
    },
  },
];

test.each(DAMAGE)('a cache entry that is $name: bundled again, no error', async ({ name, damage }) => {
  expect(await load()).toMatchObject({ bundled: 1, title: 'Cached A' });
  const [entry] = entries();
  damage(path.join(cache, entry!));
  expect(await load()).toMatchObject({ bundled: 1, title: 'Cached A', codes: [] });
  if (name !== 'a folder') {
    // Rewritten whole: the next load uses it.
    expect(await load()).toMatchObject({ bundled: 0, title: 'Cached A' });
  }
});

test('PCDK_NO_CACHE: every load bundles, and nothing is written', async () => {
  process.env.PCDK_NO_CACHE = '1';
  for (let i = 0; i < 2; i++) expect(await load()).toMatchObject({ bundled: 1, title: 'Cached A' });
  expect(entries()).toHaveLength(0);
  // An entry written before is not read either.
  delete process.env.PCDK_NO_CACHE;
  expect(await load()).toMatchObject({ bundled: 1 });
  expect(await load()).toMatchObject({ bundled: 0 });
  process.env.PCDK_NO_CACHE = '1';
  expect(await load()).toMatchObject({ bundled: 1, title: 'Cached A' });
});

test('the sources of a kept bundle are those esbuild listed', async () => {
  const bundled = await load();
  expect(bundled.sources).toEqual(['connector.ts', 'operations/index.ts', 'title.ts']);
  expect((await load()).sources).toEqual(bundled.sources);
});
