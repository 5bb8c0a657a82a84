import { isRetryable, parseRetryAfter, retryDelay, retryPolicy } from '../../src/runtime/retry';

describe('isRetryable', () => {
  test.each([
    // method, idempotent flag, status (undefined = network error), retry?
    ['GET', undefined, 429, true],
    ['POST', undefined, 429, true],
    ['GET', undefined, 503, true],
    ['PUT', undefined, 500, true],
    ['DELETE', undefined, 502, true],
    ['GET', undefined, 504, true],
    ['GET', undefined, 408, true],
    ['POST', undefined, 500, false],
    ['POST', undefined, 503, false],
    ['POST', undefined, 408, false],
    ['POST', true, 500, true],
    ['POST', undefined, undefined, false],
    ['POST', true, undefined, true],
    ['GET', undefined, undefined, true],
    ['GET', undefined, 404, false],
    ['GET', undefined, 401, false],
    ['PUT', undefined, 422, false],
    ['GET', undefined, 501, false],
  ] as const)('%s (idempotent %s) on %s -> %s', (method, idempotent, status, expected) => {
    expect(isRetryable(method, idempotent, status)).toBe(expected);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test.each([
    ['3', 3000],
    ['0', 0],
    [' 12 ', 12_000],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
  ])('%j -> %s ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
  test('absent -> undefined', () => expect(parseRetryAfter(null, now)).toBeUndefined());
});

describe('retryDelay', () => {
  const p = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 });
  test('Retry-After wins over backoff and is capped', () => {
    expect(retryDelay(0, '2', p, () => 0.5)).toBe(2000);
    expect(retryDelay(0, '3600', p, () => 0.5)).toBe(5000);
  });
  test.each([
    [0, 0, 50],
    [0, 1, 100],
    [1, 0, 100],
    [3, 1, 800],
    [6, 0, 500],
    [6, 1, 1000],
  ])('attempt %i with random %f -> %i ms (exponential, equal jitter, capped)', (attempt, r, ms) => {
    expect(retryDelay(attempt, null, p, () => r)).toBe(ms);
  });
  test('jitter spreads waits', () => {
    const waits = new Set(Array.from({ length: 20 }, () => retryDelay(2, null, p)));
    expect(waits.size).toBeGreaterThan(1);
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(200);
      expect(w).toBeLessThanOrEqual(400);
    }
  });
  test('retry: false means no retries; defaults otherwise', () => {
    expect(retryPolicy(false).limit).toBe(0);
    expect(retryPolicy(undefined)).toEqual({ limit: 2, baseDelayMs: 300, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 });
  });
});
