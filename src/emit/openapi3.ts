/**
 * openapi.json / openapi.yaml: the same API as an OpenAPI 3.0 document (for API Management and
 * OpenAPI 3 tools), built with openapi3-ts's OpenApiBuilder from the emitted Swagger 2.0 so the
 * two cannot describe different APIs. x-ms-* extensions are kept where OpenAPI 3 allows x-*.
 * The swagger is read as found (it is the re-read text of the connector folder): each value is
 * checked before it becomes a typed OpenAPI field, and what both versions spell alike (summaries,
 * tags, parameter names and locations, security requirements, extensions) is carried over as it
 * is, for validateOpenApi3 to judge.
 */
import type {
  OpenApiBuilder,
  OpenAPIObject,
  OperationObject,
  PathItemObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
  SecuritySchemeObject,
} from 'openapi3-ts/oas30';
import { METHODS } from '../swagger/constants';
import type { SimpleParameterObject, SwaggerDocument, SwaggerOperation } from '../swagger/document';
import { entriesOf, isArray, isObject, itemsOf, str, type Found, type JsonObject } from '../swagger/found';

export const OPENAPI_VERSION = '3.0.3';

/** Swagger 2.0 parameter keys that move into the OpenAPI 3 `schema`. */
const PARAM_SCHEMA_KEYS = [
  'type',
  'format',
  'enum',
  'default',
  'items',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
] as const;
/** Operation keys OpenAPI 3 spells as Swagger 2.0 does. */
const OPERATION_KEYS = ['summary', 'description', 'operationId', 'tags', 'deprecated', 'security'] as const;
/** OpenAPI 3 component names (securitySchemes keys among them) must match this. */
const COMPONENT_NAME = /^[a-zA-Z0-9.\-_]+$/;
const OAUTH_FLOWS: Readonly<Record<string, string>> = {
  accessCode: 'authorizationCode',
  implicit: 'implicit',
  password: 'password',
  application: 'clientCredentials',
};

function extensions(from: JsonObject, skip: readonly string[] = []): JsonObject {
  return Object.fromEntries(Object.entries(from).filter(([k]) => k.startsWith('x-') && !skip.includes(k)));
}

/** Swagger 2.0 schema -> OpenAPI 3.0 schema: x-nullable becomes nullable, refs move to components. */
export function convertSchema(s: unknown): unknown {
  if (isArray(s)) return s.map(convertSchema);
  if (!isObject(s)) return s;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'x-nullable') out.nullable = v;
    else if (k === '$ref' && typeof v === 'string') out.$ref = v.replace(/^#\/definitions\//, '#/components/schemas/');
    else out[k] = convertSchema(v);
  }
  return out;
}

/** A converted schema where OpenAPI 3 holds one (a schema is a JSON object; OpenAPI 3 types every key as optional). */
function schemaObject(s: unknown): SchemaObject | undefined {
  const out = convertSchema(s);
  return isObject(out) ? out : undefined;
}

/**
 * Swagger 2.0 non-body parameter -> OpenAPI 3.0 parameter: the primitive keys move into `schema`.
 * Name and location are carried over as declared, so a parameter OpenAPI 3 cannot express here
 * (a $ref to a shared parameter, a path-level formData one) stays visible for validateOpenApi3.
 */
function convertParameter(p: Found<SimpleParameterObject>): JsonObject {
  const schema: JsonObject = {};
  for (const k of PARAM_SCHEMA_KEYS) if (p[k] !== undefined) schema[k] = convertSchema(p[k]);
  if (p['x-nullable']) schema.nullable = true;
  const out: JsonObject = { name: p.name, in: p.in, required: p.in === 'path' ? true : Boolean(p.required) };
  if (p.description !== undefined) out.description = p.description;
  out.schema = schema;
  if (p.collectionFormat === 'multi') Object.assign(out, { style: 'form', explode: true });
  else if (p.collectionFormat === 'csv')
    Object.assign(out, { style: p.in === 'query' ? 'form' : 'simple', explode: false });
  return Object.assign(out, extensions(p, ['x-nullable']));
}

function convertOperation(
  op: Found<SwaggerOperation>,
  consumes: readonly unknown[],
  produces: readonly unknown[],
  schemeNames: ReadonlyMap<string, string>,
): OperationObject {
  const out: OperationObject = { responses: {} };
  const same: JsonObject = {};
  for (const k of OPERATION_KEYS) if (op[k] !== undefined) same[k] = op[k];
  if (op.security !== undefined) same.security = renameRequirements(op.security, schemeNames);
  Object.assign(out, same);
  const params = itemsOf(op.parameters).filter(isObject);
  const plain = params.filter((p) => p.in !== 'body' && p.in !== 'formData');
  if (plain.length) Object.assign(out, { parameters: plain.map(convertParameter) });
  const body = params.find((p) => p.in === 'body');
  const mediaIn = str(itemsOf(op.consumes)[0]) ?? str(consumes[0]) ?? 'application/json';
  const mediaOut = str(itemsOf(op.produces)[0]) ?? str(produces[0]) ?? 'application/json';
  if (body) {
    const rb: RequestBodyObject = {
      content: { [mediaIn]: { schema: schemaObject(body.schema) } },
      required: Boolean(body.required),
    };
    const description = str(body.description);
    if (description !== undefined) rb.description = description;
    Object.assign(rb, { 'x-bodyName': body.name }, extensions(body));
    out.requestBody = rb;
  }
  for (const [status, r] of entriesOf(op.responses)) {
    const response: JsonObject = isObject(r) ? r : {};
    const resp: ResponseObject = { description: str(response.description) ?? '' };
    if (response.schema) resp.content = { [mediaOut]: { schema: schemaObject(response.schema) } };
    out.responses[status] = Object.assign(resp, extensions(response));
  }
  return Object.assign(out, extensions(op));
}

