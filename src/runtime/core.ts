/**
 * The request core of a generated client: limiter, per-attempt timeout, caller cancellation,
 * retries, response decoding and typed errors, on the global fetch (or the one given).
 */
import { sleep, systemClock, type Clock } from './clock';
import {
  AbortError,
  ClientError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  type ErrorBody,
} from './errors';
import { SlidingWindowLimiter } from './limiter';
import { credentialsFor, type AuthClientConfig, type AuthClientOptions, type Signer } from './auth';
import { redactError, type Redactor } from './redact';
import { type DeadlineSlot, DeadlineSlots } from './deadline';
import { normalizeBaseUrl, requestBuilder, type PreparedRequest, type RequestBuilder } from './request';
import { pageItems } from './paginate';
import { isRetryable, retryDelay, retryPolicy } from './retry';
import type {
  CallOptions,
  ClientAbortSignal,
  ClientConfig,
  ClientOptions,
  FetchInit,
  FetchLike,
  FetchResponse,
} from './types';

export interface Core {
  call(operationId: string, params?: object, options?: CallOptions): Promise<unknown>;
  paginate(operationId: string, params?: object, options?: CallOptions): AsyncGenerator<unknown, void, undefined>;
}

/** Test seams; not part of the generated client's typed options. */
export interface CoreInternals {
  clock?: Clock;
  random?: () => number;
}

export function createCore(config: ClientConfig, options: ClientOptions, internals: CoreInternals = {}): Core {
  return createAuthCore(config, options, internals);
}

/**
 * createCore for every auth kind (src/runtime/auth.ts): what generated OAuth and basic clients
 * call. Kept apart so the public createCore and ClientOptions keep their API-key shape.
 */
export function createAuthCore(
  config: AuthClientConfig,
  options: AuthClientOptions,
  internals: CoreInternals = {},
  signers: readonly Signer[] = [],
): Core {
  const creds = credentialsFor(config.auth, options, signers);
  const redact = creds.redact;
  const clock = internals.clock ?? systemClock;
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? config.baseUrl);
  const rl = options.rateLimit === undefined ? config.rateLimit : options.rateLimit;
  const limiter = rl ? new SlidingWindowLimiter(rl.calls, rl.windowMs, clock) : undefined;
  const policy = retryPolicy(options.retry);
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const deadlines = new DeadlineSlots(clock);
  const ctx: AttemptContext = { doFetch, deadlines, clock, redact };
  // Each operation's request builder, made on first use (it splits the path template once).
  const builders = new Map<string, RequestBuilder>();

  function builderFor(operationId: string): RequestBuilder {
    let build = builders.get(operationId);
    if (build === undefined) {
      const route = config.operations[operationId];
      // Own keys only: "toString" or "__proto__" is no operation.
      if (!route || !Object.hasOwn(config.operations, operationId))
        throw new ClientError(`unknown operation "${operationId}"`);
      build = requestBuilder(operationId, route, baseUrl, creds.route, creds.secret);
      builders.set(operationId, build);
    }
    return build;
  }

  async function call(operationId: string, params: object = {}, o: CallOptions = {}): Promise<unknown> {
    return send(operationId, builderFor(operationId)(params as Record<string, unknown>), o);
  }

  async function send(operationId: string, req: PreparedRequest, o: CallOptions): Promise<unknown> {
    const op = config.operations[operationId]!;
    const aborted = (): Error => new AbortError(operationId);
    const timeoutMs = o.timeoutMs ?? defaultTimeout;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const authorization = creds.authorization && (await creds.authorization());
      // The limiter's common case is synchronous: no promise, no extra turn of the event loop.
      const sent = limiter ? (limiter.tryAcquire() ?? (await limiter.acquire(o.signal, aborted))) : undefined;
      const sending = authorization ? { ...req, headers: { ...req.headers, authorization } } : req;
      const r = await attemptOnce(ctx, operationId, sending, op.method, timeoutMs, o.signal, sent);
      const more = attempt < policy.limit;
      if ('error' in r) {
        if (more && r.retryable && isRetryable(op.method, op.idempotent)) {
          await sleep(retryDelay(attempt, null, policy, internals.random), o.signal, aborted, clock);
          continue;
        }
        throw r.error;
      }
      const { res, text } = r;
      if (res.status >= 200 && res.status < 300) return decode(operationId, res, text);
      // An expired token: one fresh one and one more try, outside the retry budget.
      if (res.status === 401 && authorization && !renewed && creds.renew(authorization)) {
        renewed = true;
        attempt--;
        continue;
      }
      if (more && isRetryable(op.method, op.idempotent, res.status)) {
        await sleep(
          retryDelay(attempt, res.headers.get('retry-after'), policy, internals.random),
          o.signal,
          aborted,
          clock,
        );
        continue;
      }
      throw httpError(operationId, res, text, redact);
    }
  }

  async function* paginate(
    operationId: string,
    params: object = {},
    o: CallOptions = {},
  ): AsyncGenerator<unknown, void, undefined> {
    const spec = config.operations[operationId]?.pagination;
    if (!spec) throw new ClientError(`${operationId} is not paginated`, operationId);
    const base = params as Record<string, unknown>;
    // Next links reuse the first request (headers, body, secret) with the URL the API names.
    const first = builderFor(operationId)(base);
    yield* pageItems(operationId, spec, base, {
      page: (p) => call(operationId, p, o),
      follow: (url) => send(operationId, { ...first, url }, o),
      firstUrl: first.url,
      ...(config.auth.in === 'query' ? { authQuery: config.auth.name } : {}),
    });
  }

  return { call, paginate };
}

