/** Build: deterministic bytes, atomic writes, nothing written on failure. */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildConnector } from '../../src/synth/build-connector';
import { validateConnectorFiles } from '../../src/synth/connector-folder-artifact';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { writeDirAtomic } from '../../src/io/atomic-write';
import { operation } from '../../src/model';
import convertkit from '../../definitions/convertkit/connector';
import { createWidget, sample, variant } from '../helpers/sample-connector';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-build-'));
}
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('buildConnector', () => {
  test('writes the paconn folder', async () => {
    const out = tmp();
    const r = await buildConnector(sample, { outDir: out });
    expect(r.ok).toBe(true);
    expect(fs.readdirSync(path.join(out, 'widgets', 'connector')).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
      'settings.json',
    ]);
  });

  test.each([
    ['the sample connector', sample],
    ['ConvertKit', convertkit],
  ])('two builds of %s are byte-identical', async (_name, c) => {
    const a = tmp();
    const b = tmp();
    expect((await buildConnector(c, { outDir: a })).ok).toBe(true);
    expect((await buildConnector(c, { outDir: b })).ok).toBe(true);
    const sa = snapshot(a);
    expect(Object.keys(sa).length).toBeGreaterThanOrEqual(4);
    expect(snapshot(b)).toEqual(sa);
    for (const f of Object.keys(sa)) {
      const text = fs.readFileSync(path.join(a, f), 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      expect(text).not.toContain('\r');
    }
  });

  test('a failed build leaves the previous output untouched and reports why', async () => {
    const out = tmp();
    await buildConnector(sample, { outDir: out });
    const before = snapshot(out);
    const broken = variant({
      operations: [...sample.operations, operation({ ...(createWidget as any), id: 'WidgetList', path: '/other' })],
    });
    const r = await buildConnector(broken, { outDir: out });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('duplicate-operation-id');
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(path.join(out, 'widgets')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  test('a dry run validates but writes nothing', async () => {
    const out = tmp();
    const r = await buildConnector(sample, { outDir: out, dryRun: true });
    expect(r.ok).toBe(true);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe('writeDirAtomic', () => {
  test('a write that fails midway leaves the old folder and no temporary files', () => {
    const parent = tmp();
    const target = path.join(parent, 'connector');
    writeDirAtomic(target, new Map([['a.json', '{"v":1}\n']]));
    // A file and a folder with the same name cannot both be written: the second write throws.
    const bad = new Map<string, string>([
      ['b.json', 'new'],
      ['b.json/c.json', 'clash'],
    ]);
    expect(() => writeDirAtomic(target, bad)).toThrow();
    expect(fs.readdirSync(parent)).toEqual(['connector']);
    expect(fs.readFileSync(path.join(target, 'a.json'), 'utf8')).toBe('{"v":1}\n');
    expect(fs.existsSync(path.join(target, 'b.json'))).toBe(false);
  });

  test("the swapped-in folder is an ordinary 0755 folder, not mkdtemp's 0700", () => {
    const target = path.join(tmp(), 'connector');
    writeDirAtomic(target, new Map([['a.json', '1']]));
    expect(fs.statSync(target).mode & 0o777).toBe(0o755);
  });

  test('replaces the whole folder: files that are no longer produced disappear', () => {
    const target = path.join(tmp(), 'connector');
    writeDirAtomic(
      target,
      new Map([
        ['old.json', '1'],
        ['keep.json', '1'],
      ]),
    );
    writeDirAtomic(target, new Map([['keep.json', '2']]));
    expect(fs.readdirSync(target)).toEqual(['keep.json']);
  });

  test.each(['../escape.json', '/etc/passwd', 'a/../../b', 'C:\\x'])('refuses the unsafe path %s', (rel) => {
    const target = path.join(tmp(), 'connector');
    expect(() => writeDirAtomic(target, new Map([[rel, 'x']]))).toThrow(/refusing to write/);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('validateConnectorFiles (layers 2 and 3 on what is written)', () => {
  const files = () => new Map<string, string>(emitConnectorFolder(sample).files);

  test('the emitted sample is clean', async () => {
    expect(await validateConnectorFiles('widgets', files())).toEqual([]);
  });

  test.each([
    ['swagger-invalid', (s: any) => (s.paths['/widgets'].post.operationId = 'WidgetList')],
    ['swagger-invalid', (s: any) => (s.paths['/widgets'].get.parameters[0].in = 'nowhere')],
  ])('a %s swagger is reported', async (code, edit) => {
    const f = files();
    const doc = JSON.parse(f.get('apiDefinition.swagger.json')!);
    edit(doc);
    f.set('apiDefinition.swagger.json', JSON.stringify(doc));
    const found = await validateConnectorFiles('widgets', f);
    expect(found.map((d) => d.code)).toContain(code);
    expect(found[0]).toMatchObject({ connector: 'widgets', file: 'apiDefinition.swagger.json' });
  });

  test('text that is not strict JSON is reported with its position', async () => {
    const f = files();
    f.set('apiProperties.json', f.get('apiProperties.json')!.replace(/\n}\n$/, ',\n}\n'));
    const found = await validateConnectorFiles('widgets', f);
    expect(found).toEqual([
      expect.objectContaining({ code: 'json-trailing-comma', file: 'apiProperties.json', severity: 'error' }),
    ]);
    expect(found[0]!.line).toBeGreaterThan(1);
  });
});
