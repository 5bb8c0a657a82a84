/**
 * Triggers as typed descriptors. A webhook trigger is the operation that registers the hook (its
 * response stays the registration's response) plus what Power Automate needs to wire the
 * callback: the input that receives the callback URL (x-ms-notification-url) and the payload the
 * service later delivers (x-ms-notification-content), both written with `t.*`. A polling trigger
 * is a GET that Power Automate calls on a schedule (x-ms-trigger-metadata kind query, mode
 * polling), optionally carrying its state in one internal query parameter.
 * The builders return ordinary operations with a `trigger` field, so every emitter, rule and the
 * client keep treating them as operations; only the trigger-aware code reads the field.
 */
import type { HttpMethod } from '../swagger/constants';
import { operation, query, type Operation, type OperationSpec, type Param, type ResponseMap } from './operation';
import { t, type SchemaObject, type Static, type TSchema } from './schema';
import { copySite } from './source-site';

/** Where the API reads the callback URL Power Automate generates for each flow. */
export interface NotificationUrl<N extends string = string> {
  /** The body property (or query parameter) name the API expects, e.g. `target_url`. */
  readonly name: N;
  /** `body` (the default, and what certification expects) or `query`. */
  readonly in?: 'body' | 'query';
  /** x-ms-summary of the input; hidden from makers (internal), so only the docs show it. */
  readonly summary?: string;
  readonly description?: string;
}

/** The trigger part of a webhook trigger's operation. */
export interface WebhookTriggerInfo<S extends TSchema = TSchema> {
  readonly kind: 'webhook';
  /** x-ms-trigger: `batch` when one delivery carries many items (the payload is an array). */
  readonly batch: boolean;
  readonly notificationUrl: NotificationUrl;
  /** x-ms-notification-content.schema: what each delivery's JSON body holds. */
  readonly payload: S;
  /** x-ms-notification-content.description. */
  readonly payloadDescription: string;
  /** Headers each delivery carries (e.g. a signature), by name. */
  readonly headers?: Readonly<Record<string, TSchema>>;
  /** The operation (or its path template) that deletes the hook when the flow is turned off. */
  readonly unregister?: Operation | string;
  /** x-ms-trigger-hint: how a maker fires the trigger to test a flow. */
  readonly hint?: string;
  /** The API's own registration path, when several triggers register at one endpoint. */
  readonly apiPath?: string;
  /** Where the hook's id is in the registration response, when the API sends no Location. */
  readonly location?: HookLocation;
}

/**
 * Power Automate deletes a hook by calling the Location header of the registration response
 * (a 201). An API that answers with the hook's id in the body instead needs the connector to
 * supply Location: pcdk then generates script.csx, which sets it to the unregister operation's
 * URL with its one path parameter taken from `fromBody`.
 */
export interface HookLocation {
  /** Dotted path of the hook id in the registration response body, e.g. `rule.id`. */
  readonly fromBody: string;
}

/** The trigger part of a polling trigger's operation. */
export interface PollingTriggerInfo {
  readonly kind: 'polling';
  readonly batch: boolean;
  /** The query parameter that carries the poll state (a cursor, a timestamp) between polls. */
  readonly state?: string;
  readonly hint?: string;
}

export type Trigger = WebhookTriggerInfo | PollingTriggerInfo;

type AuthoredFields<P extends Record<string, Param>, B extends TSchema | undefined, R extends ResponseMap> = Omit<
  OperationSpec<P, B, R>,
  'trigger' | 'pagination' | 'declared'
>;

export interface WebhookTriggerSpec<
  P extends Record<string, Param>,
  B extends TSchema | undefined,
  R extends ResponseMap,
  S extends TSchema,
  N extends string,
> extends Omit<AuthoredFields<P, B, R>, 'method'> {
  /** The registration call's method (default post). */
  method?: HttpMethod;
  notificationUrl: NotificationUrl<N>;
  payload: S;
  /** Default: the trigger's description. */
  payloadDescription?: string;
  headers?: Readonly<Record<string, TSchema>>;
  /** Default false: one delivery, one flow run (x-ms-trigger single). */
  batch?: boolean;
  unregister?: Operation | string;
  hint?: string;
  /**
   * The path the API really registers hooks at, when it differs from `path`. A swagger path is
   * unique per method, so triggers that share one registration endpoint (one per event) each get
   * their own `path`, and the connector's generated script.csx sends them to `apiPath`. The
   * generated client calls `apiPath` directly.
   */
  apiPath?: string;
  /** The API answers without a Location header: where the hook id is in its body (see HookLocation). */
  location?: HookLocation;
}

/** The registration body with the callback URL property added: what the client sends. */
type WithUrl<B extends TSchema | undefined, N extends string> = TSchema<
  (B extends TSchema ? (Static<B> extends object ? Static<B> : Record<never, never>) : Record<never, never>) & {
    [K in N]: string;
  }
>;

/** A webhook trigger: an Operation whose `trigger` holds the typed payload. */
export type WebhookTrigger<
  P extends Record<string, Param> = Record<string, Param>,
  B extends TSchema | undefined = TSchema | undefined,
  R extends ResponseMap = ResponseMap,
  S extends TSchema = TSchema,