function convertSecurity(def: JsonObject): SecuritySchemeObject {
  switch (def.type) {
    case 'apiKey': {
      const description = str(def.description);
      return { type: 'apiKey', in: str(def.in), name: str(def.name), ...(description ? { description } : {}) };
    }
    case 'basic':
      return { type: 'http', scheme: 'basic' };
    case 'oauth2': {
      const flowName = (typeof def.flow === 'string' ? OAUTH_FLOWS[def.flow] : undefined) ?? 'authorizationCode';
      const flow: { scopes: JsonObject; authorizationUrl?: string; tokenUrl?: string } = {
        scopes: isObject(def.scopes) ? def.scopes : {},
      };
      const authorizationUrl = str(def.authorizationUrl);
      const tokenUrl = str(def.tokenUrl);
      if (authorizationUrl) flow.authorizationUrl = authorizationUrl;
      if (tokenUrl) flow.tokenUrl = tokenUrl;
      return { type: 'oauth2', flows: { [flowName]: flow } };
    }
    default:
      throw new Error(`security definition type "${String(def.type)}" has no OpenAPI 3 equivalent`);
  }
}

/**
 * Swagger 2.0 securityDefinitions key -> OpenAPI 3 securitySchemes key. Swagger 2.0 takes any key
 * (the published connectors use "API Key", and flows' connections refer to it, so the swagger keeps
 * it); OpenAPI 3 component names may only use letters, digits, ".", "-" and "_". A valid key is
 * kept; any other character becomes "_", and a name already taken gets "_2", "_3", ... so that
 * two schemes never merge. Valid keys are reserved first so that the result does not depend on
 * the order of the definitions for them.
 */
export function securitySchemeNames(keys: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set(keys.filter((k) => COMPONENT_NAME.test(k)));
  for (const k of keys) {
    if (COMPONENT_NAME.test(k)) {
      names.set(k, k);
      continue;
    }
    const base = k.replace(/[^a-zA-Z0-9.\-_]/g, '_') || 'scheme';
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    names.set(k, name);
  }
  return names;
}

/** Security requirements with their scheme names renamed as securitySchemeNames did; the rest as found. */
function renameRequirements(security: unknown, names: ReadonlyMap<string, string>): unknown {
  if (!isArray(security)) return security;
  return security.map((req) =>
    isObject(req) ? Object.fromEntries(Object.entries(req).map(([k, v]) => [names.get(k) ?? k, v])) : req,
  );
}

export function emitOpenApi3(swagger: Found<SwaggerDocument>): OpenAPIObject {
  const info = isObject(swagger.info) ? swagger.info : {};
  // openapi3-ts loads when a document is built, not with every command that can build one.
  const { OpenApiBuilder: Builder } = require('openapi3-ts/oas30') as { OpenApiBuilder: typeof OpenApiBuilder };
  const builder = Builder.create({
    openapi: OPENAPI_VERSION,
    info: { ...info, title: String(info.title), version: String(info.version) },
    paths: {},
  });
  const basePath = String(swagger.basePath ?? '/').replace(/\/+$/, '');
  for (const scheme of isArray(swagger.schemes) ? swagger.schemes : ['https'])
    builder.addServer({ url: `${String(scheme)}://${String(swagger.host)}${basePath}` });
  const schemes = entriesOf(swagger.securityDefinitions);
  const names = securitySchemeNames(schemes.map(([name]) => name));
  for (const [name, def] of schemes)
    builder.addSecurityScheme(names.get(name) ?? name, convertSecurity(isObject(def) ? def : {}));
  for (const [name, schema] of entriesOf(swagger.definitions)) builder.addSchema(name, schemaObject(schema) ?? {});
  const consumes = itemsOf(swagger.consumes);
  const produces = itemsOf(swagger.produces);
  for (const [path, value] of entriesOf(swagger.paths)) {
    const item: JsonObject = isObject(value) ? value : {};
    const pathItem: PathItemObject = {};
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) pathItem[method] = convertOperation(op, consumes, produces, names);
    }
    if (item.parameters)
      Object.assign(pathItem, {
        parameters: itemsOf(item.parameters)
          .filter(isObject)
          .filter((p) => p.in !== 'body')
          .map(convertParameter),
      });
    builder.addPath(path, pathItem);
  }
  const doc = builder.getSpec();
  // Security requirements read the same in both versions, under the OpenAPI 3 scheme names.
  if (swagger.security) Object.assign(doc, { security: renameRequirements(swagger.security, names) });
  // A connector without credentials says so: an empty list is OpenAPI 3's explicit "no security"
  // (Redocly's security-defined rule cannot tell an open API from a forgotten requirement).
  else if (schemes.length === 0) Object.assign(doc, { security: [] });
  Object.assign(doc, extensions(swagger));
  return doc;
}
