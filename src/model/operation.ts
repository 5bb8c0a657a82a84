/**
 * Operation descriptors: one value per connector action. Shapes that certification forbids are
 * made unrepresentable where the type system can do it (path parameters are always required and
 * single-encoded; a `default` response cannot carry a schema); the rest is caught by validate.
 */
import { REASONS, type HttpMethod } from '../swagger/constants';
import type { DeclaredOperation } from './declared';
import type { DynamicValues } from './dynamic';
import type { SchemaObject, Static, TSchema, Visibility } from './schema';
import { noteSite } from './source-site';
import type { Trigger } from './trigger';

export type { HttpMethod } from '../swagger/constants';
export type ParamLocation = 'path' | 'query' | 'header' | 'formData';

export interface ParamOptions {
  visibility?: Visibility;
  dynamicValues?: DynamicValues;
  /** x-ms-test-value, shown to certification testers. Never a credential. */
  testValue?: unknown;
}

export interface Param<S extends TSchema = TSchema, R extends boolean = boolean> {
  readonly kind: 'param';
  readonly in: ParamLocation;
  readonly schema: S;
  readonly required: R;
  readonly visibility?: Visibility;
  readonly dynamicValues?: DynamicValues;
  readonly testValue?: unknown;
}

/** query() and header() options only: a path parameter is always written required. */
export interface OptionalParamOptions<R extends boolean> extends ParamOptions {
  required?: R;
}

function param<S extends TSchema, R extends boolean>(
  loc: ParamLocation,
  schema: S,
  required: R,
  o: ParamOptions,
): Param<S, R> {
  const p: { -readonly [K in keyof Param<S, R>]: Param<S, R>[K] } = { kind: 'param', in: loc, schema, required };
  if (o.visibility !== undefined) p.visibility = o.visibility;
  if (o.dynamicValues !== undefined) p.dynamicValues = o.dynamicValues;
  if (o.testValue !== undefined) p.testValue = o.testValue;
  return noteSite(Object.freeze(p));
}

/** A path parameter: always required, always x-ms-url-encoding single. */
export function path<S extends TSchema>(schema: S, o: ParamOptions = {}): Param<S, true> {
  return param('path', schema, true, o);
}
export function query<S extends TSchema, R extends boolean = false>(
  schema: S,
  o: OptionalParamOptions<R> = {},
): Param<S, R> {
  return param('query', schema, (o.required ?? false) as R, o);
}
/**
 * A form field (Swagger 2.0 `in: formData`): sent in the request body, which the operation's
 * `consumes` names as application/x-www-form-urlencoded, or multipart/form-data when a field is a
 * file (t.file()). An operation takes form fields or a JSON `body`, never both.
 */
export function formData<S extends TSchema, R extends boolean = false>(
  schema: S,
  o: OptionalParamOptions<R> = {},
): Param<S, R> {
  return param('formData', schema, (o.required ?? false) as R, o);
}
export function header<S extends TSchema, R extends boolean = false>(
  schema: S,
  o: OptionalParamOptions<R> = {},
): Param<S, R> {
  return param('header', schema, (o.required ?? false) as R, o);
}

export interface ResponseSpec<S extends TSchema | undefined = TSchema | undefined> {
  readonly description: string;
  readonly schema?: S;
  readonly summary?: string;
}
/** `default` documents errors only: certification rejects a schema there (DefaultResponseHasSchema). */
export interface DefaultResponseSpec {
  readonly description: string;
  readonly schema?: never;
}
export type ResponseMap = { readonly [status: number]: TSchema | ResponseSpec } & {
  readonly default?: DefaultResponseSpec;
};

export function response<S extends TSchema | undefined>(description: string, schema?: S): ResponseSpec<S> {
  return schema === undefined ? { description } : { description, schema };
}

