import type { Clock } from '../../src/runtime/clock';
import { SlidingWindowLimiter } from '../../src/runtime/limiter';
import { FakeClock, flush } from './fake-clock';

/** The largest number of grants inside any half-open window [t, t + w). */
function maxInWindow(times: number[], w: number): number {
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i]! - s[j]! >= w) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('SlidingWindowLimiter (fake clock)', () => {
  test.each([
    // calls, windowMs, concurrent callers, arrival spread (ms)
    [100, 60_000, 200, 0],
    [10, 1_000, 200, 0],
    [7, 500, 200, 1_300],
    [1, 100, 20, 0],
  ])(
    '%i per %i ms with %i concurrent calls (arrivals over %i ms): no window ever exceeds the limit',
    async (calls, windowMs, n, spread) => {
      const clock = new FakeClock();
      const limiter = new SlidingWindowLimiter(calls, windowMs, clock);
      const granted: number[] = [];
      const order: number[] = [];
      const all: Promise<void>[] = [];
      for (let i = 0; i < n; i++) {
        if (spread) await clock.advanceTo((i * spread) / n);
        all.push(
          limiter.acquire().then(() => {
            granted.push(clock.now());
            order.push(i);
          }),
        );
      }
      await flush();
      // Far enough for everyone: ceil(n / calls) windows plus the arrival spread.
      await clock.advanceTo(spread + Math.ceil(n / calls + 1) * windowMs);
      await Promise.all(all);
      expect(granted).toHaveLength(n);
      expect(maxInWindow(granted, windowMs)).toBe(Math.min(calls, n));
      // First come, first served.
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // Exactness also means no waste: the (calls+1)-th grant comes exactly one window after the first.
      if (n > calls && spread === 0) expect(granted[calls]! - granted[0]!).toBe(windowMs);
    },
  );

  test('200 waiters share one timer', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(5, 1000, clock);
    for (let i = 0; i < 200; i++) void limiter.acquire();
    await flush();
    expect(clock.pending).toBe(1);
  });

  test('an aborted waiter leaves the queue and rejects with the given error; the others keep their turn', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(1, 1000, clock);
    await limiter.acquire();
    const ctl = new AbortController();
    const aborted = limiter.acquire(ctl.signal, () => new Error('stop'));
    const later: number[] = [];
    const next = limiter.acquire().then(() => later.push(clock.now()));
    ctl.abort();
    await expect(aborted).rejects.toThrow('stop');
    await clock.advanceTo(1000);
    await next;
    expect(later).toEqual([1000]);
  });

  test('sent() re-stamps a grant whose request left late, so the window counts sends', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(1, 1000, clock);
    const sent = await limiter.acquire();
    await clock.advanceTo(50);
    sent();
    const times: number[] = [];
    const next = limiter.acquire().then(() => times.push(clock.now()));
    await clock.advanceTo(3000);
    await next;
    expect(times).toEqual([1050]);
  });

  test('a timer that fires early does not grant early', async () => {
    const clock = new FakeClock();
    const early: Clock = {
      now: () => clock.now(),
      setTimeout: (fn, ms) => clock.setTimeout(fn, ms > 5 ? ms - 5 : ms),
      clearTimeout: (h) => clock.clearTimeout(h),
    };
    const limiter = new SlidingWindowLimiter(2, 100, early);
    const times: number[] = [];
    const all = Array.from({ length: 6 }, () => limiter.acquire().then(() => times.push(clock.now())));
    await clock.advanceTo(1000);
    await Promise.all(all);
    expect(maxInWindow(times, 100)).toBe(2);
  });

  test.each([
    [0, 1000],
    [5, 0],
  ])('refuses calls=%i windowMs=%i', (calls, windowMs) => {
    expect(() => new SlidingWindowLimiter(calls, windowMs)).toThrow(RangeError);
  });
});

describe('tryAcquire, the synchronous fast path the client takes first', () => {
  // [calls, windowMs, arrival times]: each arrival tries the fast path and queues only if refused.
  test.each([
    [3, 100, [0, 0, 0, 0, 0, 10, 20, 150, 150, 150, 150]],
    [1, 50, [0, 10, 20, 30, 200, 200]],
    [5, 1000, Array.from({ length: 40 }, (_, i) => i * 30)],
  ])('calls %i per %i ms: exact windows, first come first served', async (calls, windowMs, arrivals) => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(calls, windowMs, clock);
    const granted: number[] = [];
    const order: number[] = [];
    const all: Promise<void>[] = [];
    let fast = 0;
    for (const [i, at] of arrivals.entries()) {
      await clock.advanceTo(at);
      const sent = limiter.tryAcquire();
      if (sent) {
        fast++;
        granted.push(clock.now());
        order.push(i);
        sent();
      } else {
        all.push(
          limiter.acquire().then((s) => {
            granted.push(clock.now());
            order.push(i);
            s();
          }),
        );
      }
    }
    await clock.advanceTo(arrivals.at(-1)! + (arrivals.length + 1) * windowMs);
    await Promise.all(all);
    expect(granted).toHaveLength(arrivals.length);
    expect(maxInWindow(granted, windowMs)).toBe(calls);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(fast).toBeGreaterThanOrEqual(calls);
  });

  test('refuses while anyone is queued, even when the window has room again', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(1, 100, clock);
    expect(limiter.tryAcquire()).toBeDefined();
    const queued = limiter.acquire();
    await clock.advanceTo(100);
    // The queued waiter was granted by the timer, so the window is full again.
    await queued;
    expect(limiter.tryAcquire()).toBeUndefined();
    const again = limiter.acquire();
    clock.t = 250;
    // Room in the window, but a waiter is ahead: the fast path must not overtake it.
    expect(limiter.tryAcquire()).toBeUndefined();
    await clock.advanceTo(250);
    await again;
  });
});
