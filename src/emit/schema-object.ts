/**
 * Turns a builder schema into the swagger schema written to the file, with keys in one fixed
 * order (type first, then how it reads, then structure, then extensions), every other key after
 * them in the builder's own order, and the dynamic-values mark rendered as x-ms-dynamic-values.
 */
import { declaredOf, sharedRefOf } from '../model/declared';
import { dynamicValuesOf, type SchemaObject } from '../model/schema';
import { dynamicTargetId, type DynamicValues } from '../model/dynamic';
import type { DeclaredSchema, DynamicValuesObject } from '../swagger/document';
import { entriesOf } from '../swagger/found';

/**
 * An authored schema or, in the one place the emitter looks for it, the declared form an
 * imported one holds (declaredSchema()): both are written by the same rules, an authored schema
 * being a declared one without the import-only keys.
 */
export function schemaJson(s: SchemaObject): DeclaredSchema {
  return orderedJson(declaredOf(s) ?? s);
}

/**
 * The document's `#/definitions` entry of a schema written with sharedSchema(): the schema itself
 * (where it is used, it is written as the reference to this entry).
 */
export function definitionObject(s: SchemaObject): DeclaredSchema {
  return orderedJson(declaredOf(s) ?? s, true);
}

/** The keys written first, in this order; the others follow in the order the schema holds them. */
const ORDER = [
  'type',
  'format',
  'title',
  'description',
  'x-ms-summary',
  'enum',
  'default',
  'example',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'readOnly',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'x-nullable',
  'x-ms-visibility',
  'x-ms-dynamic-values',
] as const satisfies readonly (keyof DeclaredSchema)[];
/** Each fixed key's place in ORDER. */
const RANK: ReadonlyMap<string, number> = new Map(ORDER.map((k, i) => [k, i]));

function orderedJson(s: DeclaredSchema, entry = false): DeclaredSchema {
  // A shared definition (sharedSchema()) is written where it is used as a reference to it.
  const ref = entry ? undefined : sharedRefOf(s);
  if (ref !== undefined) return { $ref: ref };
  // Only defined keys are added (an object built whole and then pruned with delete is several
  // times slower to make and to read: this runs for every schema node of every build).
  const src = s as Record<string, unknown>;
  // One pass over the keys the schema has (usually a handful), not a lookup of every fixed key:
  // the fixed ones are put in ORDER's order, the rest ($ref, allOf, x-ms-dynamic-schema, ...) after
  // them in the order the source wrote them.
  const fixed: string[] = [];
  const rest: string[] = [];
  for (const key of Object.keys(src)) {
    if (src[key] === undefined) continue;
    if (RANK.has(key)) fixed.push(key);
    else rest.push(key);
  }
  if (fixed.length > 1) fixed.sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  const out: Record<string, unknown> = {};
  for (const key of fixed) {
    const v = src[key];
    if (key === 'items') out.items = orderedJson(v as DeclaredSchema);
    else if (key === 'properties') out.properties = mapSchemas(v as Record<string, DeclaredSchema>, orderedJson);
    else if (key === 'required') out.required = [...(v as string[])];
    else if (key === 'additionalProperties')
      out.additionalProperties = typeof v === 'object' ? orderedJson(v as DeclaredSchema) : v;
    else out[key] = v;
  }
  // allOf's members keep their own key order.
  for (const key of rest) out[key] = key === 'allOf' ? (src[key] as DeclaredSchema[]).map(asGiven) : src[key];
  const dyn = dynamicValuesOf(s);
  if (dyn) out['x-ms-dynamic-values'] = dynamicValuesJson(dyn);
  return out as DeclaredSchema;
}

/** A schema with its keys in the order given, nested schemas too. */
function asGiven(s: DeclaredSchema): DeclaredSchema {
  const ref = sharedRefOf(s);
  if (ref !== undefined) return { $ref: ref };
  return withoutUndefined({
    ...s,
    items: s.items && asGiven(s.items),
    properties: s.properties && mapSchemas(s.properties, asGiven),
    additionalProperties:
      typeof s.additionalProperties === 'object' ? asGiven(s.additionalProperties) : s.additionalProperties,
    allOf: s.allOf?.map(asGiven),
  });
}

function mapSchemas(
  props: Record<string, DeclaredSchema>,
  f: (s: DeclaredSchema) => DeclaredSchema,
): Record<string, DeclaredSchema> {
  const out: Record<string, DeclaredSchema> = {};
  for (const [name, p] of Object.entries(props)) out[name] = f(p);
  return out;
}

/**
 * `o` without its undefined-valued keys, so that the object has exactly the keys its JSON text
 * has (the round-trip comparison and the tests look at keys, not text). Keeps the others' order.
 */
export function withoutUndefined<T extends object>(o: T): T {
  for (const [key, value] of entriesOf(o)) if (value === undefined) Reflect.deleteProperty(o, key);
  return o;
}

export function dynamicValuesJson(d: DynamicValues): DynamicValuesObject {
  const out: DynamicValuesObject = { operationId: dynamicTargetId(d) };
  if (d.parameters) out.parameters = d.parameters;
  if (d.collection !== undefined) out['value-collection'] = d.collection;
  out['value-path'] = d.value;
  out['value-title'] = d.title;
  return out;
}
