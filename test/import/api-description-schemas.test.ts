/**
 * OpenAPI schemas -> the Swagger 2.0 subset the t.* builders write, one row per construct: allOf,
 * oneOf/anyOf, nullable and type arrays, const, formats, enum cleanup, references and recursion.
 * Each row gives the source schema, the builder code written for it and the losses warned.
 */
import { SchemaConverter, type Shape } from '../../src/import/api-description/convert-schema';
import type { DescriptionVersion } from '../../src/import/api-description/read-description';
import { schemaCode } from '../../src/import/api-description/schema-code';
import { code, literal } from '../../src/import/ts-writer';

const components: Record<string, unknown> = {
  Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, age: { type: 'integer' } } },
  Named: { type: 'object', properties: { name: { type: 'string' } } },
  Aged: { type: 'object', required: ['age'], properties: { age: { type: 'integer', format: 'int32' } } },
  Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
  Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }, { type: 'object', properties: { a: { type: 'string' } } }] },
};

function convert(schema: unknown, version: DescriptionVersion = '3.0'): { code: string; losses: string[] } {
  const losses: string[] = [];
  const doc = { openapi: '3.0.3', components: { schemas: components }, definitions: components };
  const built = new Map<string, Shape | 'building'>();
  const converter: SchemaConverter = new SchemaConverter({
    doc,
    version,
    component: (name) => {
      const have = built.get(name);
      if (have === 'building') return undefined;
      if (have) return have;
      built.set(name, 'building');
      const s = converter.shape(components[name], `/components/schemas/${name}`);
      built.set(name, s);
      return s;
    },
    lost: (l) => losses.push(`${l.pointer}: ${l.what}`),
  });
  const shape = converter.shape(schema, '/s');
  const text = literal(schemaCode(shape, { ref: (n) => code(n), onCut: () => {} }));
  return { code: text, losses };
}

