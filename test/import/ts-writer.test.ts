import * as vm from 'node:vm';
import * as ts from 'typescript';
import { call, code, commentText, literal, propertyKey, stringLiteral } from '../../src/import/ts-writer';

/** Evaluates a TypeScript expression the way the descriptor loader does. */
function evaluate(expr: string): unknown {
  const js = ts.transpileModule(`module.exports = (${expr});`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const mod = { exports: undefined as unknown };
  vm.runInNewContext(js, { module: mod });
  return mod.exports;
}

const STRINGS = [
  '',
  'plain',
  "it's",
  'say "hi"',
  'back\\slash',
  'a\nb\r\nc\td',
  '`tick`',
  '${injected}',
  '*/ end',
  '/* start',
  '\u2028\u2029',
  '\u0000\u0001\u001f\u007f',
  'é ü 漢字 🦄',
  'lone \ud800 high',
  'lone \udc00 low',
  "'); process.exit(1); ('",
];

describe('stringLiteral', () => {
  test.each(STRINGS.map((s) => [JSON.stringify(s), s]))('%s evaluates to itself', (_label, s) => {
    const lit = stringLiteral(s);
    expect(evaluate(lit)).toBe(s);
    // One line, so it can never run into the next statement or comment.
    expect(lit).not.toMatch(/[\n\r\u2028\u2029]/);
  });
});

describe('propertyKey', () => {
  test.each([
    ['name', 'name'],
    ['x-ms-summary', "'x-ms-summary'"],
    ['__proto__', "['__proto__']"],
    ['constructor', "['constructor' as string]"],
    ['1abc', "'1abc'"],
    ["a'b", "'a\\'b'"],
  ])('%s -> %s', (key, expected) => {
    expect(propertyKey(key)).toBe(expected);
  });

  test('every hostile key survives as an own property', () => {
    const keys = ['__proto__', 'constructor', 'toString', "a'b", '*/', '${x}', '', 'a\nb', 'hasOwnProperty'];
    const value = Object.fromEntries(keys.map((k, i) => [k, i]));
    Object.defineProperty(value, '__proto__', { value: 0, enumerable: true, writable: true, configurable: true });
    const back = evaluate(literal(value)) as Record<string, unknown>;
    expect(Object.keys(back).sort()).toEqual(keys.slice().sort());
    // The prototype is the plain Object.prototype (of the evaluation realm), not a hostile value.
    expect(Object.getPrototypeOf(Object.getPrototypeOf(back))).toBeNull();
    // biome-ignore lint/suspicious/noProto: the test is that a key named __proto__ stays a plain data key.
    expect(back.__proto__).toBe(0);
  });
});

describe('commentText', () => {
  test.each([
    ['closes */ early', 'closes * / early'],
    ['two\nlines\r\nhere', 'two lines here'],
    ['tab\tand\u2028sep', 'tab and sep'],
  ])('%j -> %j', (input, expected) => {
    expect(commentText(input)).toBe(expected);
  });
  test('is cut to the maximum length', () => {
    expect(commentText('x'.repeat(500), 20)).toHaveLength(20);
  });
});

describe('literal', () => {
  test.each([
    ['short object on one line', { a: 1, b: 'x' }, "{ a: 1, b: 'x' }"],
    ['empty containers', { a: {}, b: [] }, '{ a: {}, b: [] }'],
    ['shorthand for a same-named reference', { definitions: code('definitions') }, '{ definitions }'],
    ['null and booleans', [null, true, false], '[null, true, false]'],
  ])('%s', (_name, value, expected) => {
    expect(literal(value)).toBe(expected);
  });

  test('long values break one entry per line with a 2-space indent', () => {
    const text = literal({ description: 'd'.repeat(120), list: ['a'] });
    expect(text).toBe(`{\n  description: '${'d'.repeat(120)}',\n  list: ['a'],\n}`);
  });

  test('round-trips nested JSON exactly', () => {
    const value = { a: [1, -2.5, 1e21, { b: null, 'c-d': ['x', { e: true }] }], f: 'g'.repeat(200), h: -0 };
    expect(evaluate(literal(value))).toEqual(value);
  });

  test('builder calls: one line when short, arguments laid out at the call level when long', () => {
    expect(literal({ id: call('path', call('t.string', { title: 'Id' })) })).toBe(
      "{ id: path(t.string({ title: 'Id' })) }",
    );
    const long = literal(call('t.partial', { a: call('t.string', { description: 'd'.repeat(75) }) }, { title: 'T' }));
    expect(long).toBe(`t.partial({\n  a: t.string({ description: '${'d'.repeat(75)}' }),\n}, { title: 'T' })`);
  });

  test('status-like integer keys are written bare; anything else integer-like stays quoted', () => {
    expect(literal({ 200: 'a', default: 'b' })).toBe("{ 200: 'a', default: 'b' }");
    expect(propertyKey('0')).toBe('0');
    expect(propertyKey('01')).toBe("'01'");
    expect(propertyKey('1e3')).toBe("'1e3'");
    expect(propertyKey('12345678901')).toBe("'12345678901'");
    expect(evaluate(literal({ 200: 1, '01': 2 }))).toEqual({ 200: 1, '01': 2 });
  });

  test('refuses values JSON cannot hold', () => {
    expect(() => literal({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => literal({ a: undefined as unknown as () => void, b: () => 1 })).toThrow(/function/);
  });
});
