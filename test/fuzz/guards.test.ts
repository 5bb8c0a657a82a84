/**
 * The structural guards, each on the input that used to crash or hang pcdk: the iterative depth
 * and size scan, the reader that refuses before any parser runs, the walkers that must not
 * follow a schema round its own loop, and the real `pcdk` process on a 3,000-level schema.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffSwagger } from '../../src/diff/breaking-changes';
import type { SchemaObject } from '../../src/model/schema';
import { xmlElements } from '../../src/pack/xml-nodes';
import { readZip, ZIP_LIMITS } from '../../src/pack/zip-read';
import { jszip } from '../pack/helpers';
import { loadFixtureDir } from '../../src/recordings/format';
import { JSON_LIMITS, jsonTextProblem, valueDepthProblem } from '../../src/validate/json-limits';
import { readJsonSource } from '../../src/validate/json-source';
import { walkSchema } from '../../src/validate/schema-walk';
import { validateWithSwaggerParser } from '../../src/validate/swagger-parser';
import { runCli } from '../helpers/run-cli';
import { problemsOf } from './harness';

const repo = path.join(__dirname, '..', '..');
const where = { connector: 'c', file: 'apiDefinition.swagger.json' };
const deepSchema = (n: number): string =>
  `${'{"type":"object","properties":{"a":'.repeat(n)}{"type":"string"}${'}}'.repeat(n)}`;
const swaggerWith = (schema: string): string =>
  `{"swagger":"2.0","info":{"title":"T","version":"1"},"host":"example.com","paths":{"/x":{"get":{"operationId":"X","responses":{"200":{"description":"ok","schema":${schema}}}}}}}`;

describe('jsonTextProblem: the iterative scan every reader runs first', () => {
  test.each<[string, string, { kind: string; pointer: string } | undefined]>([
    ['a real-sized document', swaggerWith(deepSchema(20)), undefined],
    ['exactly the limit', '['.repeat(JSON_LIMITS.maxDepth) + ']'.repeat(JSON_LIMITS.maxDepth), undefined],
    [
      'one level more',
      '['.repeat(JSON_LIMITS.maxDepth + 1),
      { kind: 'depth', pointer: '/0'.repeat(JSON_LIMITS.maxDepth) },
    ],
    [
      'stray closers first do not hide the nesting after them',
      `]]]]${'['.repeat(JSON_LIMITS.maxDepth + 1)}`,
      { kind: 'depth', pointer: '/0'.repeat(JSON_LIMITS.maxDepth) },
    ],
    ['brackets inside strings do not count', `["${'['.repeat(5000)}"]`, undefined],
    ['escaped quotes do not end a string', `["\\"${'{'.repeat(5000)}"]`, undefined],
    [
      'the pointer names keys and array indexes, escaped',
      `{"a/b":[0,{"~k":${'['.repeat(JSON_LIMITS.maxDepth)}`,
      { kind: 'depth', pointer: `/a~1b/1/~0k${'/0'.repeat(JSON_LIMITS.maxDepth - 3)}` },
    ],
    ['a 3,000-level schema', swaggerWith(deepSchema(3000)), { kind: 'depth', pointer: '' }],
  ])('%s', (_name, text, expected) => {
    const p = jsonTextProblem(text);
    if (!expected) expect(p).toBeUndefined();
    else {
      expect(p?.kind).toBe(expected.kind);
      if (expected.pointer) expect(p?.pointer).toBe(expected.pointer);
    }
  });

  test('a file over the size limit is refused by size before it is scanned', () => {
    const p = jsonTextProblem('x', { maxDepth: 128, maxChars: 0 } as unknown as typeof JSON_LIMITS);
    expect(p).toMatchObject({ kind: 'size', pointer: '' });
  });

  test.each<[string, unknown, string | undefined]>([
    ['flat', { a: [1, 2, { b: null }] }, undefined],
    ['deep arrays', JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)), '/0'.repeat(JSON_LIMITS.maxDepth)],
    ['deep objects', JSON.parse(`${'{"k":'.repeat(200)}1${'}'.repeat(200)}`), '/k'.repeat(JSON_LIMITS.maxDepth)],
  ])('valueDepthProblem: %s', (_name, value, pointer) => {
    expect(valueDepthProblem(value)).toBe(pointer);
  });
});

describe('readers refuse deep input with a located diagnostic, before any parser runs', () => {
  test('readJsonSource names the pointer, line and column where the limit is crossed', () => {
    const text = swaggerWith(deepSchema(3000));
    const src = readJsonSource(text, where);
    expect(src.value).toBeUndefined();
    const d = src.diagnostics.find((x) => x.code === 'json-too-deep')!;
    expect(d).toMatchObject({ file: 'apiDefinition.swagger.json', severity: 'error', line: 1 });
    expect(d.pointer).toMatch(/^\/paths\/~1x\/get\/responses\/200\/schema(\/properties\/a)+$/);
    // The column is the bracket that opens level 129.
    expect(text[d.column! - 1]).toBe('{');
    expect(d.pointer!.split('/').length - 1).toBe(JSON_LIMITS.maxDepth);
    expect(d.message).toContain(`nested deeper than ${JSON_LIMITS.maxDepth} levels`);
    expect(src.locate('/paths')).toEqual({ line: d.line, column: d.column });
  });

  test('depth a duplicate key hides from the value still never reaches the recursive tree', () => {
    // JSON.parse keeps the last "a" (shallow); the text holds a 10,000-level first one.
    const text = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)},"a":1,"b":[]}`;
    const src = readJsonSource(text, where);
    expect([src.value, src.refused, src.diagnostics]).toEqual([{ a: 1, b: [] }, undefined, []]);
    // Positions would need jsonc-parser's tree of the text: they fall back to the file's start.
    expect(src.locate('/b')).toEqual({ line: 1, column: 1 });
  });

  test('a file over 16 MiB is refused unread, at its start', () => {
    const text = `{"description":"${'a'.repeat(JSON_LIMITS.maxChars)}"}`;
    const src = readJsonSource(text, where);
    expect(src.value).toBeUndefined();
    expect(src.diagnostics).toEqual([
      expect.objectContaining({ code: 'json-too-large', pointer: '', line: 1, column: 1, file: where.file }),
    ]);
    expect(src.diagnostics[0]!.message).toContain(`more than the ${JSON_LIMITS.maxChars} pcdk reads`);
  });

  test('swagger-parser is not called on a value nested deeper than the limit', async () => {
    const ds = await validateWithSwaggerParser(JSON.parse(swaggerWith(deepSchema(3000))), where);
    expect(ds.map((d) => d.code)).toEqual(['json-too-deep']);
  });

  test('swagger-parser resolves no external $ref (no file or network read)', async () => {
    const doc = JSON.parse(swaggerWith('{"$ref":"http://127.0.0.1:1/never.json#/x"}'));
    await expect(validateWithSwaggerParser(doc, where)).resolves.toEqual([]);
  });

  test('a recording nested deeper than the limit is an invalid recording, not a crash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-deep-rec-'));
    fs.writeFileSync(path.join(dir, 'A.json'), `{"operationId":"A","body":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(loadFixtureDir(dir).invalid).toEqual([
      {
        file: 'A.json',
        reason: expect.stringContaining(`nested deeper than ${JSON_LIMITS.maxDepth} levels at /body/0`),
      },
    ]);
  });

  test.each([
    ['deeply nested XML', `<a>${'<b>'.repeat(5000)}${'</b>'.repeat(5000)}</a>`, /Maximum nested tags/],
    ['truncated XML', '<a><b>', /./],
  ])('customizations.xml: %s is an error, not an exception', (_name, xml, error) => {
    expect(xmlElements(xml).error).toMatch(error);
  });
});

describe('zips are read within limits', () => {
  /** A real zip whose central directory (signature PK\x01\x02) declares `size` bytes for its entry. */
  async function declaring(size: number): Promise<Buffer> {
    const zip = await jszip({ 'a.txt': 'hello hello hello' });
    const at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(size, at + 24);
    return zip;
  }

  test('a zip declaring more than the limit is refused before anything is inflated', async () => {
    await expect(readZip(await declaring(ZIP_LIMITS.maxBytes + 1))).rejects.toThrow(
      `its entries unpack to ${ZIP_LIMITS.maxBytes + 1} bytes`,
    );
  });

  test('an entry whose data does not match its directory is a ZipReadError, not an exception', async () => {
    await expect(readZip(await declaring(3))).rejects.toThrow(/a\.txt cannot be unpacked/);
  });

  test('pack --check on a zip bomb names the zip', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bomb-'));
    fs.writeFileSync(path.join(dir, 'bomb.zip'), await declaring(ZIP_LIMITS.maxBytes * 2));
    const r = await runCli(['pack', '--check', path.join(dir, 'bomb.zip')]);
    expect(problemsOf(r, { zipPaths: true })).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error [cert-zip-unreadable]');
  });
});

