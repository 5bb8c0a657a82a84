/**
 * ConvertKit against shared/: zero errors and zero warnings with the official schemas layer on,
 * and zero breaking changes against the published connector (library and `pcdk diff`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import convertkit from '../../definitions/convertkit/connector';
import { main } from '../../src/cli/main';
import { diffSwagger } from '../../src/diff/breaking-changes';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { formatDiagnostic } from '../../src/diagnostics';
import { validateBuilt, validateFolder } from '../../src/validate/validate-target';
import { readSharedJson, sharedDir } from '../helpers/shared';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-ck-'));
  for (const [f, text] of emitConnectorFolder(convertkit).files) fs.writeFileSync(path.join(dir, f), text);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('ConvertKit: all layers including the official schemas give zero errors and zero warnings', async () => {
  const r = await validateBuilt(convertkit, dir, { schemasDir: path.join(sharedDir(), 'schemas') });
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
});

test('the published ConvertKit is readable and has no certification error (warnings only)', async () => {
  const r = await validateFolder(path.join(sharedDir(), 'published', 'convertkit'));
  expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  expect(r.diagnostics.map((d) => d.code)).toContain('empty-properties');
});

test('no breaking change against the published connector', () => {
  const changes = diffSwagger(
    readSharedJson('published', 'convertkit', 'apiDefinition.swagger.json'),
    emitConnectorFolder(convertkit).swagger as Record<string, any>,
  );
  expect(changes.filter((c) => c.breaking)).toEqual([]);
});

test('`pcdk diff published build` exits 0 and reports zero breaking changes', async () => {
  const out: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const code = await main(['diff', path.join(sharedDir(), 'published', 'convertkit'), dir, '--json']);
  jest.restoreAllMocks();
  const body = JSON.parse(out.join(''));
  expect(body.breaking).toBe(0);
  // The custom fields narrowed to a map of strings, reported on each of the four inputs.
  expect(body.warnings).toBe(4);
  expect(body.nonBreaking).toBeGreaterThan(0);
  expect(code).toBe(0);
});

describe('the official-schema layer from the command line', () => {
  let broken: string;
  beforeAll(() => {
    broken = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-ck-bad-'));
    for (const [f, text] of emitConnectorFolder(convertkit).files) {
      // apiProperties allows no unknown key: only the official schema layer knows the list.
      fs.writeFileSync(
        path.join(broken, f),
        f === 'apiProperties.json'
          ? text.replace('"iconBrandColor": "#da3b01",', '"iconBrandColor": "#da3b01",\n    "bogusKey": 1,')
          : text,
      );
    }
  });
  afterAll(() => fs.rmSync(broken, { recursive: true, force: true }));

  const cases: [string, string[], Record<string, string>][] = [
    ['--schemas DIR', ['--schemas', path.join(sharedDir(), 'schemas')], {}],
    ['PCDK_SCHEMAS', [], { PCDK_SCHEMAS: path.join(sharedDir(), 'schemas') }],
  ];
  test.each(cases)(
    '%s enables it: an unknown apiProperties key is a located schema-violation',
    async (_n, args, env) => {
      const out: string[] = [];
      jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
      const saved = process.env.PCDK_SCHEMAS;
      Object.assign(process.env, env);
      const code = await main(['validate', broken, '--json', ...args]);
      if (saved === undefined) delete process.env.PCDK_SCHEMAS;
      else process.env.PCDK_SCHEMAS = saved;
      jest.restoreAllMocks();
      const found = JSON.parse(out.join('')).results[0].diagnostics.filter(
        (d: { code: string }) => d.code === 'schema-violation',
      );
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: 'apiProperties.json', pointer: '/properties' });
      expect(found[0].message).toContain('bogusKey');
      expect(found[0].line).toBe(2);
      expect(code).toBe(1);
    },
  );

  test('without it, the same folder passes the other layers', async () => {
    const saved = process.env.PCDK_SCHEMAS;
    delete process.env.PCDK_SCHEMAS;
    const r = await validateFolder(broken);
    if (saved !== undefined) process.env.PCDK_SCHEMAS = saved;
    expect(r.diagnostics.filter((d) => d.code === 'schema-violation')).toEqual([]);
  });
});