/** How a list operation pages, so clients can iterate it one page at a time. */
export type Pagination =
  /** `page` in the query, `total_pages` in the response. */
  | {
      readonly style: 'page-number';
      readonly pageParam: string;
      readonly itemsPath: string;
      readonly totalPagesPath: string;
    }
  /** `page` in the query; stop at the first empty page (the API reports no total). */
  | { readonly style: 'page-until-empty'; readonly pageParam: string; readonly itemsPath: string }
  /**
   * The response names the next page's URL (absolute or relative) at `nextLinkPath`, a top-level
   * property: written as x-ms-pageable, so Power Automate pages it too. No link = last page.
   */
  | { readonly style: 'next-link'; readonly nextLinkPath: string; readonly itemsPath: string }
  /** The response's `nextCursorPath` goes back in the `cursorParam` query parameter; none = last page. */
  | {
      readonly style: 'cursor';
      readonly cursorParam: string;
      readonly nextCursorPath: string;
      readonly itemsPath: string;
    };

export interface OperationSpec<P extends Record<string, Param>, B extends TSchema | undefined, R extends ResponseMap> {
  /** The operationId. Stable: flows in the field call it. */
  id: string;
  method: HttpMethod;
  /** Path template relative to basePath, e.g. `/forms/{form_id}/subscribe`. */
  path: string;
  summary: string;
  description: string;
  visibility?: Visibility;
  deprecated?: boolean;
  tags?: readonly string[];
  /** Safe to retry on 5xx and network errors even though the method is not idempotent. */
  idempotent?: boolean;
  /**
   * The generated client's method name (camelCase). Conventionally the descriptor's exported
   * const name; when absent the client uses the operationId with a lower-case first letter.
   */
  clientName?: string;
  params?: P;
  /**
   * The JSON body. An object schema's top-level properties become client parameters side by side
   * with params; any other schema (an array, a string, an untyped value) is taken whole under the
   * input `body` (WHOLE_BODY_INPUT).
   */
  body?: B;
  /** Whether the body parameter is required (default true when there is a body). */
  bodyRequired?: boolean;
  /**
   * The media types the request body is sent as, when not the connector's (application/json):
   * an operation with formData() fields names application/x-www-form-urlencoded or
   * multipart/form-data here.
   */
  consumes?: readonly string[];
  responses: R;
  pagination?: Pagination;
  /** Set by webhookTrigger() and pollingTrigger() (src/model/trigger.ts), never by hand. */
  trigger?: Trigger;

  /**
   * What an existing connector declares beyond these fields (written by pcdk import, never by an
   * author): the source's own swagger keys and the labels the derived ones lack.
   */
  declared?: DeclaredOperation;
}

export interface Operation<
  P extends Record<string, Param> = Record<string, Param>,
  B extends TSchema | undefined = TSchema | undefined,
  R extends ResponseMap = ResponseMap,
> extends Readonly<OperationSpec<P, B, R>> {
  readonly kind: 'operation';
  readonly params: P;
}

export function operation<
  // biome-ignore lint/complexity/noBannedTypes: `{}` is the type of no parameters; Record<never, never> reads worse in every hover.
  const P extends Record<string, Param> = {},
  B extends TSchema | undefined = undefined,
  const R extends ResponseMap = ResponseMap,
>(spec: OperationSpec<P, B, R>): Operation<P, B, R> {
  return noteSite(Object.freeze({ ...spec, params: (spec.params ?? {}) as P, kind: 'operation' as const }));
}

/** Whether an operation sends form fields (formData()) rather than a JSON body. */
export function hasFormFields(op: Pick<Operation, 'params'>): boolean {
  return Object.values(op.params).some((p) => p.in === 'formData');
}

/** Names a generated client keeps for itself: no operation may take them as its method name. */
export const CLIENT_RESERVED_NAMES: ReadonlySet<string> = new Set([
  'call',
  'iterate',
  'constructor',
  'toString',
  'then',
]);