describe('walkers do not follow a schema round its own loop', () => {
  test('walkSchema visits a self-containing schema once per path and survives 10,000 levels', () => {
    const tree: SchemaObject = { type: 'object', properties: {} };
    tree.properties!.left = tree;
    tree.properties!.right = tree;
    const seen: string[] = [];
    walkSchema(tree, 'body', (_s, field) => seen.push(field));
    expect(seen).toEqual(['body']);
    let deep: SchemaObject = { type: 'string' };
    for (let i = 0; i < 10_000; i++) deep = { type: 'object', properties: { a: deep } };
    let count = 0;
    walkSchema(deep, '', () => count++);
    expect(count).toBe(10_001);
  });

  test('diff on a definition that refers to itself twice ends, with the fields once', () => {
    const self = { $ref: '#/definitions/Tree' };
    const doc = (extra: object) => ({
      swagger: '2.0',
      definitions: { Tree: { type: 'object', properties: { left: self, right: self, ...extra } } },
      paths: {
        '/t': {
          post: {
            operationId: 'T',
            parameters: [{ name: 'body', in: 'body', schema: self }],
            responses: { 200: { description: 'ok', schema: self } },
          },
        },
      },
    });
    const changes = diffSwagger(doc({}) as never, doc({ name: { type: 'string' } }) as never);
    expect(changes.map((c) => c.detail).sort()).toEqual(expect.arrayContaining([expect.stringContaining('name')]));
    expect(changes.length).toBeLessThan(10);
  });
});

