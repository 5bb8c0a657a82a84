/**
 * apiDefinition.swagger.json: Swagger 2.0 with the x-ms-* extensions Power Platform reads.
 * Pure: connector in, SwaggerDocument out.
 */
import type { Connector } from '../model/connector';
import type { DocumentSpec } from '../model/document';
import { responseSpec, type Operation, type Param } from '../model/operation';
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
  SecurityRequirement,
  SecuritySchemeObject,
  SimpleParameterObject,
  SwaggerDocument,
  SwaggerOperation,
} from '../swagger/document';
import { dynamicValuesJson, schemaJson, withoutUndefined } from './schema-object';

export function emitSwagger(c: Connector): SwaggerDocument {
  const paths: Record<string, PathItem> = {};
  for (const op of c.operations) {
    const item = (paths[op.path] ??= {});
    // Path-item entries (webhook payload, shared parameters) of imported connectors.
    if (op.pathItem) Object.assign(item, op.pathItem);
    item[op.method] = operationJson(op);
  }
  if (c.document) return declaredDocumentJson(c, c.document, paths);
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
function declaredDocumentJson(c: Connector, d: DocumentSpec, paths: Record<string, PathItem>): SwaggerDocument {
  const { pathsWithoutOperations, ...root } = d;
  for (const [p, item] of Object.entries(pathsWithoutOperations ?? {})) paths[p] = { ...item, ...paths[p] };
  const doc: SwaggerDocument = { swagger: '2.0', ...root, paths };
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

function securityJson(
  c: Connector,
): { definitions: Record<string, SecuritySchemeObject>; requirement: SecurityRequirement[] } | undefined {
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
export function operationJson(op: Operation): SwaggerOperation {
  const omitted = new Set(op.omitted ?? []);
  // Imported operations declare their responses verbatim; only they may write `tags: []`.
  // `deprecated` is written whenever the descriptor sets it: an explicit `false` (imported, typed
  // or declared) is what the source says, and authored descriptors leave the field out.
  const declared = op.responseObjects !== undefined;
  // Keys in the order they are written; each optional one only when the descriptor has it.
  return {
    ...(omitted.has('summary') ? {} : { summary: op.summary }),
    ...(omitted.has('description') ? {} : { description: op.description }),
    operationId: op.id,
    ...(op.tags?.length || (op.tags && declared) ? { tags: [...op.tags] } : {}),
    ...(op.visibility ? { 'x-ms-visibility': op.visibility } : {}),
    ...(op.deprecated !== undefined ? { deprecated: op.deprecated } : {}),
    ...(op.parameters
      ? { parameters: op.parameters }
      : omitted.has('parameters')
        ? {}
        : { parameters: parametersJson(op) }),
    responses: op.responseObjects ?? responsesJson(op),
    ...operationExtensionsJson(op),
  };
}

function parametersJson(op: Operation): (ParameterObject | ParameterRef)[] {
  const parameters: ParameterObject[] = Object.entries(op.params).map(([name, p]) => paramJson(name, p));
  if (op.body) parameters.push(bodyJson(op, op.body));
  return parameters;
}

function responsesJson(op: Operation): Record<string, ResponseObject | ResponseRef> {
  const responses: Record<string, ResponseObject> = {};
  for (const [status, entry] of Object.entries(op.responses)) {
    if (!entry) continue;
    const r = responseSpec(status, entry);
    responses[status] = withoutUndefined({
      description: r.description,
      'x-ms-summary': r.summary || undefined,
      schema: r.schema && schemaJson(r.schema),
      // Only imported responses carry these (ResponseSpec of a declared connector).
      headers: r.headers,
      examples: r.examples,
    });
  }
  return responses;
}

/** A descriptor field and the swagger key it is written under, for every pair whose values fit. */
type OperationKeyPair = {
  [F in keyof Operation]-?: {
    [K in KnownKeys<SwaggerOperation>]-?: NonNullable<Operation[F]> extends SwaggerOperation[K]
      ? readonly [F, K]
      : never;
  }[KnownKeys<SwaggerOperation>];
}[keyof Operation];
/** The keys a type names, without the `x-${string}` of its vendor keys (which would fit anything). */
type KnownKeys<T> = keyof { [K in keyof T as `x-${string}` extends K ? never : K]: 0 };

/** The typed operation fields that map one to one onto swagger keys, in the order they are written. */
const OPERATION_KEYS = [
  ['consumes', 'consumes'],
  ['produces', 'produces'],
  ['schemes', 'schemes'],
  ['security', 'security'],
  ['externalDocs', 'externalDocs'],
  ['trigger', 'x-ms-trigger'],
  ['triggerHint', 'x-ms-trigger-hint'],
  ['triggerMetadata', 'x-ms-trigger-metadata'],
  ['pageable', 'x-ms-pageable'],
  ['apiAnnotation', 'x-ms-api-annotation'],
  ['noGenericTest', 'x-ms-no-generic-test'],
  ['safeOperation', 'x-ms-safe-operation'],
  ['operationSummary', 'x-ms-summary'],
  ['capabilities', 'x-ms-capabilities'],
  ['operationContext', 'x-ms-operation-context'],
  ['notification', 'x-ms-notification'],
] as const satisfies readonly OperationKeyPair[];
export const OPERATION_SWAGGER_KEYS: ReadonlyMap<string, keyof Operation> = new Map(
  OPERATION_KEYS.map(([field, key]) => [key, field]),
);

function operationExtensionsJson(op: Operation): Partial<SwaggerOperation> {
  const out: Partial<SwaggerOperation> = {};
  for (const [field, key] of OPERATION_KEYS) {
    const value = op[field];
    if (value !== undefined) put(out, key, value);
  }
  if (op.extensions) Object.assign(out, op.extensions);
  return out;
}
/** One key of the operation; OPERATION_KEYS' `satisfies` is what checks each field against its key. */
function put<K extends keyof SwaggerOperation>(
  out: Partial<SwaggerOperation>,
  key: K,
  value: SwaggerOperation[K],
): void {
  out[key] = value;
}

/** The body parameter: `body`, unless an imported operation declares another name or labels. */
function bodyJson(op: Operation, schema: SchemaObject): BodyParameterObject {
  const b = op.bodyParameter;
  return withoutUndefined({
    name: b?.name ?? 'body',
    in: 'body',
    required: op.bodyRequired ?? true,
    schema: schemaJson(schema),
    description: b?.description,
    'x-ms-summary': b?.summary,
    'x-ms-visibility': b?.visibility,
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
    // An imported parameter whose source left `required` out keeps it out (Swagger's default: false).
    required: p.omitRequired && !p.required ? undefined : p.required,
    ...primitiveKeys(schemaJson(s)),
    'x-ms-visibility': (p.visibility ?? s['x-ms-visibility']) || undefined,
    'x-ms-dynamic-values': dyn && dynamicValuesJson(dyn),
    'x-ms-test-value': p.testValue,
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
