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
import { redactError, redactorFor, type Redactor } from './redact';
import { type DeadlineSlot, DeadlineSlots } from './deadline';
import { normalizeBaseUrl, requestBuilder, type PreparedRequest, type RequestBuilder } from './request';
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
  if (config.auth.in !== 'none' && (typeof options?.apiSecret !== 'string' || options.apiSecret === '')) {
    throw new ClientError('createClient needs apiSecret (a non-empty string)');
  }
  const secret = options.apiSecret ?? '';
  const redact = redactorFor(secret);
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

  async function call(operationId: string, params: object = {}, o: CallOptions = {}): Promise<unknown> {
    let build = builders.get(operationId);
    if (build === undefined) {
      const route = config.operations[operationId];
      // Own keys only: "toString" or "__proto__" is no operation.
      if (!route || !Object.hasOwn(config.operations, operationId))
        throw new ClientError(`unknown operation "${operationId}"`);
      build = requestBuilder(operationId, route, baseUrl, config.auth, secret);
      builders.set(operationId, build);
    }
    const op = config.operations[operationId]!;
    const req = build(params as Record<string, unknown>);
    const aborted = (): Error => new AbortError(operationId);
    const timeoutMs = o.timeoutMs ?? defaultTimeout;
    for (let attempt = 0; ; attempt++) {
      // The limiter's common case is synchronous: no promise, no extra turn of the event loop.
      const sent = limiter ? (limiter.tryAcquire() ?? (await limiter.acquire(o.signal, aborted))) : undefined;
      const r = await attemptOnce(ctx, operationId, req, op.method, timeoutMs, o.signal, sent);
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
    for (let page = Number(base[spec.pageParam] ?? 1); ; page++) {
      // Only this page is referenced while its items are consumed; the next is fetched on demand.
      const body = await call(operationId, { ...base, [spec.pageParam]: page }, o);
      const items = at(body, spec.itemsPath);
      if (!Array.isArray(items) || items.length === 0) return;
      yield* items;
      if (spec.totalPagesPath !== undefined) {
        const total = at(body, spec.totalPagesPath);
        if (typeof total !== 'number' || page >= total) return;
      }
    }
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

/** The value at a dotted path; the empty path is the value itself (a list that is the whole body). */
function at(value: unknown, dotted: string): unknown {
  if (dotted === '') return value;
  let cur = value;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
