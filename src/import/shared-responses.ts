/**
 * The source's shared responses (#/responses/...) as named constants in responses.ts: each one
 * `sharedResponse('key', { description, schema })` where that response rebuilds the source entry
 * exactly (its schema typed, a shared definition by its constant), so that operations use the
 * constant itself (`responses: { 404: responses.notFound }`) and the swagger still writes
 * `{ "$ref": "#/responses/key" }` there; the document's `responses` map holds responseObject() of
 * each (the entry derived from the constant, never a copy), and the rest declared verbatim, each
 * with the reason.
 */
import { responseObject } from '../emit/swagger';
import { sharedResponse } from '../model/declared';
import type { ResponseSpec } from '../model/operation';
import { isObject, type JsonObject } from '../swagger/found';
import { writtenDifferences } from './json-compare';
import { NameScope, identifierFrom } from './names';
import { call, code } from './ts-writer';
import { typedSchema, type Typed, type Uses } from './typed-schema';

type Obj = JsonObject;

export interface SharedResponseConst {
  key: string;
  /** The constant's identifier in responses.ts. */
  id: string;
  typed?: Typed;
  /** Why the response stays declared verbatim, when it does. */
  why?: string;
  source: unknown;
}

export interface SharedResponses {
  consts: SharedResponseConst[];
  /** Helpers responses.ts calls (and `schemas` when it uses a shared definition's constant). */
  uses: Uses;
  /** The typed constants by the `$ref` that names them, as operations write them (`responses.notFound`). */
  byRef: Map<string, Typed>;
}

/** Names responses.ts binds itself: a response's constant must not shadow them. */
export const RESPONSES_FILE_NAMES = [
  'responses',
  'schemas',
  'sharedResponse',
  'responseObject',
  't',
  'declaredSchema',
  'ResponseObject',
];

/** The reference operations use to reach a shared response's constant (`responses.notFound`). */
export const RESPONSES_NAMESPACE = 'responses';

const KEYS = new Set(['description', 'schema', 'x-ms-summary', 'headers', 'examples']);

export function sharedResponses(responses: Obj | undefined, schemas: ReadonlyMap<string, Typed>): SharedResponses {
  const scope = new NameScope(RESPONSES_FILE_NAMES);
  const consts: SharedResponseConst[] = [];
  const uses: Uses = new Set();
  const byRef = new Map<string, Typed>();
  for (const [key, source] of Object.entries(responses ?? {})) {
    const id = scope.claim(identifierFrom(key, 'response'));
    const entry: SharedResponseConst = { key, id, source };
    consts.push(entry);
    if (
      !isObject(source) ||
      typeof source.description !== 'string' ||
      Object.keys(source).some((k) => !KEYS.has(k)) ||
      (source['x-ms-summary'] !== undefined && (typeof source['x-ms-summary'] !== 'string' || !source['x-ms-summary']))
    ) {
      entry.why = 'holds a key a typed response has no field for (vendor keys)';
      continue;
    }
    const local: Uses = new Set();
    const schema = source.schema === undefined ? undefined : typedSchema(source.schema, local, schemas);
    if (source.schema !== undefined && !schema) {
      entry.why = 'its schema holds a key or value the schema types cannot hold';
      continue;
    }
    const specCode: Obj = { description: source.description };
    const specValue: Obj = { description: source.description };
    if (source['x-ms-summary'] !== undefined) specCode.summary = specValue.summary = source['x-ms-summary'];
    if (schema) {
      specCode.schema = schema.code;
      specValue.schema = schema.value;
    }
    // Headers and examples, which a response spec has no field for, are declared beside it.
    const declared: Obj = {};
    if (isObject(source.headers)) declared.headers = source.headers;
    if (isObject(source.examples)) declared.examples = source.examples;
    const extra = Object.keys(declared).length ? [declared] : [];
    const value = sharedResponse(key, specValue as unknown as ResponseSpec, extra[0]);
    const diff = writtenDifferences(responseObject(value), source, 1)[0];
    if (diff !== undefined) {
      entry.why = `the typed form would rebuild it differently at ${diff || '/'}`;
      continue;
    }
    for (const u of local) uses.add(u);
    uses.add('sharedResponse');
    uses.add('responseObject');
    entry.typed = { code: call('sharedResponse', key, specCode, ...extra), value };
    byRef.set(`#/responses/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, {
      code: code(`${RESPONSES_NAMESPACE}.${id}`),
      value,
    });
  }
  return { consts, uses, byRef };
}
