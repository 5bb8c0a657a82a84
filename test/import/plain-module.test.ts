import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { loadDescriptorFolder, transpileDescriptor } from '../../src/import/load-descriptor';
import { plainModule } from '../../src/import/plain-module';

/** Evaluates CommonJS text with a require that serves `mods`. */
function run(js: string, mods: Record<string, unknown> = {}): Record<string, unknown> {
  const mod = { exports: {} as Record<string, unknown> };
  const fn = vm.runInThisContext(`(function (exports, require, module) {${js}\n})`) as (
    e: unknown,
    r: unknown,
    m: unknown,
  ) => void;
  fn(mod.exports, (s: string) => mods[s], mod);
  return mod.exports;
}

const model = { __esModule: true, op: (x: unknown) => ({ op: x }), t: { string: () => ({ type: 'string' }) } };

describe('plainModule', () => {
  it('rewrites an operation file as the esbuild transpile evaluates it, keeping line numbers', () => {
    const src = [
      "import { op, t, type Operation } from 'pcdk';",
      "import type { DeclaredSchema } from 'pcdk';",
      '',
      '/** A comment with `backticks`, <angles> and / slashes. */',
      "export const a = op({ s: t.string(), q: 'it\\'s <b>/\"x\"' }); // trailing / comment",
      'export const b: DeclaredSchema = { type: "object" };',
      'export const c: Record<string, DeclaredSchema> = { b };',
      'const d: Operation = op(1);',
      'export default { a, d };',
      '',
    ].join('\n');
    const plain = plainModule(src);
    expect(plain).toBeDefined();
    expect(plain!.js.split('\n')).toHaveLength(src.split('\n').length);
    const ours = run(plain!.js, { pcdk: model });
    const theirs = run(transpileDescriptor(src, 'x.ts'), { pcdk: model });
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    expect(ours.__esModule).toBe(true);
    expect(ours.default).toEqual(theirs.default);
  });

  it('exports are live bindings, as esbuild makes them', () => {
    const plain = plainModule('export let n = 1;\nexport function bump() { n++; }\n')!;
    const m = run(plain.js) as { n: number; bump: () => void };
    m.bump();
    expect(m.n).toBe(2);
  });

  it.each([
    ['a type argument', "import { f } from 'pcdk';\nexport const x = f<string>(1);"],
    ['a template literal', 'export const x = `a${1}`;'],
    ['a regular expression or division', 'export const x = 1 / 2;'],
    ['a default import', "import m from 'pcdk';\nexport const x = m;"],
    ['a namespace import of a package', "import * as m from 'pcdk';\nexport const x = m;"],
    ['export lists', 'const x = 1;\nexport { x };'],
    ['export of several declarators', 'export const x = 1, y = 2;'],
    ['export default function', 'export default function f() {}'],
    ['export type', 'export type T = string;'],
    ['export interface', 'export interface I { a: string }'],
    ['an enum', 'export enum E { A }'],
    ['a function type annotation', 'export const f: () => void = () => {};'],
    ['an object type annotation', 'export const o: { a: string } = { a: "" };'],
    ['a non-ASCII identifier', 'export const é = 1;'],
    ['dynamic import', "export const m = import('./x');"],
    ['an unterminated string', "export const s = 'abc\n';"],
    ['a duplicate export', 'export const a = 1;\nexport let a = 2;'],
  ])('leaves %s to esbuild', (_what, src) => {
    expect(plainModule(src)).toBeUndefined();
  });

  it('lets TypeScript it does not parse through to a SyntaxError (the loader then uses esbuild)', () => {
    for (const src of ['export const x = y as Z;', 'export const x = y!;', 'const o = { a: 1 } satisfies X;']) {
      const plain = plainModule(src);
      expect(plain).toBeDefined();
      expect(() => run(plain!.js)).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    }
  });
});

describe('loadDescriptorFolder with plain modules', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-plain-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (files: Record<string, string>) => {
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
  };
  const connector = (body: string) =>
    `import { defineConnector } from 'pcdk';\n${body}\nexport default defineConnector({ id: 'x', title: 'X', description: 'X', version: '1', host: 'x.example.com', basePath: '/', auth: { type: 'none' }, operations: [] } as never);\n`;

  it('mixes plain files and files that need esbuild', () => {
    write({
      'connector.ts': connector("import { a } from './ops/a';\nimport { b } from './ops/b';\nvoid [a, b];"),
      'ops/a.ts': "export const a = { id: 'a' };\n",
      'ops/b.ts': "type B = { id: string };\nexport const b = { id: 'b' } as B;\n",
    });
    expect(loadDescriptorFolder(dir).kind).toBe('connector');
  });

  it('starts over with esbuild when a plain module would read names of a module still loading', () => {
    write({
      'connector.ts': connector("import { a } from './a';\nif (a.b.id !== 'b') throw new Error('cycle');"),
      'a.ts': "import * as bs from './b';\nexport const a = { get b() { return bs.b; } };\n",
      'b.ts': "import { a } from './a';\nexport const b = { id: 'b', a: () => a };\n",
    });
    expect(loadDescriptorFolder(dir).kind).toBe('connector');
  });

  it('still refuses imports from outside the folder and packages', () => {
    write({ 'connector.ts': connector("import { x } from '../outside';\nvoid x;") });
    expect(() => loadDescriptorFolder(dir)).toThrow(/cannot import "\.\.\/outside"/);
    write({ 'connector.ts': connector("import { x } from 'lodash';\nvoid x;") });
    expect(() => loadDescriptorFolder(dir)).toThrow(/cannot import "lodash"/);
  });
});
