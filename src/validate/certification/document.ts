/**
 * The view the certification rules share: the swagger as found (any shape, never trusted), its
 * operations with their JSON pointers, and a $ref resolver that keeps track of where a resolved
 * node lives so that findings point at the definition, not at the reference.
 */
import type { DiagnosticCode, diagnostic } from '../diagnostics';
import { pointerOf } from '../json-source';
import { resolveLocalRef } from '../../emit/local-ref';

export type Json = Record<string, any>;
export type CertFile = 'apiDefinition' | 'apiProperties' | 'readme';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

export interface At {
  file?: CertFile;
  pointer: string;
  operation?: string;
  field?: string;
}
export type Report = <C extends DiagnosticCode>(code: C, args: Parameters<typeof diagnostic<C>>[1], at: At) => void;

export interface Located<T = Json> {
  node: T;
  pointer: string;
}

export interface OperationView {
  /** operationId, or `METHOD /path` when it has none. */
  name: string;
  method: string;
  path: string;
  op: Json;
  item: Json;
  pointer: string;
  /** Path-item and operation parameters, resolved (operation ones override by name+in). */
  params: Located[];
}

export interface CertDocument {
  swagger: Json;
  apiProperties?: Json;
  readme?: string;
  /** Character count of the swagger text, when read from a file. */
  swaggerChars?: number;
  operations: OperationView[];
  resolve(node: unknown, pointer: string): Located | undefined;
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function makeDocument(input: { swagger: unknown; apiProperties?: unknown; readme?: string; swaggerChars?: number }): CertDocument {
  const swagger = isObject(input.swagger) ? input.swagger : {};
  const resolve = (node: unknown, pointer: string): Located | undefined => resolveLocalRef(swagger, node, pointer);
  const doc: CertDocument = { swagger, resolve, operations: [] };
  // A file that holds something other than an object is checked as an empty one (and reported so).
  if (input.apiProperties !== undefined) doc.apiProperties = isObject(input.apiProperties) ? input.apiProperties : {};
  if (input.readme !== undefined) doc.readme = input.readme;
  if (input.swaggerChars !== undefined) doc.swaggerChars = input.swaggerChars;

  const paths = isObject(swagger.paths) ? swagger.paths : {};
  for (const [p, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const pointer = pointerOf('paths', p, method);
      const params = new Map<string, Located>();
      const collect = (list: unknown, base: string) => {
        if (!Array.isArray(list)) return;
        list.forEach((raw, i) => {
          const r = resolve(raw, `${base}/parameters/${i}`);
          if (r) params.set(`${r.node.in}:${r.node.name}`, r);
        });
      };
      collect(item.parameters, pointerOf('paths', p));
      collect(op.parameters, pointer);
      const name = typeof op.operationId === 'string' && op.operationId ? op.operationId : `${method.toUpperCase()} ${p}`;
      doc.operations.push({ name, method, path: p, op, item, pointer, params: [...params.values()] });
    }
  }
  return doc;
}

/** Depth-first walk over a schema with pointers; follows no $ref (definitions are walked once, in place). */
export function walkJsonSchema(s: unknown, pointer: string, visit: (s: Json, pointer: string, depth: number) => void, depth = 0): void {
  if (!isObject(s) || depth > 64) return;
  visit(s, pointer, depth);
  if (isObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) walkJsonSchema(v, `${pointer}/properties/${escape(k)}`, visit, depth + 1);
  if (isObject(s.items)) walkJsonSchema(s.items, `${pointer}/items`, visit, depth + 1);
  if (isObject(s.additionalProperties)) walkJsonSchema(s.additionalProperties, `${pointer}/additionalProperties`, visit, depth + 1);
  if (Array.isArray(s.allOf)) s.allOf.forEach((x: unknown, i: number) => walkJsonSchema(x, `${pointer}/allOf/${i}`, visit, depth + 1));
}

function escape(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every schema root in the document: definitions, body parameters, responses, notification content. */
export function schemaRoots(doc: CertDocument): Located[] {
  const out: Located[] = [];
  const s = doc.swagger;
  if (isObject(s.definitions)) for (const [k, v] of Object.entries(s.definitions)) out.push({ node: v, pointer: pointerOf('definitions', k) });
  if (isObject(s.parameters)) for (const [k, v] of Object.entries(s.parameters)) if (isObject(v) && v.in === 'body') out.push({ node: v.schema, pointer: pointerOf('parameters', k, 'schema') });
  if (isObject(s.responses)) for (const [k, v] of Object.entries(s.responses)) if (isObject(v)) out.push({ node: v.schema, pointer: pointerOf('responses', k, 'schema') });
  const items = new Set<Json>();
  for (const o of doc.operations) {
    if (Array.isArray(o.op.parameters)) {
      o.op.parameters.forEach((p: unknown, i: number) => {
        if (isObject(p) && p.in === 'body') out.push({ node: p.schema, pointer: `${o.pointer}/parameters/${i}/schema` });
      });
    }
    if (isObject(o.op.responses)) {
      for (const [status, r] of Object.entries(o.op.responses)) if (isObject(r)) out.push({ node: r.schema, pointer: `${o.pointer}/responses/${escape(status)}/schema` });
    }
    if (!items.has(o.item)) {
      items.add(o.item);
      const nc = o.item['x-ms-notification-content'];
      if (isObject(nc)) out.push({ node: nc.schema, pointer: `${pointerOf('paths', o.path)}/x-ms-notification-content/schema` });
    }
  }
  return out.filter((r) => isObject(r.node));
}
