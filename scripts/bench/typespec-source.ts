/**
 * Writes a connector's API as TypeSpec source, so the bench can time TypeSpec +
 * typespec-autorest compiling the same API that pcdk builds (the baseline DEVELOPERS.md names).
 * Bench-only: it covers what ConvertKit uses, not all of TypeSpec.
 */
import type { Connector } from '../../src/model/connector';
import { responseSpec, type Operation } from '../../src/model/operation';
import { isOptional, type SchemaObject } from '../../src/model/schema';

const str = (s: string) => JSON.stringify(s);
const ident = (s: string) => `\`${s.replace(/`/g, '')}\``;

function typeOf(s: SchemaObject, indent: string): string {
  let base: string;
  if (s.enum) base = s.enum.map((v) => JSON.stringify(v)).join(' | ');
  else if (s.type === 'string') base = 'string';
  else if (s.type === 'integer') base = s.format === 'int64' ? 'int64' : 'int32';
  else if (s.type === 'number') base = s.format === 'double' ? 'float64' : 'float32';
  else if (s.type === 'boolean') base = 'boolean';
  else if (s.type === 'array') base = `${typeOf(s.items ?? {}, indent)}[]`;
  else if (s.properties) base = modelExpr(s, indent);
  else if (s.additionalProperties && typeof s.additionalProperties === 'object')
    base = `Record<${typeOf(s.additionalProperties, indent)}>`;
  else base = 'Record<unknown>';
  return s['x-nullable'] ? `${base} | null` : base;
}

function modelExpr(s: SchemaObject, indent: string): string {
  const inner = `${indent}  `;
  const required = new Set(s.required ?? []);
  const lines = Object.entries(s.properties ?? {}).map(([name, p]) => {
    const doc = p.description ? `@doc(${str(p.description)}) ` : '';
    const opt = required.has(name) && !isOptional(p) ? '' : '?';
    return `${inner}${doc}${ident(name)}${opt}: ${typeOf(p, inner)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function operationSource(op: Operation): string {
  const params = Object.entries(op.params).map(([name, p]) => {
    const doc = p.schema.description ? `@doc(${str(p.schema.description)}) ` : '';
    return `  ${doc}@${p.in} ${ident(name)}${p.required ? '' : '?'}: ${typeOf(p.schema, '  ')}`;
  });
  if (op.body) params.push(`  @body body${op.bodyRequired === false ? '?' : ''}: ${typeOf(op.body, '  ')}`);
  const [status, entry] = Object.entries(op.responses).find(([s]) => /^2/.test(s))!;
  const schema = responseSpec(status, entry!).schema;
  const result = schema
    ? `{ @statusCode _: ${status}; @body body: ${typeOf(schema, '')} }`
    : `{ @statusCode _: ${status} }`;
  return [
    `@route(${str(op.path)})`,
    `@${op.method === 'delete' ? 'delete' : op.method}`,
    `@summary(${str(op.summary)})`,
    `@doc(${str(op.description)})`,
    `op ${op.id}(\n${params.join(',\n')}\n): ${result};`,
  ].join('\n');
}

export function typespecSource(c: Connector): string {
  const auth =
    c.auth?.type === 'apiKey' ? `@useAuth(ApiKeyAuth<ApiKeyLocation.${c.auth.in}, ${str(c.auth.name)}>)\n` : '';
  return [
    'import "@typespec/http";',
    'import "@typespec/rest";',
    'import "@typespec/openapi";',
    'using TypeSpec.Http;',
    '',
    `@service(#{ title: ${str(c.title)} })`,
    `@doc(${str(c.description)})`,
    `@server(${str(`${c.schemes[0]}://${c.host}${c.basePath.replace(/\/$/, '')}`)}, ${str(c.title)})`,
    `${auth}namespace ${c.title.replace(/[^A-Za-z0-9]/g, '') || 'Api'};`,
    '',
    ...c.operations.map(operationSource),
    '',
  ].join('\n');
}
