/**
 * Descriptor values that are undefined where a descriptor needs one, found before any rule reads
 * them. esbuild bundles top-level `const` as `var`, so a name read before its definition (or
 * across an import cycle) is undefined instead of a ReferenceError.
 */
import type { Connector } from '../model/connector';
import { responseSpec } from '../model/operation';
import { dynamicValuesOf, type SchemaObject } from '../model/schema';
import { siteOf, type SourceSite } from '../model/source-site';

export function undefinedValues(c: Connector): { what: string; site?: SourceSite }[] {
  const out: { what: string; site?: SourceSite }[] = [];
  const seen = new Set<object>();
  const hole = (what: string, holder: unknown) => out.push({ what, site: siteOf(holder) });
  const schema = (s: SchemaObject | undefined, what: string): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    for (const [name, p] of Object.entries(s.properties ?? {})) {
      if (p === undefined || p === null) hole(`${what}.${name}`, s);
      else schema(p, `${what}.${name}`);
    }
    if (s.type === 'array' && 'items' in s && !s.items) hole(`${what}[] (the array's items)`, s);
    else schema(s.items, `${what}[]`);
    if (typeof s.additionalProperties === 'object') schema(s.additionalProperties, `${what}{}`);
    const dyn = dynamicValuesOf(s);
    if (dyn && !dyn.from) hole(`${what}: dynamicValues.from`, s);
  };
  (c.operations ?? []).forEach((op, i) => {
    if (op === undefined || op === null) {
      hole(`operations[${i}]`, c);
      return;
    }
    const name = typeof op.id === 'string' && op.id ? op.id : `operations[${i}]`;
    for (const [k, p] of Object.entries(op.params ?? {})) {
      if (p === undefined || p === null) hole(`${name} > params.${k}`, op);
      else if (seen.has(p)) continue;
      else if (!p.schema) {
        seen.add(p);
        hole(`${name} > params.${k}: its schema`, p);
      } else {
        seen.add(p);
        if (p.dynamicValues && !p.dynamicValues.from) hole(`${name} > params.${k}: dynamicValues.from`, p);
        schema(p.schema, `${name} > params.${k}`);
      }
    }
    schema(op.body, `${name} > body`);
    for (const [status, entry] of Object.entries((op.responses ?? {}) as Record<string, unknown>)) {
      if (entry === undefined || entry === null) hole(`${name} > responses.${status}`, op);
      else schema(responseSpec(status, entry as never).schema, `${name} > responses.${status}`);
    }
  });
  return out;
}
