/** Swagger as JSON or YAML: deterministic writing, and a reader for .json/.yaml/.yml files. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import convertkit from '../../definitions/convertkit/connector';
import { emitSwagger } from '../../src/emit/swagger';
import {
  formatFromFileName,
  parseSwaggerText,
  readSwaggerFile,
  swaggerFileName,
  swaggerText,
} from '../../src/pack/swagger-format';

const swagger = emitSwagger(convertkit);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-swagger-'));

test('YAML text parses back to exactly the swagger, and is stable', () => {
  const text = swaggerText(swagger, 'yaml');
  expect(YAML.parse(text)).toEqual(swagger);
  expect(swaggerText(swagger, 'yaml')).toBe(text);
  expect(text).not.toMatch(/^\s*[&*]\w/m); // no anchors or aliases
  expect(text).toContain('swagger: "2.0"');
});

test('shared objects are written out, not aliased', () => {
  const shared = { type: 'string' };
  const text = swaggerText({ a: shared, b: shared }, 'yaml');
  expect(text).not.toMatch(/[&*]a\d/);
  expect(YAML.parse(text)).toEqual({ a: { type: 'string' }, b: { type: 'string' } });
});

test.each([
  ['api.json', 'json'],
  ['api.swagger.yaml', 'yaml'],
  ['API.YML', 'yaml'],
  ['api.txt', undefined],
])('formatFromFileName(%p) = %p', (file, format) => {
  expect(formatFromFileName(file)).toBe(format);
});

test.each(['json', 'yaml'] as const)('readSwaggerFile reads a .%s swagger back to the same value', (format) => {
  const file = path.join(dir, swaggerFileName(format));
  fs.writeFileSync(file, swaggerText(swagger, format));
  const r = readSwaggerFile(file, 'convertkit');
  expect(r.diagnostics).toEqual([]);
  expect(r.format).toBe(format);
  expect(r.value).toEqual(swagger);
});

test('a .yml file is read as YAML', () => {
  const file = path.join(dir, 'api.yml');
  fs.writeFileSync(file, 'swagger: "2.0"\ninfo:\n  title: T\n  version: "1"\npaths: {}\n');
  expect(readSwaggerFile(file).value).toEqual({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} });
});

test.each([
  ['broken YAML names the line', 'swagger: "2.0"\ninfo:\n  title: [unclosed\n', 'yaml', 'yaml-invalid', /line \d+/],
  ['duplicate keys are refused', 'swagger: "2.0"\nswagger: "3.0"\n', 'yaml', 'yaml-invalid', /unique|duplicate/i],
  ['JSON with a trailing comma', '{"swagger": "2.0",}', 'json', 'json-invalid', /JSON/],
  ['JSON with a BOM', '\uFEFF{"swagger": "2.0"}', 'json', 'json-invalid', /byte-order mark/],
] as const)('%s', (_n, text, format, code, message) => {
  const r = parseSwaggerText(text, format, { connector: 'x', file: 'api' });
  expect(r.value).toBeUndefined();
  expect(r.diagnostics.map((d) => d.code)).toEqual([code]);
  expect(r.diagnostics[0]!.message).toMatch(message);
  expect(r.diagnostics[0]!.file).toBe('api');
});

test('an unknown extension and a missing file are reported, naming the file', () => {
  const unknown = readSwaggerFile(path.join(dir, 'api.txt'));
  expect(unknown.diagnostics.map((d) => d.code)).toEqual(['swagger-format-unknown']);
  const missing = readSwaggerFile(path.join(dir, 'nope.yaml'));
  expect(missing.diagnostics.map((d) => d.code)).toEqual(['file-unreadable']);
  expect(missing.diagnostics[0]!.message).toContain('nope.yaml');
});
