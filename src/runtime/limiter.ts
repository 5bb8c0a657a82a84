/**
 * An exact sliding-window limiter: at most `calls` sends in any window of `windowMs`. It keeps
 * the times of the last `calls` grants in a ring; a new grant is allowed only once the oldest of
 * them has left the window, so no window, wherever it starts, ever holds more than `calls`.
 * A grant is stamped again when its request actually leaves (`sent()`): under CPU starvation the
 * send can trail the grant by tens of milliseconds, and the later stamp keeps the count exact at
 * the point the server sees. Waiters are served first come, first served, by a single timer (not
 * one per waiter), so 200 concurrent calls cost one pending timeout.
 */
import { systemClock, type Clock } from './clock';
import type { AbortSignalLike } from './types';

interface Waiter {
  resolve(sent: () => void): void;
  reject(e: Error): void;
  cleanup(): void;
}

export class SlidingWindowLimiter {
  private readonly times: number[] = [];
  /** Index of the oldest grant in `times` once the ring is full. */
  private head = 0;
  private readonly queue: Waiter[] = [];
  private timer: unknown;

  constructor(
    readonly calls: number,
    readonly windowMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    if (!(calls >= 1 && windowMs > 0)) throw new RangeError('rateLimit needs calls >= 1 and windowMs > 0');
  }

  /**
   * A grant now, without a promise, when nobody is queued and the window allows (the common
   * case, kept synchronous so the call skips a microtask turn); undefined otherwise.
   */
  tryAcquire(): (() => void) | undefined {
    return this.queue.length === 0 ? this.tryGrant() : undefined;
  }

  /**
   * Resolves, with a `sent()` to call as the request leaves, when the call may be sent; rejects
   * with `onAbort()` if `signal` aborts first.
   */
  acquire(signal?: AbortSignalLike, onAbort: () => Error = () => new Error('aborted')): Promise<() => void> {
    const sent = this.tryAcquire();
    if (sent) return Promise.resolve(sent);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(onAbort());
      const abort = (): void => {
        const i = this.queue.indexOf(w);
        if (i >= 0) this.queue.splice(i, 1);
        // Nobody left waiting: drop the timer, so an idle client never keeps the process alive.
        if (this.queue.length === 0 && this.timer !== undefined) {
          this.clock.clearTimeout(this.timer);
          this.timer = undefined;
        }
        reject(onAbort());
      };
      const w: Waiter = { resolve, reject, cleanup: () => signal?.removeEventListener('abort', abort) };
      signal?.addEventListener('abort', abort, { once: true });
      this.queue.push(w);
      this.schedule();
    });
  }

  /** Takes a slot if the window allows; returns the slot's `sent()` re-stamper, or undefined. */
  private tryGrant(): (() => void) | undefined {
    const now = this.clock.now();
    let slot: number;
    if (this.times.length < this.calls) {
      slot = this.times.push(now) - 1;
    } else {
      if (now - this.times[this.head]! < this.windowMs) return undefined;
      slot = this.head;
      this.times[slot] = now;
      this.head = (this.head + 1) % this.calls;
    }
    return () => {
      // Only while the slot is still this grant's (a send a whole window late has lost it).
      if (this.times[slot] === now) this.times[slot] = Math.max(now, this.clock.now());
    };
  }

  private drain(): void {
    this.timer = undefined;
    while (this.queue.length > 0) {
      const sent = this.tryGrant();
      if (!sent) break;
      const w = this.queue.shift()!;
      w.cleanup();
      w.resolve(sent);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.queue.length === 0) return;
    // Timers may fire a little early (and sent() may move a stamp later); drain() re-checks.
    const wait = Math.max(0, this.times[this.head]! + this.windowMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.drain(), Math.ceil(wait));
  }
}
