/**
 * Shared deadline slots (the client's per-attempt timeouts): only calls that overran are aborted,
 * each within timeoutMs / 64 of its own deadline; timers run only while a call is in flight.
 */
import fc from 'fast-check';
import type { Clock } from '../../src/runtime/clock';
import { DeadlineSlots, type DeadlineSlot } from '../../src/runtime/deadline';
import { FakeClock } from './fake-clock';

interface Sim {
  start: number;
  duration: number;
  /** Time the slot aborted this call, if it did. */
  abortedAt?: number;
}

/** Runs calls (start, duration) through one DeadlineSlots; a call ends at start + duration or when aborted. */
async function simulate(calls: { start: number; duration: number }[], timeoutMs: number, clock = new FakeClock()) {
  const slots = new DeadlineSlots(clock);
  const sims: Sim[] = calls.map((c) => ({ ...c })).sort((a, b) => a.start - b.start);
  const live = new Map<Sim, DeadlineSlot>();
  // Events in time order; ends before starts at the same instant.
  const events = [
    ...sims.map((s) => ({ at: s.start, kind: 1, s })),
    ...sims.map((s) => ({ at: s.start + s.duration, kind: 0, s })),
  ].sort((a, b) => a.at - b.at || a.kind - b.kind);
  const slotsSeen = new Set<DeadlineSlot>();
  for (const ev of events) {
    await clock.advanceTo(ev.at);
    if (ev.kind === 1) {
      const slot = slots.join(timeoutMs);
      slotsSeen.add(slot);
      live.set(ev.s, slot);
      slot.controller.signal.addEventListener('abort', () => {
        if (live.get(ev.s) === slot) {
          ev.s.abortedAt = clock.now();
          live.delete(ev.s);
          slots.leave(slot);
        }
      });
    } else if (live.has(ev.s)) {
      slots.leave(live.get(ev.s)!);
      live.delete(ev.s);
    }
  }
  return { sims, pendingTimers: clock.pending, slots: slotsSeen.size };
}

describe('DeadlineSlots (fake clock)', () => {
  test('property: only overrun calls are aborted, each within timeoutMs / 64 of its deadline; no timer outlives the calls', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 64, max: 10_000 }),
        fc.array(
          fc.record({ start: fc.integer({ min: 0, max: 20_000 }), duration: fc.integer({ min: 1, max: 15_000 }) }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        async (timeoutMs, calls) => {
          const { sims, pendingTimers } = await simulate(calls, timeoutMs);
          const grain = timeoutMs / 64;
          for (const s of sims) {
            if (s.abortedAt === undefined) {
              // Not aborted: it ended before it overran by more than the grain.
              expect(s.duration).toBeLessThanOrEqual(Math.ceil(timeoutMs + grain));
            } else {
              const elapsed = s.abortedAt - s.start;
              expect(elapsed).toBeGreaterThanOrEqual(timeoutMs);
              expect(elapsed).toBeLessThanOrEqual(Math.ceil(timeoutMs + grain));
              expect(s.duration).toBeGreaterThanOrEqual(elapsed);
            }
          }
          expect(pendingTimers).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  test.each([
    ['10 back-to-back calls share one slot', Array.from({ length: 10 }, (_, i) => ({ start: i, duration: 1 })), 1],
    ['the 11th call opens a second slot', Array.from({ length: 11 }, (_, i) => ({ start: i, duration: 1 })), 2],
    [
      'a call after the grain opens a new slot',
      [
        { start: 0, duration: 1 },
        { start: 500, duration: 1 },
      ],
      2,
    ],
    ['50 concurrent calls need five slots', Array.from({ length: 50 }, () => ({ start: 0, duration: 10 })), 5],
  ])('%s', async (_label, calls, expected) => {
    // timeoutMs 30 000: the grain is 468.75 ms.
    const { slots, pendingTimers } = await simulate(calls, 30_000);
    expect(slots).toBe(expected);
    expect(pendingTimers).toBe(0);
  });

  test('one timer per slot, armed only while a member is in flight', () => {
    const clock = new FakeClock();
    const slots = new DeadlineSlots(clock);
    const a = slots.join(1000);
    const b = slots.join(1000);
    expect(a).toBe(b);
    expect(clock.pending).toBe(1);
    slots.leave(a);
    expect(clock.pending).toBe(1);
    slots.leave(b);
    expect(clock.pending).toBe(0);
    expect(slots.join(1000)).toBe(a);
    expect(clock.pending).toBe(1);
  });

  test('each timeout has its own slot', () => {
    const slots = new DeadlineSlots(new FakeClock());
    expect(slots.join(1000)).not.toBe(slots.join(2000));
  });

  test('an expired slot aborts its signal once and is not joined again', async () => {
    const clock = new FakeClock();
    const slots = new DeadlineSlots(clock);
    const a = slots.join(640);
    await clock.advanceTo(650);
    expect([a.expired, a.controller.signal.aborted]).toEqual([true, true]);
    const b = slots.join(640);
    expect(b).not.toBe(a);
    expect(b.controller.signal.aborted).toBe(false);
  });

  test('a timer that fires early aborts nobody early', async () => {
    const clock = new FakeClock();
    const early: Clock = {
      now: () => clock.now(),
      setTimeout: (fn, ms) => clock.setTimeout(fn, ms > 5 ? ms - 5 : ms),
      clearTimeout: (h) => clock.clearTimeout(h),
    };
    const slots = new DeadlineSlots(early);
    const a = slots.join(640);
    await clock.advanceTo(645);
    expect(a.expired).toBe(false);
    await clock.advanceTo(650);
    expect(a.expired).toBe(true);
  });
});
