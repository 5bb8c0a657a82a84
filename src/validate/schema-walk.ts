/** Depth-first walk over a schema tree with a readable field path (`purchase.products[].pid`). */
import type { SchemaObject } from '../model/schema';

export type SchemaVisitor = (s: SchemaObject, field: string) => void;

/**
 * Pre-order, with an explicit stack: a descriptor is code, so a schema can be built thousands of
 * levels deep or made to contain itself, and neither may overflow the stack. A schema that
 * contains itself is visited once on each path, not followed round its loop.
 */
export function walkSchema(root: SchemaObject, rootField: string, visit: SchemaVisitor): void {
  type Step = { s: SchemaObject; field: string } | { leave: SchemaObject };
  const open = new Set<SchemaObject>();
  const stack: Step[] = [{ s: root, field: rootField }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('leave' in step) {
      open.delete(step.leave);
      continue;
    }
    const { s, field } = step;
    if (open.has(s)) continue;
    visit(s, field);
    open.add(s);
    const children: Step[] = [];
    if (s.properties)
      for (const [name, p] of Object.entries(s.properties))
        children.push({ s: p, field: field ? `${field}.${name}` : name });
    if (s.items) children.push({ s: s.items, field: `${field}[]` });
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      children.push({ s: s.additionalProperties, field: `${field}{}` });
    stack.push({ leave: s }, ...children.reverse());
  }
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
