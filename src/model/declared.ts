/**
 * What an existing connector declares and an author never writes: the importer's side of a
 * descriptor (`pcdk import`). The authoring types (OperationSpec, ConnectorSpec) describe what an
 * author writes; an imported operation or connector adds one `declared` value beside them, which
 * each emitter overlays in one place: src/emit/declared-operation.ts for operations, emitSwagger
 * and emitApiProperties for the connector (security included: an imported connector has no
 * `auth`). A schema with keys no builder writes is declaredSchema({ ... }), written by
 * src/emit/schema-object.ts.
 * The shapes are the Swagger types of src/swagger/document.ts, spelled as the source spells them,
 * so nothing here widens the authoring model.
 */
import type { BodyParameterObject, DeclaredSchema, HeaderObject, SwaggerOperation } from '../swagger/document';
import type { DocumentSpec, PathItemSpec } from './document';
import type { Param, ResponseSpec } from './operation';
import type { PropertiesSpec } from './properties';
import type { SchemaObject, TSchema, Visibility } from './schema';
import { noteSite } from './source-site';

/** Marks a schema written with declaredSchema(). Symbols are invisible to JSON and Object.keys. */
const DECLARED: unique symbol = Symbol.for('pcdk.declaredSchema');

/**
 * A schema as the source declares it, with keys no builder writes ($ref, allOf, xml,
 * x-ms-dynamic-schema, ...), usable where operation() takes a `t.*` schema: the importer writes
 * `declaredSchema({ ... })` for a schema the builders cannot spell. The result holds exactly the
 * declared keys (the emitter writes them as it writes any schema); it is typed as an authored
 * schema of unknown instances, and declaredOf() gives back its declared view.
 */
export function declaredSchema(s: DeclaredSchema): TSchema<unknown> {
  // A copy that is both: the declared keys, seen through the authored type (whose keys it has,
  // at least as wide) wherever operation() takes a schema.
  const copy = Object.assign<SchemaObject, DeclaredSchema>({}, s);
  Object.defineProperty(copy, DECLARED, { value: true, enumerable: false });
  return noteSite(copy);
}

/** The declared view of a schema written with declaredSchema(), or undefined for an authored one. */
export function declaredOf(s: SchemaObject): DeclaredSchema | undefined {
  return isDeclaredSchema(s) ? s : undefined;
}

function isDeclaredSchema(s: SchemaObject): s is SchemaObject & DeclaredSchema {
  return DECLARED in s;
}

/** `#/<section>/<key>`, the key escaped as a JSON pointer token. */
function refTo(section: string, key: string): string {
  return `#/${section}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A copy of `v` (every key and earlier mark kept) carrying `mark` under `key`, invisible to JSON and Object.keys. */
function withMark<T extends object>(v: T, key: symbol, mark: unknown): T {
  const copy = Object.create(Object.getPrototypeOf(v) as object, Object.getOwnPropertyDescriptors(v)) as T;
  Object.defineProperty(copy, key, { value: mark, enumerable: false });
  return copy;
}

/** Marks a schema the swagger shares under #/definitions: the JSON pointer it is referenced by. */
const SHARED: unique symbol = Symbol.for('pcdk.sharedSchema');

/**
 * A schema the declared document holds as `#/definitions/<name>` (pcdk import writes one const
 * per shared definition): the same schema, to use wherever operation() takes one, which the
 * swagger writes as `{ "$ref": "#/definitions/<name>" }` there. The value keeps every key and mark
 * of `s` (clients and checks see the whole schema); the reference is a mark JSON never sees.
 */
export function sharedSchema<S extends TSchema>(name: string, s: S): S {
  return noteSite(withMark(s, SHARED, refTo('definitions', name)));
}

/** The `$ref` a schema written with sharedSchema() is emitted as, or undefined. */
export function sharedRefOf(s: object): string | undefined {
  const ref = (s as Record<symbol, unknown>)[SHARED];
  return typeof ref === 'string' ? ref : undefined;
}

/** Marks a parameter the swagger shares under #/parameters: how it is referenced and written there. */
const SHARED_PARAMETER: unique symbol = Symbol.for('pcdk.sharedParameter');

/** What sharedParameter() records: the reference, the parameter's name, and the keys its source leaves out. */
export interface SharedParameterMark {
  /** `#/parameters/<key>`. */
  readonly ref: string;
  /** The parameter's `name`. */
  readonly name: string;
  /** The source leaves `required` out (Swagger's default: false); the parameter is optional. */
  readonly requiredOmitted?: boolean;
  /** The source leaves `x-ms-url-encoding` out of a path parameter (path() writes `single`). */
  readonly urlEncodingOmitted?: boolean;
  /** Keys path()/query()/header() have no option for (collectionFormat, vendor keys), added as declared. */
  readonly keys?: Readonly<Record<string, unknown>>;
}

