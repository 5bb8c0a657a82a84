/**
 * Recorded bodies are checked by an interpreting validator (@cfworker/json-schema) and reported in
 * ajv's words. Each row is checked against ajv itself, with the formats ajv-formats adds: the
 * same findings, at the same pointers, with the same messages.
 */
import type { SchemaObject } from '../../src/model/schema';
import { SchemaValidators } from '../../src/recordings/body-validator';
import { ajvReference, findings } from '../helpers/schema-findings';

const person: SchemaObject = {
  type: 'object',
  required: ['id', 'email'],
  properties: {
    id: { type: 'integer', format: 'int32', minimum: 1 },
    email: { type: 'string', format: 'email', maxLength: 20 },
    created_at: { type: 'string', format: 'date-time' },
    state: { type: 'string', enum: ['active', 'cancelled'], 'x-nullable': true },
    tags: { type: 'array', items: { type: 'string', minLength: 2 }, maxItems: 2 },
    avatar: { type: 'string', format: 'byte' },
    code: { type: 'string', pattern: '^[A-Z]{3}$' },
    fields: { type: 'object', additionalProperties: { type: 'string' } },
    address: {
      type: 'object',
      required: ['city'],
      properties: { city: { type: 'string' }, 'zip/code': { type: 'string' } },
      additionalProperties: false,
    },
  },
};

const rows: Array<[string, unknown, number]> = [
  ['a valid body', { id: 1, email: 'a@b.io', state: null, tags: ['ab'], fields: { x: 'y' } }, 0],
  ['a missing required property, at its parent', { email: 'a@b.io' }, 1],
  ['every missing required property', {}, 2],
  ['a wrong type', { id: 'x', email: 'a@b.io' }, 1],
  ['int32 out of range', { id: 2 ** 31, email: 'a@b.io' }, 1],
  ['below the minimum', { id: 0, email: 'a@b.io' }, 1],
  ['a bad format', { id: 1, email: 'not an email' }, 1],
  ['a bad date-time', { id: 1, email: 'a@b.io', created_at: 'yesterday' }, 1],
  ['too long', { id: 1, email: 'someone@example.com.au' }, 1],
  ['not in the enum', { id: 1, email: 'a@b.io', state: 'gone' }, 1],
  ['a nested item and too many items', { id: 1, email: 'a@b.io', tags: ['a', 'bb', 'cc'] }, 2],
  ['an item of the wrong type', { id: 1, email: 'a@b.io', tags: [3] }, 1],
  ['byte that is not base64', { id: 1, email: 'a@b.io', avatar: 'no!' }, 1],
  ['byte that is base64', { id: 1, email: 'a@b.io', avatar: 'aGk=' }, 0],
  ['a pattern', { id: 1, email: 'a@b.io', code: 'ab' }, 1],
  ['a map value', { id: 1, email: 'a@b.io', fields: { x: 1 } }, 1],
  ['an undeclared property where none are allowed', { id: 1, email: 'a@b.io', address: { city: 'x', y: 1 } }, 1],
  ['an escaped property name', { id: 1, email: 'a@b.io', address: { city: 'x', 'zip/code': 5 } }, 1],
  ['a missing property in a nested object', { id: 1, email: 'a@b.io', address: {} }, 1],
  ['a root of the wrong type', [1, 2], 1],
];

const reference = ajvReference(person);

describe('recorded bodies are checked as ajv checks them', () => {
  const validators = new SchemaValidators();
  const validate = validators.get(person);

  test.each(rows)('%s', (_name, body, count) => {
    const ok = validate(body);
    const ours = findings(validate.errors);
    expect(ok).toBe(count === 0);
    expect(ours).toHaveLength(count);
    reference(body);
    // ajv also checks "byte" by the base64 pattern toJsonSchema adds: one finding, not two.
    const byte = (m: string) => m.replace(/must match pattern "\^\(\?:\[A-Za-z0-9.*$/, 'must match format "byte"');
    expect(ours).toEqual([...new Set(findings(reference.errors).map(byte))]);
  });

  test('one validator per schema object, and a passing call clears the last findings', () => {
    expect(validators.get(person)).toBe(validate);
    validate({});
    expect(validate.errors).not.toBeNull();
    validate({ id: 1, email: 'a@b.io' });
    expect(validate.errors).toBeNull();
  });

  test('a file schema accepts any recorded value', () => {
    const v = validators.get({ type: 'file' } as unknown as SchemaObject);
    expect(v('binary text')).toBe(true);
    expect(v({ any: 'thing' })).toBe(true);
  });
});

describe('bodies and schemas the validator cannot read are reported, never thrown', () => {
  const closed: SchemaObject = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
  const lone: SchemaObject = { type: 'object', required: ['\ud800'], properties: { '\ud800': { type: 'string' } } };
  const cases: Array<[string, SchemaObject, unknown, string[]]> = [
    // A lone surrogate cannot be written into the validator's URI fragments: it is checked as U+FFFD.
    ['a key with a lone surrogate', closed, { '\ud800': 1 }, ['must NOT have additional properties \ufffd']],
    [
      'a map value under such a key',
      { type: 'object', additionalProperties: { type: 'string' } },
      { '\ud800': 1 },
      ['/\ufffd must be string'],
    ],
    ['such a key declared by the schema', lone, { '\ud800': 1 }, ['/\ufffd must be string']],
    ['such a key required and missing', lone, {}, ["must have required property '\ufffd' \ufffd"]],
    [
      'a pattern that is no regular expression',
      { type: 'string', pattern: '(' },
      'x',
      ['cannot be checked: Invalid regular expression: /(/u: Unterminated group'],
    ],
  ];
  test.each(cases)('%s', (_name, schema, body, expected) => {
    const validate = new SchemaValidators().get(schema);
    expect(validate(body)).toBe(false);
    expect(findings(validate.errors)).toEqual(expected);
  });

  test('a body the unreadable part does not reach is checked, whatever an earlier body met', () => {
    const validate = new SchemaValidators().get({
      type: 'object',
      properties: { code: { type: 'string', pattern: '(' }, id: { type: 'integer' } },
    });
    expect(validate({ code: 'x' })).toBe(false);
    expect(findings(validate.errors)).toEqual([
      'cannot be checked: Invalid regular expression: /(/u: Unterminated group',
    ]);
    expect(validate({ id: 1 })).toBe(true);
    expect(validate.errors).toBeNull();
    expect(validate({ id: 'one' })).toBe(false);
    expect(findings(validate.errors)).toEqual(['/id must be integer']);
  });
});