describe.each<[string, unknown, string, RegExp[]]>([
  ['a string', { type: 'string', format: 'email' }, "t.string({ format: 'email' })", []],
  ['an unknown format is dropped', { type: 'string', format: 'hostname' }, 't.string()', []],
  ['binary inside JSON is dropped', { type: 'string', format: 'binary' }, 't.string()', []],
  ['an integer without a format gets int64', { type: 'integer' }, "t.integer({ format: 'int64' })", []],
  ['a number keeps double', { type: 'number', format: 'decimal' }, "t.number({ format: 'double' })", []],
  [
    '3.1 exclusive bounds become inclusive',
    { type: 'integer', format: 'int32', exclusiveMinimum: 0, maximum: 9 },
    "t.integer({ format: 'int32', minimum: 0, maximum: 9 })",
    [],
  ],
  ['nullable (3.0)', { type: 'string', nullable: true }, 't.string({ nullable: true })', []],
  ['a type array with null (3.1)', { type: ['string', 'null'] }, 't.string({ nullable: true })', []],
  [
    'a type array of two types keeps the first, with a warning',
    { type: ['integer', 'string'] },
    "t.integer({ format: 'int64' })",
    [/\/s: type \[integer, string\] became integer/],
  ],
  ['const is a one-value enum', { const: 'on' }, "t.string({ enum: ['on'] })", []],
  [
    'enum drops the empty string, null (-> nullable) and duplicates',
    { type: 'string', enum: ['a', '', 'a', null, 'b'], default: 'z' },
    "t.string({ enum: ['a', 'b'], nullable: true })",
    [],
  ],
  [
    'required properties -> t.object with t.optional for the rest',
    { type: 'object', required: ['id'], properties: { id: { type: 'string' }, note: { type: 'string' } } },
    "t.object({ id: t.string({ title: 'ID' }), note: t.optional(t.string({ title: 'Note' })) })",
    [],
  ],
  [
    'no required properties -> t.partial',
    { type: 'object', properties: { first_name: { type: 'string', description: 'Given name.' } } },
    "t.partial({ first_name: t.string({ title: 'First Name', description: 'Given name.' }) })",
    [],
  ],
  [
    'a read-only property is never required (a body must not demand it)',
    {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } },
    },
    "t.object({ id: t.optional(t.string({ title: 'ID' })), name: t.string({ title: 'Name' }) })",
    [],
  ],
  ['an object without properties is a record', { type: 'object' }, 't.record()', []],
  [
    'additionalProperties -> t.record of the values',
    { type: 'object', additionalProperties: { type: 'boolean' } },
    't.record(t.boolean())',
    [],
  ],
  ['a shared schema is its const', { $ref: '#/components/schemas/Pet' }, 'Pet', []],
  [
    'a property using a shared schema gets its own label',
    { type: 'object', properties: { owner: { $ref: '#/components/schemas/Named' } } },
    "t.partial({ owner: t.with(Named, { title: 'Owner' }) })",
    [],
  ],
  [
    'allOf [$ref] with nullable (3.0 annotation idiom) keeps the reference',
    { allOf: [{ $ref: '#/components/schemas/Pet' }], description: 'The pet.' },
    "t.with(Pet, { description: 'The pet.' })",
    [],
  ],
  [
    'allOf of objects is merged, required lists united',
    { allOf: [{ $ref: '#/components/schemas/Named' }, { $ref: '#/components/schemas/Aged' }] },
    "t.object({ name: t.optional(t.string({ title: 'Name' })), age: t.integer({ format: 'int32', title: 'Age' }) })",
    [],
  ],
  [
    'allOf of one type adds constraints up',
    { allOf: [{ type: 'string' }, { maxLength: 5 }] },
    't.string({ maxLength: 5 })',
    [],
  ],
  [
    'allOf of two types keeps the first, with a warning',
    { allOf: [{ type: 'string' }, { type: 'integer' }] },
    't.string()',
    [/allOf of string, integer: the string is kept/],
  ],
  [
    'oneOf [T, null] is a nullable T',
    { oneOf: [{ $ref: '#/components/schemas/Named' }, { type: 'null' }] },
    "t.partial({ name: t.string({ title: 'Name' }) }, { nullable: true })",
    [],
  ],
  [
    'oneOf of objects -> their properties merged, all optional, with a warning',
    { oneOf: [{ $ref: '#/components/schemas/Pet' }, { $ref: '#/components/schemas/Aged' }] },
    "t.partial({ name: t.string({ title: 'Name' }), age: t.integer({ format: 'int32', title: 'Age' }) })",
    [/\/s: oneOf of 2 object schemas merged into one object whose properties are all optional/],
  ],
  [
    'anyOf of a string and an object keeps the object, with a warning',
    { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Named' }] },
    "t.partial({ name: t.string({ title: 'Name' }) })",
    [/\/s: anyOf of string, object: only the object alternative is kept/],
  ],
  [
    'anyOf of primitives keeps the first, with a warning',
    { anyOf: [{ type: 'integer', format: 'int32' }, { type: 'string' }] },
    "t.integer({ format: 'int32' })",
    [/anyOf of integer, string: only the integer alternative is kept/],
  ],
  [
    'a recursive shared schema stays a reference (schemas.ts cuts the loop)',
    { $ref: '#/components/schemas/Node' },
    'Node',
    [],
  ],
  [
    'an allOf that includes itself loses that branch, with a warning',
    { allOf: [{ $ref: '#/components/schemas/Loop' }, { type: 'object', properties: { b: { type: 'string' } } }] },
    "t.partial({ a: t.string({ title: 'A' }), b: t.string({ title: 'B' }) })",
    [/\/components\/schemas\/Loop\/allOf\/0: Loop includes itself through allOf\/oneOf; that branch was left out/],
  ],
  [
    'an external reference is any value, with a warning',
    { $ref: 'other.yaml#/Pet' },
    '{}',
    [/\/s: the reference other.yaml#\/Pet cannot be followed/],
  ],
  ['a schema without a type is any value', { description: 'Anything.' }, "{ description: 'Anything.' }", []],
])('%s', (_name, schema, expected, losses) => {
  test('converts', () => {
    const r = convert(schema);
    expect(r.code).toBe(expected);
    expect(r.losses).toHaveLength(losses.length);
    for (const [i, re] of losses.entries()) expect(r.losses[i]).toMatch(re);
  });
});

test('Swagger 2.0 shared schemas are #/definitions/', () => {
  expect(convert({ $ref: '#/definitions/Pet' }, '2.0').code).toBe('Pet');
  expect(convert({ type: 'string', 'x-nullable': true }, '2.0').code).toBe('t.string({ nullable: true })');
});
