/**
 * Where findings point once descriptors are loaded from source: the .ts file and the 1-based
 * line and column where the author wrote the faulty value (the query()/path() call for a
 * parameter, the t.* call for a schema), never a place in the bundle or inside pcdk.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDescriptors } from '../../src/load/load-descriptors';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import type { Diagnostic } from '../../src/diagnostics';
import type { DiagnosticCode } from '../../src/validate/diagnostics';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-sites-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CONNECTOR = `import { defineConnector } from 'pcdk';
import { operations } from './operations/x';

export default defineConnector({
  id: 'sites', title: 'Sites', description: 'Sites is a connector used to test where findings point.',
  version: '1.0', host: 'api.sites.example', basePath: '/', schemes: ['https'],
  contact: { name: 'A', url: 'https://sites.example', email: 'a@sites.example' },
  metadata: { website: 'https://sites.example', privacyPolicy: 'https://sites.example/p', categories: ['Data'] },
  publisher: 'A', stackOwner: 'Sites', iconBrandColor: '#da3b01', auth: { type: 'none' },
  operations, readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' },
});
`;

let n = 0;
/** Writes definitions/sites/ with connector.ts and the given files; returns the connector folder. */
function write(files: Record<string, string>): { defs: string; dir: string } {
  const defs = path.join(tmp, `defs-${++n}`);
  const dir = path.join(defs, 'sites');
  for (const [rel, text] of Object.entries({ 'connector.ts': CONNECTOR, ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return { defs, dir };
}

async function findings(files: Record<string, string>): Promise<{ ds: Diagnostic[]; dir: string }> {
  const { defs, dir } = write(files);
  const loaded = await loadDescriptors('sites', defs);
  return { ds: loaded.connector ? validateDescriptor(loaded.connector) : loaded.diagnostics, dir };
}

/**
 * 1-based line and column of the only occurrence of `marker` in `text`. A call's column is that
 * of the called name, as Node reports calls: `string` in `t.string(`, `query` in `query(`.
 */
function at(text: string, marker: string): { line: number; column: number } {
  const i = text.indexOf(marker);
  expect(i).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(marker, i + 1)).toBe(-1);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function one(ds: Diagnostic[], code: DiagnosticCode): Diagnostic {
  const hits = ds.filter((d) => d.code === code);
  expect(hits.map((d) => d.code)).toEqual([code]);
  return hits[0]!;
}

/** Parameters written over several lines, so the query()/path() line differs from the t.* line. */
const X = `import { operation, path, query, t } from 'pcdk';

const listThings = operation({
  id: 'ThingList', method: 'get', path: '/things', summary: 'List things', description: 'Lists things.',
  responses: { 200: t.partial({ things: t.array(t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) })) }) },
});

const getThing = operation({
  id: 'ThingGet', method: 'get', path: '/things/{id}', summary: 'Get a thing', description: 'Gets a thing.',
  params: {
    thing_id: path(
      t.id({ title: 'Thing ID', description: 'The thing.' }),
    ),
    filter: query(
      t.string({ title: 'Filter' }),
    ),
    owner: query(
      t.id({ title: 'Owner', description: 'The owner.' }),
      { dynamicValues: { from: listThings, collection: 'items', value: 'id', title: 'id' } },
    ),
  },
  responses: { 200: t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) }) },
});

const addThing = operation({
  id: 'ThingAdd', method: 'post', path: '/things', summary: 'Add a thing', description: 'Adds a thing.',
  body: t.object({
    name: t.string({ title: 'Name', description: 'The name.' }),
    size:
      t.integer({ title: 'Size', description: 'The size.' } as never),
  }),
  responses: { 201: t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) }) },
});

export const operations = [listThings, getThing, addThing];
`;

describe('a finding on a parameter written in operations/x.ts', () => {
  let ds: Diagnostic[];
  let file: string;
  beforeAll(async () => {
    const r = await findings({ 'operations/x.ts': X });
    ds = r.ds;
    file = path.join(r.dir, 'operations', 'x.ts');
  });

  test('about the parameter itself: at its path() call, in that file', () => {
    const d = one(ds, 'path-param-not-in-template');
    expect(d.source).toEqual({ file, ...at(X, 'path(\n      t.id') });
  });

  test("about the parameter's dropdown, set in query() options: at the query() call", () => {
    const d = one(ds, 'dynamic-values-collection-missing');
    expect(d.source).toEqual({ file, line: at(X, 'owner: query(').line, column: at(X, 'query(\n      t.id').column });
  });

  test("about the parameter's schema (a missing description): at its t.* call", () => {
    const d = one(ds, 'param-description-missing');
    expect(d.source).toEqual({ file, ...at(X, "string({ title: 'Filter' })") });
  });

  test('a path variable no parameter declares: at the `path:` key of the operation', () => {
    const d = one(ds, 'path-param-undeclared');
    expect(d.source).toEqual({ file, ...at(X, "path: '/things/{id}'") });
  });

  test('a body property: at the t.* call that made it, not the line of its name', () => {
    const d = one(ds, 'integer-format-missing');
    expect(d.field).toBe('body.size');
    expect(d.source).toEqual({ file, ...at(X, "integer({ title: 'Size'") });
    expect(d.source!.line).toBe(at(X, 'size:').line + 1);
  });
});

describe('a throw inside a nested helper', () => {
  const HELPERS = `import { query, t } from 'pcdk';

function label(text: string): string {
  if (text.length > 20) {
    throw new RangeError(\`label "\${text}" is longer than 20 characters\`);
  }
  return text;
}

function described(title: string, description: string) {
  return t.string({ title: label(title), description });
}

export function textParam(title: string, description: string) {
  return query(described(title, description));
}
`;
  const OPS = `import { operation, t } from 'pcdk';
import { textParam } from '../helpers';

export const operations = [
  operation({
    id: 'Search', method: 'get', path: '/search', summary: 'Search', description: 'Searches.',
    params: { q: textParam('The text to search for in every thing', 'What to find.') },
    responses: { 200: t.partial({ n: t.integer({ title: 'N', description: 'Hits.', format: 'int32' }) }) },
  }),
];
`;

  test("points at the throw line in the author's file, not into pcdk", async () => {
    const { ds, dir } = await findings({ 'helpers.ts': HELPERS, 'operations/x.ts': OPS });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      code: 'descriptor-threw',
      message:
        'the descriptors threw while loading: RangeError: label "The text to search for in every thing" is longer than 20 characters',
      source: { file: path.join(dir, 'helpers.ts'), ...at(HELPERS, 'new RangeError') },
    });
    expect(ds[0]!.source!.file).not.toContain(`${path.sep}src${path.sep}`);
  });

  test("a throw from pcdk itself (spreading undefined operations) lands on the author's call", async () => {
    const connector = CONNECTOR.replace('operations, readme', 'operations: missing as never, readme').replace(
      "import { operations } from './operations/x';",
      "import { operations } from './operations/x';\nconst missing = undefined;\nvoid operations;",
    );
    const { ds, dir } = await findings({
      'connector.ts': connector,
      'operations/x.ts': OPS,
      'helpers.ts': HELPERS.replace('> 20', '> 200'),
    });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.code).toBe('descriptor-threw');
    expect(ds[0]!.message).toMatch(/^the descriptors threw while loading: TypeError: /);
    expect(ds[0]!.source).toEqual({ file: path.join(dir, 'connector.ts'), ...at(connector, 'defineConnector({') });
  });
});

