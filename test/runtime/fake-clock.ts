/** A manual clock for runtime tests (limiter, deadlines): timers fire only when a test advances time. */
import type { Clock } from '../../src/runtime/clock';

export class FakeClock implements Clock {
  t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  get pending(): number {
    return this.timers.length;
  }
  /** Runs due timers in time order up to `until`, letting promise callbacks settle between them. */
  async advanceTo(until: number): Promise<void> {
    // Settle callbacks first, so they observe the time at which they were released.
    await flush();
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const due = this.timers[0];
      if (!due || due.at > until) break;
      this.timers.shift();
      this.t = Math.max(this.t, due.at);
      due.fn();
      await flush();
    }
    this.t = until;
    await flush();
  }
}
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
