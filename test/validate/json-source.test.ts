/** Reading connector JSON: strict when possible, lenient (and reported) for BOMs and trailing commas. */
import { pointerOf } from '../../src/swagger/json-pointer';
import { readJsonSource } from '../../src/validate/json-source';

const where = { connector: 'c', file: 'apiDefinition.swagger.json' };

describe('readJsonSource', () => {
  test('strict JSON: value, no findings, pointers located at their keys', () => {
    const src = readJsonSource('{\n  "info": {\n    "title": "X"\n  },\n  "list": [1, {"a/b": 2}]\n}\n', where);
    expect(src.diagnostics).toEqual([]);
    expect(src.value).toEqual({ info: { title: 'X' }, list: [1, { 'a/b': 2 }] });
    expect(src.locate('/info/title')).toEqual({ line: 3, column: 5 });
    expect(src.locate('/list/1/a~1b')).toEqual({ line: 5, column: 16 });
    expect(src.locate('')).toEqual({ line: 1, column: 1 });
  });

  test('a missing key is located at its nearest existing parent', () => {
    const src = readJsonSource('{\n  "info": {\n    "title": "X"\n  }\n}', where);
    expect(src.locate('/info/description')).toEqual({ line: 2, column: 3 });
  });

  const cases: [name: string, text: string, code: string, line: number, column: number, readable: boolean][] = [
    ['byte-order mark', '\ufeff{"a": 1}', 'json-bom', 1, 1, true],
    ['trailing comma', '{\n  "a": [1, 2,],\n  "b": 1,\n}', 'json-trailing-comma', 2, 13, true],
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 'json-invalid', 3, 3, false],
    ['truncated file', '{"a": {', 'json-invalid', 1, 8, false],
    ['comment', '{"a": 1 // no\n}', 'json-invalid', 1, 9, false],
    ['empty file', '', 'json-invalid', 1, 1, false],
  ];
  test.each(cases)('%s is a diagnostic with a position', (_n, text, code, line, column, readable) => {
    const src = readJsonSource(text, where);
    expect(src.diagnostics.map((d) => [d.code, d.line, d.column, d.file])).toEqual([[code, line, column, where.file]]);
    expect(src.value !== undefined).toBe(readable);
  });

  test('trailing commas are counted and the value is still read', () => {
    const src = readJsonSource('{"a": [1,], "b": {"c": 1,},}', where);
    expect(src.diagnostics[0]!.message).toContain('3 trailing commas');
    expect(src.value).toEqual({ a: [1], b: { c: 1 } });
  });

  test('pointerOf escapes / and ~', () => {
    expect(pointerOf('paths', '/a/{b}', 'get')).toBe('/paths/~1a~1{b}/get');
    expect(pointerOf('x~y')).toBe('/x~0y');
  });
});
