/**
 * Turns a builder schema into the plain JSON object written to the swagger, with keys in one
 * fixed order (type first, then how it reads, then structure, then extensions) and the
 * dynamic-values mark rendered as x-ms-dynamic-values.
 */
import { dynamicValuesOf, type SchemaObject } from '../model/schema';
import { dynamicTargetId, type DynamicValues } from '../model/dynamic';
import type { JsonObject } from './json';

const ORDER = [
  'type', 'format', 'title', 'description', 'x-ms-summary', 'enum', 'default', 'example',
  'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'readOnly',
  'items', 'properties', 'required', 'additionalProperties', 'x-nullable', 'x-ms-visibility',
  'x-ms-dynamic-values',
];
const KNOWN = new Set(ORDER);

export function schemaJson(s: SchemaObject): JsonObject {
  const src = s as Record<string, unknown>;
  const out: JsonObject = {};
  for (const key of ORDER) {
    const v = src[key];
    if (v === undefined) continue;
    if (key === 'items') out.items = schemaJson(v as SchemaObject);
    else if (key === 'properties') {
      const props: JsonObject = {};
      for (const [name, p] of Object.entries(v as Record<string, SchemaObject>)) props[name] = schemaJson(p);
      out.properties = props;
    } else if (key === 'additionalProperties' && typeof v === 'object') out[key] = schemaJson(v as SchemaObject);
    else if (key === 'required') out[key] = [...(v as string[])];
    else out[key] = v;
  }
  // Unknown vendor keys (x-*) keep their relative order after the known ones.
  for (const key of Object.keys(src)) if (!KNOWN.has(key) && src[key] !== undefined) out[key] = src[key];
  const dyn = dynamicValuesOf(s);
  if (dyn) out['x-ms-dynamic-values'] = dynamicValuesJson(dyn);
  return out;
}

export function dynamicValuesJson(d: DynamicValues): JsonObject {
  const out: JsonObject = { operationId: dynamicTargetId(d) };
  if (d.parameters) out.parameters = d.parameters;
  if (d.collection !== undefined) out['value-collection'] = d.collection;
  out['value-path'] = d.value;
  out['value-title'] = d.title;
  return out;
}
