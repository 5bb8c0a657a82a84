/**
 * apiDefinition.swagger.json: Swagger 2.0 with the x-ms-* extensions Power Platform reads.
 * Pure: connector in, JSON object out.
 */
import type { Connector } from '../model/connector';
import type { DocumentSpec } from '../model/document';
import { responseSpec, type Operation, type Param } from '../model/operation';
import type { SchemaObject } from '../model/schema';
import { dynamicValuesOf } from '../model/schema';
import type { JsonObject } from './json';
import { dynamicValuesJson, schemaJson } from './schema-object';

export function emitSwagger(c: Connector): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const op of c.operations) {
    const item = (paths[op.path] ??= {});
    // Path-item entries (webhook payload, shared parameters) of imported connectors.
    if (op.pathItem) Object.assign(item, op.pathItem);
    item[op.method] = operationJson(op);
  }
  if (c.document) return declaredDocumentJson(c, c.document, paths);
  const doc: JsonObject = {
    swagger: '2.0',
    info: {
      title: c.title,
      description: c.description,
      version: c.version,
      contact: { name: c.contact.name, url: c.contact.url, email: c.contact.email },
    },
    host: c.host,
    basePath: c.basePath,
    schemes: [...c.schemes],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
  };
  const security = securityJson(c);
  if (security) {
    doc.securityDefinitions = security.definitions;
    doc.security = security.requirement;
  }
  doc['x-ms-connector-metadata'] = [
    { propertyName: 'Website', propertyValue: c.metadata.website },
    { propertyName: 'Privacy policy', propertyValue: c.metadata.privacyPolicy },
    { propertyName: 'Categories', propertyValue: c.metadata.categories.join(';') },
  ];
  return doc;
}

/**
 * The root of a connector that declares its document (pcdk import): exactly the declared keys,
 * security from the declared auth, paths from the operations.
 */
function declaredDocumentJson(c: Connector, d: DocumentSpec, paths: Record<string, JsonObject>): JsonObject {
  const { pathsWithoutOperations, ...root } = d;
  for (const [p, item] of Object.entries(pathsWithoutOperations ?? {})) paths[p] = { ...item, ...paths[p] };
  const doc: JsonObject = { swagger: '2.0', ...root, paths };
  if (c.auth.type === 'declared') {
    if (c.auth.securityDefinitions !== undefined) doc.securityDefinitions = c.auth.securityDefinitions;
    if (c.auth.security !== undefined) doc.security = c.auth.security;
  } else {
    const security = securityJson(c);
    if (security) {
      doc.securityDefinitions = security.definitions;
      doc.security = security.requirement;
    }
  }
  return doc;
}

function securityJson(c: Connector): { definitions: JsonObject; requirement: JsonObject[] } | undefined {
  const a = c.auth;
  switch (a.type) {
    case 'none':
      return undefined;
    case 'apiKey':
      return {
        definitions: { [a.securityName]: { type: 'apiKey', in: a.in, name: a.name } },
        requirement: [{ [a.securityName]: [] }],
      };
    case 'basic':
      return { definitions: { [a.securityName]: { type: 'basic' } }, requirement: [{ [a.securityName]: [] }] };
    case 'declared':
      if (a.securityDefinitions === undefined && a.security === undefined) return undefined;
      return { definitions: { ...a.securityDefinitions }, requirement: [...(a.security ?? [])] };
  }
}

