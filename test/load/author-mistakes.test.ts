/**
 * Every mistake in the author-mistakes table, in process: written into a fresh definitions
 * folder, loaded from source, validated (or, for what only the compiler sees, type-checked), and
 * reported as the expected diagnostic at the author's .ts file and line: never a crash, never a
 * stack trace, never a place inside pcdk.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectorEntry, loadDescriptors } from '../../src/load/load-descriptors';
import { startTypecheck } from '../../src/load/typecheck';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics';
import { BASE, ID, MISTAKES, writeMistake, type AuthorMistake } from '../helpers/author-mistakes';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-mistakes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh definitions folder holding the base connector with `m` applied. */
function definitions(m?: AuthorMistake): string {
  const defs = path.join(tmp, `defs-${++n}`);
  writeMistake(defs, ID, m);
  return defs;
}

/** What `pcdk build` reports before writing anything: load diagnostics, else the descriptor rules. */
async function loadAndValidate(defs: string): Promise<Diagnostic[]> {
  const loaded = await loadDescriptors(ID, defs);
  return loaded.connector ? validateDescriptor(loaded.connector) : loaded.diagnostics;
}

async function typecheck(defs: string): Promise<Diagnostic[]> {
  return startTypecheck({ id: ID, entry: connectorEntry(defs, ID), root: defs }).result;
}

/** Nothing a user sees may look like a crash. */
function expectNoCrash(ds: Diagnostic[]): void {
  for (const d of ds) {
    expect(d.message).not.toMatch(/internal error/i);
    expect(d.message).not.toMatch(/\n\s+at /);
    expect(formatDiagnostic(d)).not.toMatch(/\n\s+at /);
  }
}

describe('the base connector', () => {
  test('loads, validates with no errors and type-checks clean', async () => {
    const defs = definitions();
    const loaded = await loadDescriptors(ID, defs);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.connector?.operations.map((o) => o.id)).toEqual([
      'ThingList',
      'ThingGet',
      'ThingCreate',
      'WidgetList',
      'WidgetUpdate',
    ]);
    expect(validateDescriptor(loaded.connector!).filter((d) => d.severity === 'error')).toEqual([]);
    expect(await typecheck(defs)).toEqual([]);
  }, 30_000);

  test('spans several files, with one parameter shared by three operations and one shared schema', async () => {
    expect(Object.keys(BASE).filter((f) => f.endsWith('.ts')).length).toBeGreaterThanOrEqual(5);
    const { connector } = await loadDescriptors(ID, definitions());
    const ops = connector!.operations;
    const workspace = ops.filter((o) => o.params.workspace).map((o) => o.params.workspace);
    expect(workspace).toHaveLength(3);
    expect(new Set(workspace).size).toBe(1);
    const [list, get, create] = ops;
    expect(get!.responses[200]).toBe(create!.responses[201]);
    expect((list!.responses[200] as { properties: { things: { items: unknown } } }).properties.things.items).toBe(
      get!.responses[200],
    );
  });
});

describe('the mistakes table', () => {
  test('has at least 18 rows, each with a distinct name', () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(18);
    expect(new Set(MISTAKES.map((m) => m.name)).size).toBe(MISTAKES.length);
  });

  test('each row changes the base', () => {
    for (const m of MISTAKES) {
      const changed = Object.entries(m.files).some(([f, text]) => BASE[f] !== text) || (m.remove ?? []).length > 0;
      expect([m.name, changed]).toEqual([m.name, true]);
    }
  });
});

describe.each(MISTAKES.map((m) => [m.name, m] as const))('%s', (_name, m) => {
  test(`reports ${m.code} at ${m.file}${m.line ? `:${m.line}` : ''}`, async () => {
    const defs = definitions(m);
    const folder = path.join(defs, ID);
    const fromLoad = await loadAndValidate(defs);
    expectNoCrash(fromLoad);
    let found = fromLoad;
    if (m.typecheckOnly) {
      // Only the compiler sees it: the descriptors load and pass the rules as they are.
      expect(fromLoad.filter((d) => d.severity === 'error')).toEqual([]);
      found = await typecheck(defs);
      expectNoCrash(found);
    }

    expect(found.map((d) => d.code)).toContain(m.code);
    const errors = found.filter((d) => d.severity === 'error');
    const expectedFile = path.join(folder, m.file);
    for (const d of errors) {
      // Every error names a .ts file of the author's, at a 1-based position.
      expect(d.source).toBeDefined();
      const { file, line, column } = d.source!;
      expect(file.endsWith('.ts')).toBe(true);
      expect(path.relative(folder, file).startsWith('..')).toBe(false);
      expect(path.relative(folder, file)).toBe(m.file);
      expect(line).toBeGreaterThanOrEqual(1);
      expect(column).toBeGreaterThanOrEqual(1);
      if (m.line !== undefined)
        expect(`${d.code} ${path.relative(folder, file)}:${line}`).toBe(`${d.code} ${m.file}:${m.line}`);
    }

    const expected = errors.find((d) => d.code === m.code)!;
    expect(expected.source!.file).toBe(expectedFile);
    // The printed form leads with the place, as a compiler's does.
    expect(formatDiagnostic(expected)).toMatch(
      new RegExp(`^\\S+\\.ts:${expected.source!.line}:${expected.source!.column}: error \\[${m.code}\\]`),
    );

    if (m.sharedBy !== undefined) {
      // A value written once and used by several operations is one finding listing them all.
      const same = found.filter((d) => d.code === m.code);
      expect(same).toHaveLength(1);
      expect(same[0]!.operations).toHaveLength(m.sharedBy);
      expect(formatDiagnostic(same[0]!)).toContain(
        `used by ${m.sharedBy} operations: ${same[0]!.operations!.join(', ')}`,
      );
    }
  }, 30_000);
});

test('the shared parameter without a description: one finding for ThingList, ThingGet and ThingCreate', async () => {
  const m = MISTAKES.find((r) => r.code === 'param-description-missing' && r.sharedBy === 3)!;
  const ds = await loadAndValidate(definitions(m));
  expect(ds).toHaveLength(1);
  expect(ds[0]).toMatchObject({
    code: 'param-description-missing',
    operations: ['ThingList', 'ThingGet', 'ThingCreate'],
    source: { file: path.join(tmp, `defs-${n}`, ID, 'params.ts'), line: m.line },
  });
});
