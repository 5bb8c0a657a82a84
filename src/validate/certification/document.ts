/**
 * The view the certification rules share: the swagger as found (any shape, never trusted), its
 * operations with their JSON pointers, and a $ref resolver that keeps track of where a resolved
 * node lives so that findings point at the definition, not at the reference.
 */
import type { DiagnosticCode, diagnostic } from '../diagnostics';
import { pointerOf } from '../../swagger/json-pointer';
import type { CertificationCode } from './codes';
import type { ApiPropertiesDocument } from '../../swagger/api-properties';
import type { HttpMethod } from '../../swagger/constants';
import type {
  DeclaredSchema,
  ParameterObject,
  PathItem,
  SwaggerDocument,
  SwaggerOperation,
} from '../../swagger/document';
import { entriesOf, isArray, isObject, itemsOf, type Found, type JsonObject } from '../../swagger/found';
import { resolveLocalRef } from '../../swagger/local-ref';
import { foundOperations } from '../../swagger/operations';

export type CertFile = 'apiDefinition' | 'apiProperties' | 'readme';

export interface At {
  file?: CertFile;
  pointer: string;
  operation?: string;
  field?: string;
}
export type Report = <C extends DiagnosticCode & CertificationCode>(
  code: C,
  args: Parameters<typeof diagnostic<C>>[1],
  at: At,
) => void;

export interface Located<T = JsonObject> {
  node: T;
  pointer: string;
}

export interface OperationView {
  /** operationId, or `METHOD /path` when it has none. */
  name: string;
  method: HttpMethod;
  path: string;
  op: Found<SwaggerOperation>;
  item: Found<PathItem>;
  pointer: string;
  /** Path-item and operation parameters, resolved (operation ones override by name+in). */
  params: Located<Found<ParameterObject>>[];
}

export interface CertDocument {
  swagger: Found<SwaggerDocument>;
  apiProperties?: Found<ApiPropertiesDocument>;
  readme?: string;
  /** Character count of the swagger text, when read from a file. */
  swaggerChars?: number;
  operations: OperationView[];
  resolve(node: unknown, pointer: string): Located | undefined;
}

export function makeDocument(input: {
  swagger: unknown;
  apiProperties?: unknown;
  readme?: string;
  swaggerChars?: number;
}): CertDocument {
  const swagger: Found<SwaggerDocument> = isObject(input.swagger) ? input.swagger : {};
  const resolve = (node: unknown, pointer: string): Located | undefined => resolveLocalRef(swagger, node, pointer);
  const doc: CertDocument = { swagger, resolve, operations: [] };
  // A file that holds something other than an object is checked as an empty one (and reported so).
  if (input.apiProperties !== undefined) doc.apiProperties = isObject(input.apiProperties) ? input.apiProperties : {};
  if (input.readme !== undefined) doc.readme = input.readme;
  if (input.swaggerChars !== undefined) doc.swaggerChars = input.swaggerChars;

  for (const { path: p, method, item, op } of foundOperations(swagger)) {
    const pointer = pointerOf('paths', p, method);
    const params = new Map<string, Located<Found<ParameterObject>>>();
    const collect = (list: unknown, base: string) => {
      if (!isArray(list)) return;
      list.forEach((raw, i) => {
        const r = resolve(raw, `${base}/parameters/${i}`);
        if (r) params.set(`${String(r.node.in)}:${String(r.node.name)}`, r);
      });
    };
    collect(item.parameters, pointerOf('paths', p));
    collect(op.parameters, pointer);
    const name = typeof op.operationId === 'string' && op.operationId ? op.operationId : `${method.toUpperCase()} ${p}`;
    doc.operations.push({ name, method, path: p, op, item, pointer, params: [...params.values()] });
  }
  return doc;
}

/** Depth-first walk over a schema with pointers; follows no $ref (definitions are walked once, in place). */
export function walkJsonSchema(
  s: unknown,
  pointer: string,
  visit: (s: Found<DeclaredSchema>, pointer: string, depth: number) => void,
  depth = 0,
): void {
  if (!isObject(s) || depth > 64) return;
  visit(s, pointer, depth);
  if (isObject(s.properties))
    for (const [k, v] of Object.entries(s.properties))
      walkJsonSchema(v, `${pointer}/properties/${escapePointer(k)}`, visit, depth + 1);
  if (isObject(s.items)) walkJsonSchema(s.items, `${pointer}/items`, visit, depth + 1);
  if (isObject(s.additionalProperties))
    walkJsonSchema(s.additionalProperties, `${pointer}/additionalProperties`, visit, depth + 1);
  if (isArray(s.allOf))
    for (const [i, x] of s.allOf.entries()) walkJsonSchema(x, `${pointer}/allOf/${i}`, visit, depth + 1);
}

function escapePointer(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every schema root in the document: definitions, body parameters, responses, notification content. */
export function schemaRoots(doc: CertDocument): Located[] {
  const out: Located<unknown>[] = [];
  const s = doc.swagger;
  for (const [k, v] of entriesOf(s.definitions)) out.push({ node: v, pointer: pointerOf('definitions', k) });
  for (const [k, v] of entriesOf(s.parameters))
    if (isObject(v) && v.in === 'body') out.push({ node: v.schema, pointer: pointerOf('parameters', k, 'schema') });
  for (const [k, v] of entriesOf(s.responses))
    if (isObject(v)) out.push({ node: v.schema, pointer: pointerOf('responses', k, 'schema') });
  const items = new Set<Found<PathItem>>();
  for (const o of doc.operations) {
    itemsOf(o.op.parameters).forEach((p, i) => {
      if (isObject(p) && p.in === 'body') out.push({ node: p.schema, pointer: `${o.pointer}/parameters/${i}/schema` });
    });
    for (const [status, r] of entriesOf(o.op.responses))
      if (isObject(r)) out.push({ node: r.schema, pointer: `${o.pointer}/responses/${escapePointer(status)}/schema` });
    if (!items.has(o.item)) {
      items.add(o.item);
      const nc = o.item['x-ms-notification-content'];
      if (isObject(nc))
        out.push({ node: nc.schema, pointer: `${pointerOf('paths', o.path)}/x-ms-notification-content/schema` });
    }
  }
  return out.filter((r): r is Located => isObject(r.node));
}
