/**
 * What the type-check keeps between builds: the compiler's incremental state, and the record of
 * a clean check, so the next one with nothing changed does not start the compiler. Each row
 * changes something the compiler reads and must make it run again and give its true answer; a
 * check that found errors is never answered from a record, and a damaged state changes nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectorEntry } from '../../src/load/load-descriptors';
import { startTypecheck } from '../../src/load/typecheck';
import { ID, writeMistake } from '../helpers/author-mistakes';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-tsrec-'));
// The check's state goes under PCDK_CACHE_DIR when set; these tests look for it in the project.
const savedCache = process.env.PCDK_CACHE_DIR;
beforeAll(() => {
  delete process.env.PCDK_CACHE_DIR;
});
afterAll(() => {
  if (savedCache !== undefined) process.env.PCDK_CACHE_DIR = savedCache;
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every file and folder under `dir` as if written a minute ago (a record is never kept of files written as a check ran). */
function backdate(dir: string): void {
  const then = new Date(Date.now() - 60_000);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '.cache') backdate(p);
    fs.utimesSync(p, then, then);
  }
}

let n = 0;
function project(): { root: string; entry: string; tsconfig: string } {
  const root = path.join(tmp, `p${++n}`);
  writeMistake(path.join(root, 'definitions'), ID, undefined);
  // As after a first build: the cache folder exists (making it changes node_modules' time).
  fs.mkdirSync(path.join(root, 'node_modules', '.cache', 'pcdk', 'typecheck'), { recursive: true });
  const tsconfig = path.join(root, 'tsconfig.json');
  fs.writeFileSync(
    tsconfig,
    JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', skipLibCheck: true } }),
  );
  backdate(root);
  return { root, entry: connectorEntry(path.join(root, 'definitions'), ID), tsconfig };
}

async function check(p: {
  root: string;
  entry: string;
  tsconfig: string;
}): Promise<{ fromRecord: boolean; errors: string[] }> {
  const running = startTypecheck({ id: ID, entry: p.entry, root: p.root, tsconfig: p.tsconfig });
  const found = await running.result;
  return {
    fromRecord: running.fromRecord === true,
    errors: found.map((d) => `${path.basename(d.source?.file ?? '')} ${d.message}`),
  };
}

test('a clean check is recorded, and the next one with nothing changed is answered from it', async () => {
  const p = project();
  expect(await check(p)).toEqual({ fromRecord: false, errors: [] });
  expect(await check(p)).toEqual({ fromRecord: true, errors: [] });
  expect(await check(p)).toEqual({ fromRecord: true, errors: [] });
}, 60_000);

type P = ReturnType<typeof project>;
/** [what changes, the change, whether the compiler then finds an error]. */
const CHANGES: [string, (p: P) => void, boolean][] = [
  [
    'a descriptor gets a type error',
    (p) => fs.appendFileSync(p.entry, "\nexport const broken: number = 'text';\n"),
    true,
  ],
  [
    'a file the descriptors import gets a type error',
    (p) => fs.appendFileSync(path.join(path.dirname(p.entry), 'schemas.ts'), '\nexport const bad: string = 1;\n'),
    true,
  ],
  [
    'the tsconfig turns on a check the descriptors fail',
    (p) => {
      fs.appendFileSync(
        path.join(path.dirname(p.entry), 'helpers.ts'),
        '\nexport function f(): void { const unused = 1; }\n',
      );
      backdate(p.root);
      fs.writeFileSync(
        p.tsconfig,
        JSON.stringify({
          compilerOptions: {
            strict: true,
            target: 'es2022',
            module: 'nodenext',
            skipLibCheck: true,
            noUnusedLocals: true,
          },
        }),
      );
    },
    true,
  ],
  [
    'a file is added beside a descriptor (an import could now resolve to it)',
    (p) => fs.writeFileSync(path.join(path.dirname(p.entry), 'extra.ts'), 'export {};\n'),
    false,
  ],
  [
    'a types package is installed (automatic type inclusion could find it)',
    (p) => {
      fs.mkdirSync(path.join(p.root, 'node_modules', '@types', 'ambient'), { recursive: true });
      fs.writeFileSync(
        path.join(p.root, 'node_modules', '@types', 'ambient', 'index.d.ts'),
        'declare const ambient: 1;\n',
      );
    },
    false,
  ],
  ['the record is damaged', (p) => damage(p, '{'), false],
  ['the record is emptied', (p) => damage(p, ''), false],
];

function damage(p: P, text: string): void {
  const dir = path.join(p.root, 'node_modules', '.cache', 'pcdk', 'typecheck');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.clean.json')))
    fs.writeFileSync(path.join(dir, f), text);
}

test.each(CHANGES)(
  '%s: the compiler runs again',
  async (_name, change, fails) => {
    const p = project();
    expect(await check(p)).toEqual({ fromRecord: false, errors: [] });
    expect((await check(p)).fromRecord).toBe(true);
    change(p);
    const after = await check(p);
    expect(after.fromRecord).toBe(false);
    expect(after.errors.length > 0).toBe(fails);
    if (fails) {
      // Found errors are never recorded: the compiler answers again, with the same errors.
      backdate(p.root);
      expect(await check(p)).toEqual(after);
    } else {
      // Clean again: recorded again (by this check, or, when the change was too recent, the next).
      backdate(p.root);
      expect((await check(p)).errors).toEqual([]);
      expect(await check(p)).toEqual({ fromRecord: true, errors: [] });
    }
  },
  60_000,
);

test('a file modified while the compiler ran means no record', async () => {
  const p = project();
  fs.appendFileSync(p.entry, '\n');
  expect(await check(p)).toEqual({ fromRecord: false, errors: [] });
  expect(await check(p)).toEqual({ fromRecord: false, errors: [] });
}, 60_000);

test("errors survive a check with nothing changed (the compiler's own state), a fix clears them, a damaged state changes nothing", async () => {
  const p = project();
  const withLines = async (): Promise<string[]> =>
    (await startTypecheck({ id: ID, entry: p.entry, root: p.root, tsconfig: p.tsconfig }).result).map(
      (d) => `${path.basename(d.source?.file ?? '')}:${d.source?.line} ${d.message}`,
    );
  const dir = path.join(p.root, 'node_modules', '.cache', 'pcdk', 'typecheck');
  expect(await withLines()).toEqual([]);
  const states = fs.readdirSync(dir).filter((f) => f.endsWith('.tsbuildinfo'));
  expect(states).toHaveLength(1);

  const clean = fs.readFileSync(p.entry, 'utf8');
  fs.writeFileSync(p.entry, `${clean}\nexport const broken: number = 'not a number';\n`);
  const line = clean.split('\n').length + 1;
  const broken = await withLines();
  expect(broken).toEqual([expect.stringMatching(new RegExp(`^connector\\.ts:${line} .*TS2322`))]);
  // Nothing changed: the compiler answers from its kept state, and the same.
  expect(await withLines()).toEqual(broken);
  for (const text of ['{ not json', '']) {
    fs.writeFileSync(path.join(dir, states[0]!), text);
    expect(await withLines()).toEqual(broken);
  }
  fs.writeFileSync(p.entry, clean);
  expect(await withLines()).toEqual([]);
  expect(await withLines()).toEqual([]);
}, 60_000);
