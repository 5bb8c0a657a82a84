/**
 * openapi.json / openapi.yaml: the same API as an OpenAPI 3.0 document (for API Management and
 * OpenAPI 3 tools), built with openapi3-ts's OpenApiBuilder from the emitted Swagger 2.0 so the
 * two cannot describe different APIs. x-ms-* extensions are kept where OpenAPI 3 allows x-*.
 */
import {
  OpenApiBuilder, type OpenAPIObject, type OperationObject, type ParameterObject, type PathItemObject,
  type RequestBodyObject, type ResponseObject, type SecuritySchemeObject,
} from 'openapi3-ts/oas30';
import SwaggerParser from '@apidevtools/swagger-parser';
import { diagnostic, type Diagnostic } from '../validate/diagnostics';

export const OPENAPI_VERSION = '3.0.3';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
/** Swagger 2.0 parameter keys that move into the OpenAPI 3 `schema`. */
const PARAM_SCHEMA_KEYS = ['type', 'format', 'enum', 'default', 'items', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf'];

function extensions(from: Json, skip: readonly string[] = []): Json {
  return Object.fromEntries(Object.entries(from).filter(([k]) => k.startsWith('x-') && !skip.includes(k)));
}

/** Swagger 2.0 schema -> OpenAPI 3.0 schema: x-nullable becomes nullable, refs move to components. */
export function convertSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(convertSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Json = {};
  for (const [k, v] of Object.entries(s as Json)) {
    if (k === 'x-nullable') out.nullable = v;
    else if (k === '$ref' && typeof v === 'string') out.$ref = v.replace(/^#\/definitions\//, '#/components/schemas/');
    else out[k] = convertSchema(v);
  }
  return out;
}

function convertParameter(p: Json): ParameterObject {
  const schema: Json = {};
  for (const k of PARAM_SCHEMA_KEYS) if (p[k] !== undefined) schema[k] = convertSchema(p[k]);
  if (p['x-nullable']) schema.nullable = true;
  const out: ParameterObject = { name: p.name, in: p.in, required: p.in === 'path' ? true : Boolean(p.required) };
  if (p.description !== undefined) out.description = p.description;
  out.schema = schema;
  if (p.collectionFormat === 'multi') Object.assign(out, { style: 'form', explode: true });
  else if (p.collectionFormat === 'csv') Object.assign(out, { style: p.in === 'query' ? 'form' : 'simple', explode: false });
  return Object.assign(out, extensions(p, ['x-nullable']));
}

function convertOperation(op: Json, consumes: string[], produces: string[]): OperationObject {
  const out: OperationObject = { responses: {} };
  for (const k of ['summary', 'description', 'operationId', 'tags', 'deprecated', 'security']) if (op[k] !== undefined) (out as Json)[k] = op[k];
  const params = (op.parameters ?? []) as Json[];
  const plain = params.filter((p) => p.in !== 'body' && p.in !== 'formData');
  if (plain.length) out.parameters = plain.map(convertParameter);
  const body = params.find((p) => p.in === 'body');
  const mediaIn = (op.consumes as string[] | undefined)?.[0] ?? consumes[0] ?? 'application/json';
  const mediaOut = (op.produces as string[] | undefined)?.[0] ?? produces[0] ?? 'application/json';
  if (body) {
    const rb: RequestBodyObject = { content: { [mediaIn]: { schema: convertSchema(body.schema) as Json } }, required: Boolean(body.required) };
    if (body.description !== undefined) rb.description = body.description;
    Object.assign(rb, { 'x-bodyName': body.name }, extensions(body));
    out.requestBody = rb;
  }
  for (const [status, r] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
    const resp: ResponseObject = { description: r.description ?? '' };
    if (r.schema) resp.content = { [mediaOut]: { schema: convertSchema(r.schema) as Json } };
    out.responses[status] = Object.assign(resp, extensions(r));
  }
  return Object.assign(out, extensions(op));
}

function convertSecurity(def: Json): SecuritySchemeObject {
  switch (def.type) {
    case 'apiKey':
      return { type: 'apiKey', in: def.in, name: def.name, ...(def.description ? { description: def.description } : {}) };
    case 'basic':
      return { type: 'http', scheme: 'basic' };
    case 'oauth2': {
      const flowName = ({ accessCode: 'authorizationCode', implicit: 'implicit', password: 'password', application: 'clientCredentials' } as Record<string, string>)[def.flow] ?? 'authorizationCode';
      const flow: Json = { scopes: def.scopes ?? {} };
      if (def.authorizationUrl) flow.authorizationUrl = def.authorizationUrl;
      if (def.tokenUrl) flow.tokenUrl = def.tokenUrl;
      return { type: 'oauth2', flows: { [flowName]: flow } };
    }
    default:
      throw new Error(`security definition type "${String(def.type)}" has no OpenAPI 3 equivalent`);
  }
}

export function emitOpenApi3(swagger: Json): OpenAPIObject {
  const builder = OpenApiBuilder.create({ openapi: OPENAPI_VERSION, info: { ...swagger.info }, paths: {} });
  const basePath = String(swagger.basePath ?? '/').replace(/\/+$/, '');
  for (const scheme of (swagger.schemes as string[] | undefined) ?? ['https']) builder.addServer({ url: `${scheme}://${swagger.host}${basePath}` });
  for (const [name, def] of Object.entries((swagger.securityDefinitions ?? {}) as Record<string, Json>)) builder.addSecurityScheme(name, convertSecurity(def));
  for (const [name, schema] of Object.entries((swagger.definitions ?? {}) as Record<string, Json>)) builder.addSchema(name, convertSchema(schema) as Json);
  const consumes = (swagger.consumes as string[] | undefined) ?? [];
  const produces = (swagger.produces as string[] | undefined) ?? [];
  for (const [path, item] of Object.entries((swagger.paths ?? {}) as Record<string, Json>)) {
    const pathItem: PathItemObject = {};
    for (const method of METHODS) if (item[method]) pathItem[method as 'get'] = convertOperation(item[method], consumes, produces);
    if (item.parameters) pathItem.parameters = (item.parameters as Json[]).filter((p) => p.in !== 'body').map(convertParameter);
    builder.addPath(path, pathItem);
  }
  const doc = builder.getSpec();
  if (swagger.security) doc.security = swagger.security;
  Object.assign(doc, extensions(swagger));
  return doc;
}

/** swagger-parser validates OpenAPI 3.0 against its official schema plus semantic checks. */
export async function validateOpenApi3(doc: unknown, where: { connector: string; file: string }): Promise<Diagnostic[]> {
  try {
    await SwaggerParser.validate(structuredClone(doc) as never);
    if ((doc as Json).openapi !== OPENAPI_VERSION) throw new Error(`openapi is ${(doc as Json).openapi}, expected ${OPENAPI_VERSION}`);
    return [];
  } catch (e) {
    const reason = String((e as Error).message ?? e).split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
    return [diagnostic('openapi3-invalid', { reason }, { ...where, pointer: '' })];
  }
}
