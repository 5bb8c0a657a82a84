/**
 * When to retry and how long to wait. A 429 means the request was refused, so any method may
 * repeat it; 408/5xx and network errors may have happened after the server acted, so only
 * idempotent methods (or operations the descriptor marks idempotent) repeat them.
 */
import type { RetryOptions } from './types';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRY_IF_IDEMPOTENT = new Set([408, 500, 502, 503, 504]);

export interface RetryPolicy {
  limit: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export function retryPolicy(o: RetryOptions | false | undefined): RetryPolicy {
  if (o === false) return { limit: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
  return {
    limit: o?.limit ?? 2,
    baseDelayMs: o?.baseDelayMs ?? 300,
    maxDelayMs: o?.maxDelayMs ?? 10_000,
    maxRetryAfterMs: o?.maxRetryAfterMs ?? 60_000,
  };
}

/** `status` undefined = a network error (no response). */
export function isRetryable(method: string, idempotent: boolean | undefined, status?: number): boolean {
  if (status === 429) return true;
  if (status !== undefined && !RETRY_IF_IDEMPOTENT.has(status)) return false;
  return idempotent === true || IDEMPOTENT_METHODS.has(method);
}

/** Retry-After as delta-seconds or an HTTP-date, in ms from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP-date names its day and month; this also keeps Date.parse from reading "-1" as a year.
  const at = /[a-z]/i.test(v) ? Date.parse(v) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Wait before retry number `attempt` (0-based): Retry-After when given (capped), else
 * exponential backoff with equal jitter (half fixed, half random), capped.
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null,
  p: RetryPolicy,
  random: () => number = Math.random,
  nowMs = Date.now(),
): number {
  const ra = parseRetryAfter(retryAfter, nowMs);
  if (ra !== undefined) return Math.min(ra, p.maxRetryAfterMs);
  const exp = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** attempt);
  return exp / 2 + random() * (exp / 2);
}
