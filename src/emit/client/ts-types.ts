/**
 * Swagger schema objects -> TypeScript type text for the generated client. The same schema
 * values become the connector's swagger, so client types and connector cannot drift.
 */
import type { SchemaObject } from '../../model/schema';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function propertyKey(name: string): string {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

export function schemaType(s: SchemaObject | undefined, indent = ''): string {
  if (!s) return 'unknown';
  const t = baseType(s, indent);
  return s['x-nullable'] ? `${t} | null` : t;
}

function baseType(s: SchemaObject, indent: string): string {
  if (s.enum && s.enum.length > 0) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  switch (s.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `Array<${schemaType(s.items, indent)}>`;
    case 'object':
      return objectType(s, indent);
    case undefined:
      // No type: an object when it names properties, else any JSON value (Swagger's `{}`).
      return s.properties || s.additionalProperties ? objectType(s, indent) : 'unknown';
    default:
      return 'unknown';
  }
}

function objectType(s: SchemaObject, indent: string): string {
  const props = s.properties ? Object.entries(s.properties) : [];
  const extra = s.additionalProperties;
  const map =
    extra === undefined || extra === false
      ? undefined
      : `Record<string, ${extra === true ? 'unknown' : schemaType(extra, indent)}>`;
  if (props.length === 0) return map ?? 'Record<string, unknown>';
  return `${membersType(props, new Set(s.required ?? []), indent)}${map ? ` & ${map}` : ''}`;
}

/** `{ a: T; b?: U }` over the given members, one per line. */
export function membersType(members: [string, SchemaObject][], required: ReadonlySet<string>, indent = ''): string {
  if (members.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = members.map(
    ([name, p]) => `${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${schemaType(p, inner)};`,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}