/**
 * A parameter the declared document holds as `#/parameters/<key>` (pcdk import writes one const
 * per shared parameter): the same path()/query()/header() parameter, to use in `params` under its
 * name, which the swagger writes as `{ "$ref": "#/parameters/<key>" }` there; the document's
 * entry is parameterObject() of it. The mark is invisible to JSON and Object.keys.
 */
export function sharedParameter<P extends Param>(
  key: string,
  name: string,
  p: P,
  o: Omit<SharedParameterMark, 'ref' | 'name'> = {},
): P {
  const mark: SharedParameterMark = {
    ref: refTo('parameters', key),
    name,
    ...(o.requiredOmitted ? { requiredOmitted: true } : {}),
    ...(o.urlEncodingOmitted ? { urlEncodingOmitted: true } : {}),
    ...(o.keys ? { keys: o.keys } : {}),
  };
  return noteSite(Object.freeze(withMark(p, SHARED_PARAMETER, Object.freeze(mark))));
}

/** What sharedParameter() recorded on a parameter, or undefined for any other. */
export function sharedParameterOf(p: object): SharedParameterMark | undefined {
  return (p as Record<symbol, SharedParameterMark | undefined>)[SHARED_PARAMETER];
}

/** Marks a response the swagger shares under #/responses: the JSON pointer it is referenced by. */
const SHARED_RESPONSE: unique symbol = Symbol.for('pcdk.sharedResponse');

/**
 * A response the declared document holds as `#/responses/<key>` (pcdk import writes one const per
 * shared response): the same response, to use in `responses` under a status, which the swagger
 * writes as `{ "$ref": "#/responses/<key>" }` there; the document's entry is responseObject() of
 * it. The mark is invisible to JSON and Object.keys.
 */
export function sharedResponse<R extends ResponseSpec>(
  key: string,
  r: R,
  declared?: Pick<DeclaredResponseKeys, 'headers' | 'examples'>,
): R {
  const mark: SharedResponseMark = { ref: refTo('responses', key), ...(declared ? { declared } : {}) };
  return noteSite(withMark(r, SHARED_RESPONSE, Object.freeze(mark)));
}

/** What sharedResponse() records: the reference, and the headers and examples the entry declares. */
export interface SharedResponseMark {
  readonly ref: string;
  readonly declared?: Pick<DeclaredResponseKeys, 'headers' | 'examples'>;
}

/** What sharedResponse() recorded on a response, or undefined for any other. */
export function sharedResponseOf(r: object): SharedResponseMark | undefined {
  return (r as Record<symbol, SharedResponseMark | undefined>)[SHARED_RESPONSE];
}

/** Marks a body the swagger shares under #/parameters: how it is referenced and written there. */
const SHARED_BODY: unique symbol = Symbol.for('pcdk.sharedBody');

/** What sharedBody() records: the reference, and the body parameter's own keys. */
export interface SharedBodyMark {
  /** `#/parameters/<key>`. */
  readonly ref: string;
  /** The body parameter's `name`. */
  readonly name: string;
  /** Its `required`; left out of the entry when absent (Swagger's default: false). */
  readonly required?: boolean;
  readonly description?: string;
  /** Its `x-ms-summary`. */
  readonly summary?: string;
  /** Its `x-ms-visibility`. */
  readonly visibility?: Visibility;
  /** Keys sharedBody() has no option for (vendor keys such as x-ms-parameter-location), added as declared. */
  readonly keys?: Readonly<Record<string, unknown>>;
}

/**
 * A body parameter the declared document holds as `#/parameters/<key>` (pcdk import writes one
 * const per shared parameter): the body's schema, to use as an operation's `body`, which the
 * swagger writes as `{ "$ref": "#/parameters/<key>" }` there; the document's entry is
 * bodyParameterObject() of it, derived from this schema, never a copy. The operation's
 * `bodyRequired` says what the client requires; `o.required` what the entry writes. The mark is
 * invisible to JSON and Object.keys.
 */
export function sharedBody<S extends TSchema>(
  key: string,
  name: string,
  s: S,
  o: Omit<SharedBodyMark, 'ref' | 'name'> = {},
): S {
  const mark: SharedBodyMark = {
    ref: refTo('parameters', key),
    name,
    ...(o.required !== undefined ? { required: o.required } : {}),
    ...(o.description !== undefined ? { description: o.description } : {}),
    ...(o.summary !== undefined ? { summary: o.summary } : {}),
    ...(o.visibility !== undefined ? { visibility: o.visibility } : {}),
    ...(o.keys ? { keys: o.keys } : {}),
  };
  return noteSite(withMark(s, SHARED_BODY, Object.freeze(mark)));
}

