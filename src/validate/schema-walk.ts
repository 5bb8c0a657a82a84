/** Depth-first walk over a schema tree with a readable field path (`purchase.products[].pid`). */
import type { SchemaObject } from '../model/schema';

export type SchemaVisitor = (s: SchemaObject, field: string) => void;

export function walkSchema(s: SchemaObject, field: string, visit: SchemaVisitor): void {
  visit(s, field);
  if (s.properties)
    for (const [name, p] of Object.entries(s.properties)) walkSchema(p, field ? `${field}.${name}` : name, visit);
  if (s.items) walkSchema(s.items, `${field}[]`, visit);
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    walkSchema(s.additionalProperties, `${field}{}`, visit);
}

/** Follows a dotted path through object properties; returns the schema found there. */
export function schemaAt(s: SchemaObject | undefined, dotted: string): SchemaObject | undefined {
  if (!s) return undefined;
  if (dotted === '') return s;
  let cur: SchemaObject | undefined = s;
  for (const part of dotted.split('.')) {
    cur = cur?.properties?.[part];
    if (!cur) return undefined;
  }
  return cur;
}