/** One operation's JSON. Exported for pcdk import, which emits each typed candidate to check it equals the source. */
export function operationJson(op: Operation): JsonObject {
  const omitted = new Set(op.omitted ?? []);
  // Imported operations declare their responses verbatim; only they may write `tags: []`.
  // `deprecated` is written whenever the descriptor sets it: an explicit `false` (imported, typed
  // or declared) is what the source says, and authored descriptors leave the field out.
  const declared = op.responseObjects !== undefined;
  const out: JsonObject = {};
  if (!omitted.has('summary')) out.summary = op.summary;
  if (!omitted.has('description')) out.description = op.description;
  out.operationId = op.id;
  if (op.tags?.length || (op.tags && declared)) out.tags = [...op.tags];
  if (op.visibility) out['x-ms-visibility'] = op.visibility;
  if (op.deprecated !== undefined) out.deprecated = op.deprecated;
  if (op.parameters) out.parameters = op.parameters;
  else if (!omitted.has('parameters')) {
    const parameters: JsonObject[] = Object.entries(op.params).map(([name, p]) => paramJson(name, p));
    if (op.body) parameters.push(bodyJson(op, op.body));
    out.parameters = parameters;
  }
  if (op.responseObjects) out.responses = op.responseObjects;
  else {
    const responses: JsonObject = {};
    for (const [status, entry] of Object.entries(op.responses)) {
      if (!entry) continue;
      const r = responseSpec(status, entry);
      const rj: JsonObject = { description: r.description };
      if (r.summary) rj['x-ms-summary'] = r.summary;
      if (r.schema) rj.schema = schemaJson(r.schema);
      // Only imported responses carry these (ResponseSpec of a declared connector).
      if (r.headers) rj.headers = r.headers;
      if (r.examples) rj.examples = r.examples;
      responses[status] = rj;
    }
    out.responses = responses;
  }
  Object.assign(out, operationExtensionsJson(op));
  return out;
}

/** The typed operation fields that map one to one onto swagger keys. */
const OPERATION_KEYS = [
  ['consumes', 'consumes'], ['produces', 'produces'], ['schemes', 'schemes'], ['security', 'security'],
  ['externalDocs', 'externalDocs'], ['trigger', 'x-ms-trigger'], ['triggerHint', 'x-ms-trigger-hint'],
  ['triggerMetadata', 'x-ms-trigger-metadata'], ['pageable', 'x-ms-pageable'], ['apiAnnotation', 'x-ms-api-annotation'],
  ['noGenericTest', 'x-ms-no-generic-test'], ['safeOperation', 'x-ms-safe-operation'], ['operationSummary', 'x-ms-summary'],
  ['capabilities', 'x-ms-capabilities'], ['operationContext', 'x-ms-operation-context'], ['notification', 'x-ms-notification'],
] as const satisfies readonly (readonly [keyof Operation, string])[];
export const OPERATION_SWAGGER_KEYS: ReadonlyMap<string, keyof Operation> = new Map(OPERATION_KEYS.map(([field, key]) => [key, field]));

function operationExtensionsJson(op: Operation): JsonObject {
  const out: JsonObject = {};
  for (const [field, key] of OPERATION_KEYS) if (op[field] !== undefined) out[key] = op[field];
  if (op.extensions) Object.assign(out, op.extensions);
  return out;
}

/** The body parameter: `body`, unless an imported operation declares another name or labels. */
function bodyJson(op: Operation, schema: SchemaObject): JsonObject {
  const b = op.bodyParameter;
  const out: JsonObject = { name: b?.name ?? 'body', in: 'body', required: op.bodyRequired ?? true, schema: schemaJson(schema) };
  if (b?.description !== undefined) out.description = b.description;
  if (b?.summary !== undefined) out['x-ms-summary'] = b.summary;
  if (b?.visibility !== undefined) out['x-ms-visibility'] = b.visibility;
  return out;
}

/** Non-body parameter: the schema's title and description become x-ms-summary and description. */
function paramJson(name: string, p: Param): JsonObject {
  const s: SchemaObject = p.schema;
  const out: JsonObject = { name, in: p.in };
  if (s.title !== undefined) out['x-ms-summary'] = s.title;
  if (p.in === 'path') out['x-ms-url-encoding'] = 'single';
  if (s.description !== undefined) out.description = s.description;
  // An imported parameter whose source left `required` out keeps it out (Swagger's default: false).
  if (!(p.omitRequired && !p.required)) out.required = p.required;
  const body = schemaJson(s);
  for (const key of ['type', 'format', 'enum', 'default', 'items', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern']) {
    if (body[key] !== undefined) out[key] = body[key];
  }
  const visibility = p.visibility ?? s['x-ms-visibility'];
  if (visibility) out['x-ms-visibility'] = visibility;
  const dyn = p.dynamicValues ?? dynamicValuesOf(s);
  if (dyn) out['x-ms-dynamic-values'] = dynamicValuesJson(dyn);
  if (p.testValue !== undefined) out['x-ms-test-value'] = p.testValue;
  if (s['x-nullable']) out['x-nullable'] = true;
  return out;
}
