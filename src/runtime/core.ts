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
import { normalizeBaseUrl, prepareRequest } from './request';
import { isRetryable, retryDelay, retryPolicy } from './retry';
import type { CallOptions, ClientConfig, ClientOptions, FetchInit, FetchLike, FetchResponse } from './types';

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

  async function call(operationId: string, params: object = {}, o: CallOptions = {}): Promise<unknown> {
    const op = config.operations[operationId];
    if (!op) throw new ClientError(`unknown operation "${operationId}"`);
    const req = prepareRequest(operationId, op, params as Record<string, unknown>, baseUrl, config.auth, secret);
    const aborted = (): Error => new AbortError(operationId);
    const timeoutMs = o.timeoutMs ?? defaultTimeout;
    for (let attempt = 0; ; attempt++) {
      const sent = limiter ? await limiter.acquire(o.signal, aborted) : undefined;
      const r = await attemptOnce(operationId, doFetch, req, op.method, timeoutMs, o.signal, redact, sent);
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

type Attempt = { res: FetchResponse; text: string } | { error: ClientError; retryable: boolean };

/** One attempt under its own timeout, linked to the caller's signal. Never throws. */
async function attemptOnce(
  operationId: string,
  doFetch: FetchLike,
  req: { url: string; headers: Record<string, string>; body?: string },
  method: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  redact: Redactor,
  sent?: () => void,
): Promise<Attempt> {
  if (signal?.aborted) return { error: new AbortError(operationId), retryable: false };
  // timeoutMs 0 = no timer and no signal of our own (fetch links any signal at a cost per call).
  const timed = timeoutMs > 0 && timeoutMs < Infinity;
  const ctl = timed ? new AbortController() : undefined;
  let timedOut = false;
  const timer = ctl
    ? setTimeout(() => {
        timedOut = true;
        ctl.abort();
      }, timeoutMs)
    : undefined;
  const onAbort = (): void => ctl?.abort();
  if (ctl) signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const init: FetchInit = { method, headers: req.headers };
    const linked = ctl?.signal ?? signal;
    if (linked) init.signal = linked;
    if (req.body !== undefined) init.body = req.body;
    sent?.();
    const res = await doFetch(req.url, init);
    return { res, text: await res.text() };
  } catch (e) {
    if (timedOut) return { error: new TimeoutError(operationId, timeoutMs), retryable: false };
    if (signal?.aborted) return { error: new AbortError(operationId), retryable: false };
    return { error: new NetworkError(operationId, redactError(e, redact)), retryable: true };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (ctl) signal?.removeEventListener('abort', onAbort);
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

function at(value: unknown, dotted: string): unknown {
  let cur = value;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
