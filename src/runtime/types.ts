/**
 * The public shapes of a generated client and the operation table it is built from. Structural
 * types only (no DOM or Node types), so a consumer type-checks the package with nothing but
 * `lib: ["es2022"]`.
 */

/** The parts of an AbortSignal the client uses; declared here so its types need no DOM or Node lib. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The global AbortSignal where the consumer's libs declare one (DOM or @types/node), so the
 * global fetch fits FetchLike and a real signal fits CallOptions; AbortSignalLike where they don't.
 */
export type ClientAbortSignal = typeof globalThis extends { AbortSignal: { prototype: infer S } } ? S : AbortSignalLike;

export type ParamIn = 'path' | 'query' | 'header';

/** One operation as the client needs it; everything else stays in the descriptor. */
export interface OperationRoute {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path template relative to the base URL, e.g. `forms/{form_id}/subscribe`. */
  readonly path: string;
  /** Where each non-body parameter goes. Names not listed here go to the JSON body. */
  readonly params: Readonly<Record<string, ParamIn>>;
  /**
   * Whether the operation takes a JSON body: `true` = the names not listed in params are its
   * top-level properties; a name = that input is the whole body (an array, a string...).
   */
  readonly body?: true | string;
  /** Safe to retry on 5xx and network errors although the method is not idempotent. */
  readonly idempotent?: boolean;
  readonly pagination?: PageSpec;
  /**
   * Values sent when the caller gives none: the defaults of required internal parameters, which
   * callers never see but the API needs (Power Automate fills them in the same way).
   */
  readonly defaults?: Readonly<Record<string, unknown>>;
}

/**
 * How a list pages. Page number (no `style`): `totalPagesPath` given = stop at the last page,
 * absent = at the first empty page. `next-link`: follow the URL at `nextLinkPath` until there is
 * none. `cursor`: send the response's `nextCursorPath` back as `cursorParam` until there is none.
 */
export type PageSpec =
  | {
      readonly style?: undefined;
      readonly pageParam: string;
      readonly itemsPath: string;
      readonly totalPagesPath?: string;
    }
  | { readonly style: 'next-link'; readonly nextLinkPath: string; readonly itemsPath: string }
  | {
      readonly style: 'cursor';
      readonly cursorParam: string;
      readonly nextCursorPath: string;
      readonly itemsPath: string;
    };

/** How the secret travels; derived from the descriptor's auth. */
export type AuthRoute = { readonly in: 'query' | 'header'; readonly name: string } | { readonly in: 'none' };

export interface ClientConfig {
  readonly baseUrl: string;
  readonly auth: AuthRoute;
  /** The descriptor's throttling policy: the limiter's default. */
  readonly rateLimit?: RateLimitOptions;
  readonly operations: Readonly<Record<string, OperationRoute>>;
}

/** What the client needs from a fetch implementation (the global fetch fits). */
export interface FetchResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: ClientAbortSignal;
}
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** At most `calls` requests in any window of `windowMs` milliseconds, per client. */
export interface RateLimitOptions {
  calls: number;
  windowMs: number;
}

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  limit?: number;
  /** First backoff step in ms (default 300); doubles each retry, with jitter. */
  baseDelayMs?: number;
  /** Upper bound of one backoff wait in ms (default 10000). */
  maxDelayMs?: number;
  /** Longest Retry-After honoured, in ms (default 60000); longer values are cut to this. */
  maxRetryAfterMs?: number;
}

export interface ClientOptions {
  apiSecret: string;
  baseUrl?: string;
  fetch?: FetchLike;
  /** Proactive limiter; default from the descriptor's throttling. `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** `false` turns retries off. */
  retry?: RetryOptions | false;
  /**
   * Per attempt, in ms (default 30000); 0 = none. Calls without a signal of their own share
   * timers, so their abort may come up to timeoutMs / 64 late (0.5 s of 30 s).
   */
  timeoutMs?: number;
}

export interface CallOptions {
  signal?: ClientAbortSignal;
  timeoutMs?: number;
}

/**
 * `call`'s arguments after the operationId: the operation's params (optional when it requires
 * none) and options. `Record<never, never> extends P` holds exactly when every key of P is optional.
 */
export type CallArgs<P> =
  Record<never, never> extends P ? [params?: P, options?: CallOptions] : [params: P, options?: CallOptions];