/** The generated client's method name: clientName, else the operationId with a lower-case first letter. */
export function clientMethodName(op: Pick<Operation, 'id' | 'clientName'>): string {
  return op.clientName ?? op.id.charAt(0).toLowerCase() + op.id.slice(1);
}

/** The client input that carries a body that is not an object schema, whole. */
export const WHOLE_BODY_INPUT = 'body';

/**
 * Whether the body is taken whole under WHOLE_BODY_INPUT rather than spread into its properties:
 * only an object schema has properties a caller can name one by one.
 */
export function isWholeBody(body: SchemaObject | undefined): boolean {
  return body !== undefined && body.type !== 'object';
}

/**
 * The client inputs the body adds, with which of them are required: an object body's top-level
 * properties, or the whole body under WHOLE_BODY_INPUT (required unless bodyRequired is false).
 */
export function bodyInputs(op: Pick<Operation, 'body' | 'bodyRequired'>): {
  properties: Record<string, SchemaObject>;
  required: readonly string[];
} {
  const b = op.body;
  if (!b) return { properties: {}, required: [] };
  if (isWholeBody(b))
    return { properties: { [WHOLE_BODY_INPUT]: b }, required: op.bodyRequired === false ? [] : [WHOLE_BODY_INPUT] };
  return { properties: b.properties ?? {}, required: b.required ?? [] };
}

/** Normalizes a response map entry to {description, schema}. */
export function responseSpec(status: string, entry: TSchema | ResponseSpec | DefaultResponseSpec): ResponseSpec {
  if (isResponseSpec(entry)) return entry;
  return { description: REASONS[status] ?? 'Success', schema: entry };
}
function isResponseSpec(e: unknown): e is ResponseSpec {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as ResponseSpec).description === 'string' &&
    !('type' in e) &&
    !('properties' in e)
  );
}

/** The schema of the success (2xx) response that carries one, if any. */
export function successSchema(op: Pick<Operation, 'responses'>): SchemaObject | undefined {
  for (const [status, entry] of Object.entries(op.responses)) {
    if (/^2\d\d$/.test(status) && entry) {
      const s = responseSpec(status, entry).schema;
      if (s) return s;
    }
  }
  return undefined;
}

// ---- static types derived from a descriptor, used by the generated client ----

type ParamsStatic<P extends Record<string, Param>> = {
  -readonly [K in keyof P as P[K]['required'] extends true ? K : never]: Static<P[K]['schema']>;
} & {
  -readonly [K in keyof P as P[K]['required'] extends true ? never : K]?: Static<P[K]['schema']>;
};
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** What an operation without a body adds to its input: nothing. */
type NoInput = Record<never, never>;
/** Whether a body of type T is taken whole (isWholeBody): anything but a plain object. */
type IsWhole<T> = unknown extends T
  ? true
  : [NonNullable<T>] extends [readonly unknown[]]
    ? true
    : [NonNullable<T>] extends [object]
      ? false
      : true;
/** An object body adds its top-level properties; any other body is one input, `body` (WHOLE_BODY_INPUT). */
type BodyInput<B> = B extends TSchema ? (IsWhole<Static<B>> extends true ? { body: Static<B> } : Static<B>) : NoInput;

/** One object: path, query and header parameters by name plus the body's inputs. */
export type InputOf<O> =
  O extends Operation<infer P, infer B, ResponseMap> ? Simplify<ParamsStatic<P> & BodyInput<B>> : never;
type SuccessOf<R> = {
  [K in keyof R]: K extends 200 | 201 | 202 | 203 | 204 | 206 | '200' | '201' | '202' | '203' | '204' | '206'
    ? R[K] extends TSchema
      ? Static<R[K]>
      : R[K] extends ResponseSpec<infer S>
        ? S extends TSchema
          ? Static<S>
          : undefined
        : never
    : never;
}[keyof R];
export type OutputOf<O> =
  O extends Operation<Record<string, Param>, TSchema | undefined, infer R> ? SuccessOf<R> : never;
