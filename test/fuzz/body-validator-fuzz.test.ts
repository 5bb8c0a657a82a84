/**
 * Recorded bodies are checked by @cfworker/json-schema and reported in ajv's words
 * (src/recordings/json-schema.ts). Over random bodies, near the schema and far from it, both
 * must find the same faults at the same pointers with the same messages.
 */
import fc from 'fast-check';
import type { SchemaObject } from '../../src/model/schema';
import { SchemaValidators } from '../../src/recordings/body-validator';
import { ajvReference, findings } from '../helpers/schema-findings';
import { FUZZ_RUNS, FUZZ_SEED } from './harness';

// Every keyword toJsonSchema keeps, formats aside (the two libraries' format checks differ on
// edge cases such as a dotless e-mail domain; the table test covers formats).
const item: SchemaObject = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'integer', format: 'int32', minimum: 0 },
    label: { type: 'string', minLength: 1, maxLength: 4, pattern: '^[a-z]+$' },
    state: { type: 'string', enum: ['a', 'b'], 'x-nullable': true },
  },
  additionalProperties: false,
};
const schema: SchemaObject = {
  type: 'object',
  required: ['items', 'total'],
  properties: {
    items: { type: 'array', items: item, minItems: 1, maxItems: 3 },
    total: { type: 'number', maximum: 100 },
    ok: { type: 'boolean' },
    meta: { type: 'object', additionalProperties: { type: 'string' } },
    'a/b~c': { type: 'string', 'x-nullable': true },
  },
};

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 2 ** 32 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', 'a', 'ab', 'abcde', 'A1', 'b', null, true),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, scalar);
const itemArb = maybe(fc.record({ id: scalar, label: scalar, state: scalar, extra: scalar }, { requiredKeys: [] }));
const bodyArb = maybe(
  fc.record(
    {
      items: maybe(fc.array(itemArb, { maxLength: 5 })),
      total: scalar,
      ok: scalar,
      meta: maybe(fc.dictionary(fc.constantFrom('x', 'y/z', '~'), scalar, { maxKeys: 3 })),
      'a/b~c': scalar,
    },
    { requiredKeys: [] },
  ),
);

const reference = ajvReference(schema);
const ours = new SchemaValidators().get(schema);

test('the interpreting validator finds what ajv finds, in ajv words, on random bodies', () => {
  fc.assert(
    fc.property(bodyArb, (body) => {
      const ok = ours(body);
      reference(body);
      expect(ok).toBe(reference.errors === null || reference.errors === undefined || reference.errors.length === 0);
      expect(findings(ours.errors)).toEqual(findings(reference.errors));
    }),
    { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 4 },
  );
});

test('any JSON body, keys and strings with lone surrogates included, gives findings and never a throw', () => {
  // fast-check's "binary" strings hold lone surrogates, which JSON text can carry as \ud800.
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\ud800', 'a\udc00b', '%', '#/~'));
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  const named = fc.dictionary(text, fc.constantFrom<SchemaObject>({ type: 'string' }, { type: 'integer' }), {
    maxKeys: 3,
  });
  fc.assert(
    fc.property(named, fc.boolean(), json, (properties, closed, body) => {
      const validate = new SchemaValidators().get({
        type: 'object',
        required: Object.keys(properties),
        properties,
        ...(closed ? { additionalProperties: false } : {}),
      });
      const ok = validate(body);
      expect(ok).toBe(validate.errors === null);
      for (const e of validate.errors ?? []) expect(e.message).toEqual(expect.any(String));
    }),
    { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 10 },
  );
});