> = Operation<P, B, R> & { readonly trigger: WebhookTriggerInfo<S> };

export type PollingTrigger<
  P extends Record<string, Param> = Record<string, Param>,
  R extends ResponseMap = ResponseMap,
> = Operation<P, undefined, R> & { readonly trigger: PollingTriggerInfo };

/** The payload type of a webhook trigger's deliveries. */
export type PayloadOf<O> = O extends { readonly trigger: WebhookTriggerInfo<infer S> } ? Static<S> : never;

/** The callback URL input: a required internal string, marked x-ms-notification-url. */
function urlSchema(u: NotificationUrl): TSchema<string> {
  // The key is outside the authoring SchemaObject (the importer types only the builders' keys);
  // the emitter writes every schema key it does not order itself, so it reaches the swagger.
  return Object.assign(
    t.string({
      title: u.summary ?? 'Callback URL',
      description: u.description ?? 'The URL Power Automate sends each notification to.',
      visibility: 'internal',
    }),
    { 'x-ms-notification-url': true },
  );
}

/** `body` with the URL property first and required; a copy, so a shared body stays untouched. */
function bodyWithUrl(body: SchemaObject | undefined, u: NotificationUrl): SchemaObject {
  const url = urlSchema(u);
  if (!body) return t.object({ [u.name]: url });
  const copy: SchemaObject = {
    ...body,
    properties: { [u.name]: url, ...body.properties },
    required: [u.name, ...(body.required ?? []).filter((r) => r !== u.name)],
  };
  return copySite(body, copy);
}

export function webhookTrigger<
  // biome-ignore lint/complexity/noBannedTypes: `{}` is the type of no parameters, as in operation().
  const P extends Record<string, Param> = {},
  B extends TSchema | undefined = undefined,
  const R extends ResponseMap = ResponseMap,
  S extends TSchema = TSchema,
  const N extends string = string,
>(spec: WebhookTriggerSpec<P, B, R, S, N>): WebhookTrigger<P, WithUrl<B, N>, R, S> {
  const { notificationUrl, payload, payloadDescription, headers, batch, unregister, hint, apiPath, location, ...op } =
    spec;
  const inQuery = notificationUrl?.in === 'query';
  const trigger: WebhookTriggerInfo<S> = {
    kind: 'webhook',
    batch: batch ?? false,
    notificationUrl,
    payload,
    payloadDescription: payloadDescription ?? spec.description,
    ...(headers ? { headers } : {}),
    ...(unregister !== undefined ? { unregister } : {}),
    ...(hint !== undefined ? { hint } : {}),
    ...(apiPath !== undefined ? { apiPath } : {}),
    ...(location !== undefined ? { location } : {}),
  };
  // Without a notificationUrl (plain JavaScript, a cast) the operation is built as written and the
  // descriptor rule `trigger-notification-url-missing` says what is missing.
  const params = (
    notificationUrl && inQuery
      ? {
          // First, so that a params entry of the same name replaces it and the rule
          // trigger-notification-url-invalid reports the clash instead of a silent override.
          [notificationUrl.name]: query(urlSchema(notificationUrl), { required: true, visibility: 'internal' }),
          ...op.params,
        }
      : op.params
  ) as P;
  const body = (notificationUrl && !inQuery ? bodyWithUrl(op.body, notificationUrl) : op.body) as WithUrl<B, N>;
  return operation({ ...op, method: op.method ?? 'post', params, body, trigger }) as WebhookTrigger<
    P,
    WithUrl<B, N>,
    R,
    S
  >;
}

export interface PollingTriggerSpec<P extends Record<string, Param>, R extends ResponseMap>
  extends Omit<AuthoredFields<P, undefined, R>, 'method' | 'body' | 'bodyRequired'> {
  /** Default false (x-ms-trigger single); true when each poll returns a list, one run per item. */
  batch?: boolean;
  /** The query parameter among `params` that carries the poll state (internal). */
  state?: keyof P & string;
  hint?: string;
}

/** A polling trigger: always a GET, polled by Power Automate. */
export function pollingTrigger<
  // biome-ignore lint/complexity/noBannedTypes: `{}` is the type of no parameters, as in operation().
  const P extends Record<string, Param> = {},
  const R extends ResponseMap = ResponseMap,
>(spec: PollingTriggerSpec<P, R>): PollingTrigger<P, R> {
  const { batch, state, hint, ...op } = spec;
  const trigger: PollingTriggerInfo = {
    kind: 'polling',
    batch: batch ?? false,
    ...(state !== undefined ? { state } : {}),
    ...(hint !== undefined ? { hint } : {}),
  };
  return operation<P, undefined, R>({ ...op, method: 'get', trigger }) as PollingTrigger<P, R>;
}

/** The path the API serves an operation at: a webhook trigger's apiPath, else its swagger path. */
export function apiPathOf(op: { readonly path: string; readonly trigger?: Trigger }): string {
  return op.trigger?.kind === 'webhook' && op.trigger.apiPath !== undefined ? op.trigger.apiPath : op.path;
}