/** What every attempt of one client shares. */
interface AttemptContext {
  doFetch: FetchLike;
  deadlines: DeadlineSlots;
  clock: Clock;
  redact: Redactor;
}

type Attempt = { res: FetchResponse; text: string } | { error: ClientError; retryable: boolean };

/**
 * One attempt under its own timeout, linked to the caller's signal. Never throws. Without a
 * caller signal the timeout is a shared deadline slot (see deadline.ts); with one, the attempt
 * needs a signal of its own anyway, so it gets an exact timer too.
 */
async function attemptOnce(
  ctx: AttemptContext,
  operationId: string,
  req: PreparedRequest,
  method: string,
  timeoutMs: number,
  signal: ClientAbortSignal | undefined,
  sent: (() => void) | undefined,
): Promise<Attempt> {
  if (signal?.aborted) return { error: new AbortError(operationId), retryable: false };
  const init: FetchInit = { method, headers: req.headers };
  if (req.body !== undefined) init.body = req.body;
  // timeoutMs 0 = no timer and no signal of our own (fetch links any signal at a cost per call).
  const timed = timeoutMs > 0 && timeoutMs < Infinity;
  let slot: DeadlineSlot | undefined;
  let ctl: AbortController | undefined;
  let timer: unknown;
  let timedOut = false;
  const onAbort = (): void => ctl?.abort();
  if (timed && signal) {
    ctl = new AbortController();
    const own = ctl;
    timer = ctx.clock.setTimeout(() => {
      timedOut = true;
      own.abort();
    }, timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    init.signal = ctl.signal;
  } else if (timed) {
    slot = ctx.deadlines.join(timeoutMs);
    init.signal = slot.controller.signal;
  } else if (signal) {
    init.signal = signal;
  }
  try {
    sent?.();
    const res = await ctx.doFetch(req.url, init);
    return { res, text: await res.text() };
  } catch (e) {
    if (timedOut || slot?.expired) return { error: new TimeoutError(operationId, timeoutMs), retryable: false };
    if (signal?.aborted) return { error: new AbortError(operationId), retryable: false };
    return { error: new NetworkError(operationId, redactError(e, ctx.redact)), retryable: true };
  } finally {
    if (slot) ctx.deadlines.leave(slot);
    if (ctl) {
      ctx.clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** 204 and empty bodies are undefined; anything else must be JSON. */
function decode(operationId: string, res: FetchResponse, text: string): unknown {
  if (res.status === 204 || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InvalidResponseError(operationId, res.status, (e as Error).message);
  }
}

function httpError(operationId: string, res: FetchResponse, text: string, redact: Redactor): HttpError {
  const type = res.headers.get('content-type') ?? '';
  let body: ErrorBody | undefined;
  if (/json/i.test(type)) {
    try {
      const parsed: unknown = JSON.parse(redact(text));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as ErrorBody;
    } catch {
      // Not JSON after all: kept below as text.
    }
  }
  const snippet = body === undefined && text.trim() !== '' ? redact(text.slice(0, 500)) : undefined;
  return new HttpError(operationId, res.status, res.statusText, body, snippet);
}