/** What sharedBody() recorded on a schema, or undefined for any other. */
export function sharedBodyOf(s: object): SharedBodyMark | undefined {
  return (s as Record<symbol, SharedBodyMark | undefined>)[SHARED_BODY];
}

/**
 * Swagger keys of the source operation, written verbatim over what operation() derives:
 * `parameters` and `responses` replace those built from params/body/responses, and every other
 * key (consumes, x-ms-trigger, x-ms-pageable, any vendor key, an empty `tags`) is written as is.
 * operationId is always the descriptor's id.
 */
// Not Omit<>: the `x-${string}` index signature would swallow the x-ms-* keys SwaggerOperation names.
export type DeclaredOperationKeys = Partial<SwaggerOperation> & { readonly operationId?: never };

/** How the source names and labels its body parameter; authored bodies are plain `body`. */
export interface DeclaredBodyParameter {
  /** The parameter's name (default `body`). */
  readonly name?: string;
  readonly description?: string;
  /** x-ms-summary */
  readonly summary?: string;
  readonly visibility?: Visibility;
}

/** Response keys an author has no field for, by status, added to the derived response. */
export interface DeclaredResponseKeys {
  readonly headers?: Readonly<Record<string, HeaderObject>>;
  /** Example bodies by media type. */
  readonly examples?: Readonly<Record<string, unknown>>;
  /**
   * The schema of a `default` response, which the model forbids there (certification rejects it:
   * DefaultResponseHasSchema) but a published connector may declare.
   */
  readonly schema?: DeclaredSchema;
  /** Vendor keys the source puts on a response (NSwag's x-nullable, for one), kept as written. */
  readonly [vendor: `x-${string}`]: unknown;
}

/** The import-only side of one operation: `operation({ ...authored fields, declared })`. */
export interface DeclaredOperation {
  /** The source operation's own keys, verbatim (see DeclaredOperationKeys). */
  readonly operation?: DeclaredOperationKeys;
  /** Keys the source operation lacks, which pcdk otherwise always writes. */
  readonly omitted?: readonly ('summary' | 'description' | 'parameters')[];
  /** The body parameter's name and labels, when the body is typed (`body`) but not named `body`. */
  readonly bodyParameter?: DeclaredBodyParameter;
  /**
   * Query and header parameters, and the body parameter, by name, whose source leaves `required`
   * out (Swagger's default: false; the body is then typed with `bodyRequired: false`).
   */
  readonly requiredOmitted?: readonly string[];
  /** Path parameters, by name, whose source leaves `x-ms-url-encoding` out (path() writes `single`). */
  readonly urlEncodingOmitted?: readonly string[];
  /** Where the body parameter stands in the source's list, when not last (where the emitter writes it). */
  readonly bodyIndex?: number;
  /**
   * The body parameter as declared, beside typed path, query and header parameters, when the
   * model cannot type it (a body that is not an object, one whose properties are named like a
   * parameter): written verbatim at `bodyIndex`, else last.
   */
  readonly body?: BodyParameterObject;
  /**
   * Keys of path, query and header parameters, by parameter name, that path()/query()/header()
   * have no option for (collectionFormat, x-ms-dynamic-list, vendor keys), added as declared.
   */
  readonly parameterKeys?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Response headers and examples by status, when the responses are typed (`responses`). */
  readonly responses?: Readonly<Record<string, DeclaredResponseKeys>>;
  /** What the path item holds besides operations: webhook payload (x-ms-notification-content), shared parameters. */
  readonly pathItem?: PathItemSpec;
}

/** The import-only side of a connector: `defineConnector({ ...authored fields, declared })`. */
export interface DeclaredConnector {
  /**
   * The swagger root as the source declares it, securityDefinitions and security included: the
   * swagger holds exactly its keys instead of those derived from the authored fields (paths still
   * come from the operations).
   */
  readonly document: DocumentSpec;
  /**
   * apiProperties as the source declares them, connection parameters (OAuth 2 settings, parameter
   * sets) included, replacing the derived ones.
   */
  readonly properties: PropertiesSpec;
  /**
   * Keys apiProperties.json holds beside `properties` (publisher, stackOwner, ... misplaced at
   * the file's root in some published connectors; the platform reads `properties` only), written
   * back at the root so the rebuilt file equals the source.
   */
  readonly propertiesRoot?: { readonly [key: string]: unknown };
}

/**
 * Whether a connector rebuilds a published one (pcdk import) rather than being authored: the one
 * predicate the descriptor rules decide severities by.
 */
export function isDeclared(c: { readonly declared?: DeclaredConnector }): boolean {
  return c.declared !== undefined;
}
