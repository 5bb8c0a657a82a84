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
import type { DeclaredSchema, HeaderObject, SwaggerOperation } from '../swagger/document';
import type { DocumentSpec, PathItemSpec } from './document';
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
}

/** The import-only side of one operation: `operation({ ...authored fields, declared })`. */
export interface DeclaredOperation {
  /** The source operation's own keys, verbatim (see DeclaredOperationKeys). */
  readonly operation?: DeclaredOperationKeys;
  /** Keys the source operation lacks, which pcdk otherwise always writes. */
  readonly omitted?: readonly ('summary' | 'description' | 'parameters')[];
  /** The body parameter's name and labels, when the body is typed (`body`) but not named `body`. */
  readonly bodyParameter?: DeclaredBodyParameter;
  /** Query and header parameters, by name, whose source leaves `required` out (Swagger's default: false). */
  readonly requiredOmitted?: readonly string[];
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
}

/**
 * Whether a connector rebuilds a published one (pcdk import) rather than being authored: the one
 * predicate the descriptor rules decide severities by.
 */
export function isDeclared(c: { readonly declared?: DeclaredConnector }): boolean {
  return c.declared !== undefined;
}
