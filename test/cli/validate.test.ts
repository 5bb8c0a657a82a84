/**
 * `pcdk validate` end to end through main(): targets (folder, swagger file, --all), the three
 * output formats, exit codes 0/1/2, and unreadable input reported as diagnostics.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import convertkit from '../../definitions/convertkit/connector';
import { sample } from '../helpers/sample-connector';
import { BASE, ID, writeMistake } from '../helpers/author-mistakes';
import { loadDescriptors } from '../../src/load/load-descriptors';

let root: string;
let out: string[];
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-validate-'));
  out = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

function writeFolder(name: string, edit: (files: Map<string, string>) => void = () => undefined): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  const files = new Map(emitConnectorFolder(sample).files);
  edit(files);
  for (const [f, text] of files) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

const run = async (...args: string[]) => ({ code: await main(args), text: out.join('') });

describe('pcdk validate', () => {
  test('a clean connector folder: exit 0, no findings', async () => {
    const dir = writeFolder('widgets');
    const r = await run('validate', dir, '--json');
    expect(JSON.parse(r.text)).toMatchObject({
      errors: 0,
      warnings: 0,
      results: [{ connector: 'widgets', diagnostics: [] }],
    });
    expect(r.code).toBe(0);
  });

  test('certification errors: exit 1, each with file:line:column, rule id and fix', async () => {
    const dir = writeFolder('widgets', (f) =>
      f.set(
        'apiDefinition.swagger.json',
        f.get('apiDefinition.swagger.json')!.replace('"summary": "List widgets"', '"summary": "List widgets/gadgets"'),
      ),
    );
    const r = await run('validate', dir);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(
      /widgets\/apiDefinition\.swagger\.json:\d+:\d+: error \[summary-restricted-characters\] \(RestrictedCharactersInSummary\) WidgetList: /,
    );
    expect(r.text).toContain('    fix: Reword');
    expect(r.text).toMatch(/1 connector checked: 1 error, 0 warnings/);
  });

  test('unreadable files are diagnostics with positions, never crashes', async () => {
    const dir = writeFolder('broken', (f) => {
      f.set(
        'apiDefinition.swagger.json',
        f.get('apiDefinition.swagger.json')!.replace(/"swagger": "2.0",/, '"swagger": "2.0"'),
      );
      f.delete('apiProperties.json');
    });
    const r = await run('validate', dir, '--format', 'json');
    const body = JSON.parse(r.text);
    const codes = body.results[0].diagnostics.map((d: { code: string; line: number }) => [d.code, d.line]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['json-invalid', 3],
        ['file-missing', 1],
      ]),
    );
    expect(r.code).toBe(1);
  });

  test('BOM and trailing commas are reported and the other layers still run', async () => {
    const dir = writeFolder('lenient', (f) => {
      f.set(
        'apiDefinition.swagger.json',
        `\ufeff${f.get('apiDefinition.swagger.json')!.replace('"https"\n  ]', '"https",\n  ]').replace('"List widgets"', '"List widgets."')}`,
      );
    });
    const body = JSON.parse((await run('validate', dir, '--json')).text);
    const codes = body.results[0].diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['json-bom', 'json-trailing-comma', 'summary-ends-with-punctuation']));
  });

  test('a lone swagger file is a target; apiProperties beside it is read too', async () => {
    const dir = writeFolder('widgets');
    const r = await run('validate', path.join(dir, 'apiDefinition.swagger.json'), '--json');
    expect(JSON.parse(r.text).errors).toBe(0);
    expect(r.code).toBe(0);
  });

  test('--format sarif writes SARIF 2.1.0 with rules, levels and regions', async () => {
    const dir = writeFolder('widgets', (f) =>
      f.set(
        'apiDefinition.swagger.json',
        f.get('apiDefinition.swagger.json')!.replace('"operationId": "WidgetAdd"', '"operationId": "widgetAdd"'),
      ),
    );
    const r = await run('validate', dir, '--format', 'sarif');
    const log = JSON.parse(r.text);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-schema-2.1.0.json');
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('pcdk');
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'operation-id-not-pascal-case');
    expect(result.level).toBe('warning');
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe('operation-id-not-pascal-case');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/widgets\/apiDefinition\.swagger\.json$/);
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(result.properties.jsonPointer).toBe('/paths/~1widgets/post/operationId');
    expect(r.code).toBe(0); // warnings only
  });

  test('--all validates every connector folder under a directory', async () => {
    writeFolder('a/one');
    writeFolder('b/two', (f) => f.set('apiProperties.json', '{"properties": {}}\n'));
    const body = JSON.parse((await run('validate', '--all', root, '--json')).text);
    expect(body.results.map((x: { connector: string }) => x.connector)).toEqual(['a/one', 'b/two']);
    expect(body.results[1].diagnostics.map((d: { code: string }) => d.code)).toContain('icon-brand-color-invalid');
  });

  test('a connector id: descriptor rules plus its built folder under --out', async () => {
    const built = path.join(root, 'convertkit', 'connector');
    fs.mkdirSync(built, { recursive: true });
    for (const [f, text] of emitConnectorFolder(convertkit).files) fs.writeFileSync(path.join(built, f), text);
    const r = await run('validate', 'convertkit', '--out', root, '--json');
    expect(JSON.parse(r.text)).toMatchObject({ errors: 0, warnings: 0, results: [{ connector: 'convertkit' }] });
    expect(r.code).toBe(0);
  });

  test('a connector id that was never built is validated as it builds now: clean, nothing missing', async () => {
    const r = await run('validate', 'convertkit', '--out', path.join(root, 'nothing-here'), '--json');
    expect(JSON.parse(r.text)).toMatchObject({ errors: 0, warnings: 0, results: [{ connector: 'convertkit' }] });
    expect(r.code).toBe(0);
  });

  const usage: [string, string[]][] = [
    ['no target', ['validate']],
    ['target and --all', ['validate', 'x', '--all', 'y']],
    ['unknown format', ['validate', 'x', '--format', 'xml']],
    ['unknown option', ['validate', 'x', '--nope']],
  ];
  test.each(usage)('usage error (%s) exits 2', async (_n, args) => {
    expect((await run(...args)).code).toBe(2);
  });

  test('a target that is neither file, folder nor id exits 1 with a clear message', async () => {
    const r = await run('validate', path.join(root, 'nope', 'x.txt'));
    expect(r.code).toBe(1);
    expect(r.text).toContain('is not a file, a folder or a connector id');
  });
});

/**
 * `pcdk validate <id>` checks the descriptors as they are and the folder they build now, in
 * memory, whatever dist/ holds: nothing, an older build, or what a failed build left (the
 * previous one). A finding in a built file gives that file's position in the current build, and
 * says when dist/ does not hold it; never file-missing, never a line of a stale file.
 */
