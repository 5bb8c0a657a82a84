/**
 * apiDefinition.swagger.json: Swagger 2.0 with the x-ms-* extensions Power Platform reads.
 * Pure: connector in, SwaggerDocument out.
 */
import type { Connector } from '../model/connector';
import { sharedBodyOf, sharedParameterOf, sharedResponseOf } from '../model/declared';
import type { DocumentSpec } from '../model/document';
import { responseSpec, type Operation, type Param, type ResponseSpec } from '../model/operation';
import type { SchemaObject } from '../model/schema';
import { dynamicValuesOf } from '../model/schema';
import type {
  BodyParameterObject,
  DeclaredSchema,
  ParameterObject,
  ParameterRef,
  PathItem,
  PrimitiveKeys,
  ResponseObject,
  ResponseRef,
  SimpleParameterObject,
  SwaggerDocument,
  SwaggerOperation,
} from '../swagger/document';
import { overlayDeclared } from './declared-operation';
import { securityJson } from './security';
import { dynamicValuesJson, schemaJson, withoutUndefined } from './schema-object';
import { notificationContentJson, notificationUrlOf, triggerOperationKeys } from './trigger-swagger';

export function emitSwagger(c: Connector): SwaggerDocument {
  const paths: Record<string, PathItem> = {};
  for (const op of c.operations) {
    const item = (paths[op.path] ??= {});
    // Path-item entries (webhook payload, shared parameters) an imported operation declares.
    if (op.declared?.pathItem) Object.assign(item, op.declared.pathItem);
    const notification = notificationContentJson(op);
    if (notification) item['x-ms-notification-content'] = notification;
    item[op.method] = operationJson(op);
  }
  if (c.declared) return declaredDocumentJson(c, c.declared.document, paths);
  const doc: SwaggerDocument = {
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
  const security = securityJson(c.auth);
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
 * security included, paths from the operations. An authored auth beside it replaces the declared
 * security.
 */
function declaredDocumentJson(c: Connector, d: DocumentSpec, paths: Record<string, PathItem>): SwaggerDocument {
  const { pathsWithoutOperations, ...root } = d;
  for (const [p, item] of Object.entries(pathsWithoutOperations ?? {})) paths[p] = { ...item, ...paths[p] };
  const doc: SwaggerDocument = { swagger: '2.0', ...root, paths };
  if (!c.auth) return doc;
  delete doc.securityDefinitions;
  delete doc.security;
  const security = securityJson(c.auth);
  if (security) {
    doc.securityDefinitions = security.definitions;
    doc.security = security.requirement;
  }
  return doc;
}

/** One operation's JSON. Exported for pcdk import, which emits each typed candidate to check it equals the source. */
export function operationJson(op: Operation): SwaggerOperation {
  // Keys in the order they are written; each optional one only when the descriptor has it.
  // `deprecated` is written whenever the descriptor sets it: an explicit `false` is what an
  // imported source says, and authored descriptors leave the field out.
  const authored: SwaggerOperation = {
    summary: op.summary,
    description: op.description,
    operationId: op.id,
    ...(op.tags?.length ? { tags: [...op.tags] } : {}),
    ...(op.visibility ? { 'x-ms-visibility': op.visibility } : {}),
    ...(op.deprecated !== undefined ? { deprecated: op.deprecated } : {}),
    ...(op.consumes ? { consumes: [...op.consumes] } : {}),
    parameters: parametersJson(op),
    responses: responsesJson(op),
    // Power Automate follows a next link itself; the other styles are the client's alone.
    ...(op.pagination?.style === 'next-link' ? { 'x-ms-pageable': { nextLinkName: op.pagination.nextLinkPath } } : {}),
    ...triggerOperationKeys(op),
  };
  return overlayDeclared(authored, op.declared, op.body && sharedBodyOf(op.body)?.ref);
}

function parametersJson(op: Operation): (ParameterObject | ParameterRef)[] {
  const parameters: (ParameterObject | ParameterRef)[] = Object.entries(op.params).map(([name, p]) => {
    // A shared parameter (sharedParameter()) is written where it is used as a reference to it.
    const shared = sharedParameterOf(p);
    return shared ? { $ref: shared.ref } : paramJson(name, p);
  });
  if (op.body) {
    // A shared body (sharedBody()) is written as a reference to its #/parameters entry.
    const shared = sharedBodyOf(op.body);
    parameters.push(shared ? { $ref: shared.ref } : bodyJson(op, op.body));
  }
  return parameters;
}

function responsesJson(op: Operation): Record<string, ResponseObject | ResponseRef> {
  const responses: Record<string, ResponseObject | ResponseRef> = {};
  for (const [status, entry] of Object.entries(op.responses)) {
    if (!entry) continue;
    // A shared response (sharedResponse()) is written where it is used as a reference to it.
    const shared = sharedResponseOf(entry);
    responses[status] = shared ? { $ref: shared.ref } : responseJson(responseSpec(status, entry));
  }
  return responses;
}

function responseJson(r: ResponseSpec): ResponseObject {
  return withoutUndefined({
    description: r.description,
    'x-ms-summary': r.summary || undefined,
    schema: r.schema && schemaJson(r.schema),
  });
}

/** The document's `#/responses` entry of a response written with sharedResponse(): the response as an operation writes it. */
export function responseObject(r: ResponseSpec): ResponseObject {
  return { ...responseJson(r), ...sharedResponseOf(r)?.declared };
}

/** The body parameter, always named `body` (an imported one's own name and labels are declared). */
function bodyJson(op: Operation, schema: SchemaObject): BodyParameterObject {
  return { name: 'body', in: 'body', required: op.bodyRequired ?? true, schema: schemaJson(schema) };
}

/**
 * The document's `#/parameters` entry of a parameter written with sharedParameter(): the
 * parameter as an operation would write it, under its own name, without the keys its source
 * leaves out. Any other parameter has no name of its own here: an error.
 */
export function parameterObject(p: Param): SimpleParameterObject {
  const shared = sharedParameterOf(p);
  if (!shared) throw new Error('parameterObject() takes a parameter written with sharedParameter()');
  const out: SimpleParameterObject = { ...paramJson(shared.name, p), ...shared.keys };
  if (shared.requiredOmitted && out.required === false) delete out.required;
  if (shared.urlEncodingOmitted && p.in === 'path') delete out['x-ms-url-encoding'];
  return out;
}

/**
 * The document's `#/parameters` entry of a body written with sharedBody(): the body parameter its
 * mark describes, with the schema as the emitter writes it. Any other schema: an error.
 */
export function bodyParameterObject(s: SchemaObject): BodyParameterObject {
  const shared = sharedBodyOf(s);
  if (!shared) throw new Error('bodyParameterObject() takes a schema written with sharedBody()');
  return withoutUndefined({
    name: shared.name,
    in: 'body' as const,
    required: shared.required,
    description: shared.description,
    'x-ms-summary': shared.summary,
    'x-ms-visibility': shared.visibility,
    schema: schemaJson(s),
    ...shared.keys,
  });
}

/** Non-body parameter: the schema's title and description become x-ms-summary and description. */
function paramJson(name: string, p: Param): SimpleParameterObject {
  const s: SchemaObject = p.schema;
  const dyn = p.dynamicValues ?? dynamicValuesOf(s);
  return withoutUndefined({
    name,
    in: p.in,
    'x-ms-summary': s.title,
    'x-ms-url-encoding': p.in === 'path' ? 'single' : undefined,
    description: s.description,
    required: p.required,
    ...primitiveKeys(schemaJson(s)),
    'x-ms-visibility': (p.visibility ?? s['x-ms-visibility']) || undefined,
    'x-ms-dynamic-values': dyn && dynamicValuesJson(dyn),
    'x-ms-test-value': p.testValue,
    // A webhook trigger's callback URL taken in the query (webhookTrigger, notificationUrl.in).
    'x-ms-notification-url': notificationUrlOf(s),
    'x-nullable': s['x-nullable'] ? true : undefined,
  });
}

/** The schema keys Swagger 2.0 puts on a non-body parameter itself (it has no schema there), in the order written. */
function primitiveKeys(s: DeclaredSchema): PrimitiveKeys {
  const { type, format, enum: values, default: fallback, items, minimum, maximum, minLength, maxLength, pattern } = s;
  return withoutUndefined({
    type,
    format,
    enum: values,
    default: fallback,
    items,
    minimum,
    maximum,
    minLength,
    maxLength,
    pattern,
  });
}