describe('the real pcdk process on the inputs of issue 12', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-deep-'));
  const connector = path.join(dir, 'Deep');
  fs.mkdirSync(connector);
  fs.writeFileSync(path.join(connector, 'apiDefinition.swagger.json'), swaggerWith(deepSchema(3000)));
  fs.writeFileSync(path.join(connector, 'apiProperties.json'), '{"properties":{}}');
  const spawn = (args: string[]) => {
    const r = spawnSync(
      process.execPath,
      [path.join(repo, 'scripts', 'run-ts.js'), path.join(repo, 'src', 'cli', 'bin.ts'), ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PCDK_CACHE_DIR: path.join(dir, 'cache') },
      },
    );
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };

  test.each<[string, string[]]>([
    ['validate', ['validate', 'Deep']],
    ['import', ['import', 'Deep', '--out', 'out/deep', '--no-verify']],
    ['diff', ['diff', 'Deep', 'Deep']],
  ])(
    '%s exits 1 with the located refusal',
    (_name, args) => {
      const r = spawn(args);
      expect(problemsOf(r)).toEqual([]);
      expect(r.code).toBe(1);
      expect(`${r.out}${r.err}`).toContain('json-too-deep');
      expect(`${r.out}${r.err}`).toContain(`nested deeper than ${JSON_LIMITS.maxDepth} levels`);
    },
    120_000,
  );

  test.each([
    ['[]', 'an array'],
    ['null', 'null'],
    ['"x"', 'a string'],
  ])('diff on a swagger whose top level is %s names the file and position', async (text, found) => {
    const side = path.join(dir, `root-${found.replace(/\W/g, '')}`);
    fs.mkdirSync(side, { recursive: true });
    fs.writeFileSync(path.join(side, 'apiDefinition.swagger.json'), `\n  ${text}`);
    const r = await runCli(['diff', side, side]);
    expect(problemsOf(r)).toEqual([]);
    expect(r.err).toContain(`error [json-root-not-object]`);
    expect(r.err).toContain(`apiDefinition.swagger.json:2:3#): the top level is ${found}, not a JSON object`);
  });

  test('a $ref with a bad %-escape is a dangling reference, not a URIError (validate, diff)', async () => {
    const side = path.join(dir, 'BadEscape');
    fs.mkdirSync(side, { recursive: true });
    fs.writeFileSync(path.join(side, 'apiDefinition.swagger.json'), swaggerWith('{"$ref":"#/definitions/%zz"}'));
    fs.writeFileSync(path.join(side, 'apiProperties.json'), '{"properties":{}}');
    for (const args of [
      ['validate', side],
      ['diff', side, side],
    ]) {
      const r = await runCli(args);
      expect(problemsOf(r)).toEqual([]);
    }
    expect((await runCli(['validate', side])).out).toMatch(
      /apiDefinition\.swagger\.json:1:\d+: error \[ref-invalid\] \$ref "#\/definitions\/%zz" is invalid: nothing is defined there/,
    );
  });

  test('in process too, the same refusal (validate)', async () => {
    const r = await runCli(['validate', connector]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /apiDefinition\.swagger\.json:1:\d+: error \[json-too-deep\] the file is refused unread: nested deeper than 128 levels here at \/paths\/~1x\/get\/responses\/200\/schema\/properties\/a/,
    );
  });
});
