/** Swagger schema -> client type text, one row per shape (the untyped ones included). */
import { schemaType } from '../../../src/emit/client/ts-types';
import type { SchemaObject } from '../../../src/model/schema';

test.each<[string, SchemaObject, string]>([
  ['untyped: any JSON value', {}, 'unknown'],
  ['untyped, nullable', { 'x-nullable': true }, 'unknown | null'],
  ['untyped with properties: an object', { properties: { a: { type: 'string' } } }, '{\n  a?: string;\n}'],
  ['untyped map', { additionalProperties: { type: 'integer' } }, 'Record<string, number>'],
  ['object without properties', { type: 'object' }, 'Record<string, unknown>'],
  ['array of untyped', { type: 'array', items: {} }, 'Array<unknown>'],
  ['array without items', { type: 'array' }, 'Array<unknown>'],
  ['string enum', { type: 'string', enum: ['a', 'b'] }, '"a" | "b"'],
  ['file', { type: 'file' }, 'unknown'],
])('%s', (_name, schema, text) => {
  expect(schemaType(schema)).toBe(text);
});