describe('pcdk validate <id> and dist/', () => {
  const THINGS = 'operations/things.ts';
  /** The demo connector with a summary certification forbids ("/"): located in .ts and in the swagger. */
  function brokenDefinitions(): string {
    const defs = path.join(root, 'defs');
    writeMistake(defs, ID, {
      name: 'slash',
      code: 'summary-restricted-characters',
      file: THINGS,
      files: { [THINGS]: BASE[THINGS]!.replace("summary: 'List things',", "summary: 'List things/stuff',") },
    });
    return defs;
  }
  const apiDefinition = 'apiDefinition.swagger.json';
  /** The swagger the current descriptors build, and the line of the faulty summary in it. */
  async function currentBuild(defs: string): Promise<{ text: string; line: number }> {
    const loaded = await loadDescriptors(ID, defs);
    const text = emitConnectorFolder(loaded.connector!).files.get(apiDefinition)!;
    return { text, line: text.split('\n').findIndex((l) => l.includes('List things/stuff')) + 1 };
  }

  const states: [string, (defs: string, dist: string) => Promise<void>, boolean][] = [
    ['never built', async () => undefined, true],
    [
      'an older build in dist/ (other lines, apiProperties.json gone)',
      async (_defs, dist) => {
        const dir = path.join(dist, ID, 'connector');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(
          path.join(dir, apiDefinition),
          `\n\n\n\n\n${emitConnectorFolder(sample).files.get(apiDefinition)}`,
        );
      },
      true,
    ],
    [
      'after a failed build',
      async (defs, dist) => {
        expect(await main(['build', ID, '--definitions', defs, '--out', dist, '--no-typecheck'])).toBe(1);
      },
      true,
    ],
    [
      'the current build in dist/',
      async (defs, dist) => {
        const dir = path.join(dist, ID, 'connector');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, apiDefinition), (await currentBuild(defs)).text);
      },
      false,
    ],
  ];

  test.each(states)('%s', async (_name, prepare, stale) => {
    const defs = brokenDefinitions();
    const dist = path.join(root, 'dist');
    await prepare(defs, dist);
    out.length = 0;
    const r = await run('validate', ID, '--definitions', defs, '--out', dist, '--json');
    const ds: { code: string; file?: string; line?: number; source?: { file: string; line: number } }[] = JSON.parse(
      r.text,
    ).results[0].diagnostics;
    expect(ds.map((d) => d.code)).not.toContain('file-missing');
    const finding = ds.find((d) => d.code === 'summary-restricted-characters')!;
    // Where the author wrote it, and where it is in the swagger the descriptors build now.
    expect(finding.source!.file).toBe(path.join(defs, ID, THINGS));
    expect(finding.source!.line).toBe(
      BASE[THINGS]!.split('\n').findIndex((l) => l.includes("summary: 'List things'")) + 1,
    );
    expect(finding).toMatchObject({ file: apiDefinition, line: (await currentBuild(defs)).line });
    expect(ds.filter((d) => d.code === 'build-out-of-date').map((d) => d.file)).toEqual(stale ? [apiDefinition] : []);
    expect(r.code).toBe(1);
  });

  test('a clientName clash: validate reports it, and build reports the same diagnostic', async () => {
    const defs = path.join(root, 'defs');
    const WIDGETS = 'operations/widgets.ts';
    writeMistake(defs, ID, {
      name: 'clash',
      code: 'client-name-duplicate',
      file: WIDGETS,
      files: {
        [WIDGETS]: BASE[WIDGETS]!.replace("id: 'WidgetUpdate',", "id: 'WidgetUpdate',\n  clientName: 'widgetList',"),
      },
    });
    const validated = await run('validate', ID, '--definitions', defs, '--out', path.join(root, 'dist'));
    expect(validated.code).toBe(1);
    const line = validated.text.split('\n').find((l) => l.includes('[client-name-duplicate]'));
    expect(line).toContain('WidgetUpdate > clientName');
    out.length = 0;
    const built = await run('build', ID, '--definitions', defs, '--out', path.join(root, 'dist'), '--no-typecheck');
    expect(built.code).toBe(1);
    expect(built.text).toMatch(
      /operations\/widgets\.ts:\d+:\d+: error \[client-name-duplicate\] demo > WidgetUpdate > clientName/,
    );
    expect(built.text).not.toMatch(/\n\s+at |internal error/i);
    expect(fs.existsSync(path.join(root, 'dist', ID))).toBe(false);
  });
});