describe('positions are 1-based', () => {
  test('a syntax error at the very start of a file is line 1, column 1', async () => {
    const { ds, dir } = await findings({ 'operations/x.ts': `)\n${X}` });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      code: 'descriptor-syntax-error',
      source: { file: path.join(dir, 'operations', 'x.ts'), line: 1, column: 1 },
    });
  });

  test('a call at the start of a line is column 1, on the line an editor shows', async () => {
    const text = X.replace('    thing_id: path(\n', '    thing_id:\npath(\n');
    const { ds, dir } = await findings({ 'operations/x.ts': text });
    const d = one(ds, 'path-param-not-in-template');
    expect(d.source).toEqual({
      file: path.join(dir, 'operations', 'x.ts'),
      line: at(text, 'thing_id:\n').line + 1,
      column: 1,
    });
    expect(text.split('\n')[d.source!.line - 1]).toBe('path(');
  });

  test('an import that does not resolve: its line, and the column of its specifier', async () => {
    const text = X.replace(
      "import { operation, path, query, t } from 'pcdk';",
      "import { operation, path, query, t } from 'pcdk';\nimport { nothing } from './nope';\nvoid nothing;",
    );
    const { ds, dir } = await findings({ 'operations/x.ts': text });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      code: 'descriptor-import-unresolved',
      source: { file: path.join(dir, 'operations', 'x.ts'), ...at(text, "'./nope'") },
    });
  });
});
