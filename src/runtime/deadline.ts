/**
 * Per-attempt timeouts that cost less than an AbortSignal per call. Any signal handed to fetch
 * must be aborted on time so that an overrun request frees its socket, but a fresh
 * AbortController per call (signal, timer, and fetch's linking of it) is most of what a client
 * adds to a loopback call. So attempts that start close together share one "slot": one
 * controller and one timer, the timer armed only while a member is in flight (an idle client
 * keeps no timer, so it never holds the process open). A slot admits members for timeoutMs / 64
 * after it opens, at most 10 (each adds a listener to the signal, fetch walks them on every
 * link, and past 10 Node warns of a leak), and fires at its closing time + timeoutMs: by then
 * every member has overrun, so it aborts only calls that overran, each at most timeoutMs / 64
 * after its own deadline.
 */
import type { Clock } from './clock';

const MAX_MEMBERS = 10;
const GRAIN_DIVISOR = 64;
/** Distinct timeouts (per-call timeoutMs) whose open slots are kept before idle ones are dropped. */
const MAX_OPEN = 16;

export class DeadlineSlot {
  readonly controller = new AbortController();
  /** True once the slot's timer fired: its members' failures are timeouts. */
  expired = false;
  members = 0;
  pending = 0;
  timer: unknown;
  constructor(
    readonly timeoutMs: number,
    readonly closesAt: number,
    readonly firesAt: number,
  ) {}
}

export class DeadlineSlots {
  private readonly open = new Map<number, DeadlineSlot>();

  constructor(private readonly clock: Clock) {}

  /** Joins the open slot for `timeoutMs` (opening one if needed); call `leave` when the attempt ends. */
  join(timeoutMs: number): DeadlineSlot {
    const now = this.clock.now();
    let slot = this.open.get(timeoutMs);
    if (slot === undefined || slot.expired || slot.members >= MAX_MEMBERS || now >= slot.closesAt) {
      if (this.open.size >= MAX_OPEN) for (const [k, s] of this.open) if (s.pending === 0) this.open.delete(k);
      const closesAt = now + timeoutMs / GRAIN_DIVISOR;
      slot = new DeadlineSlot(timeoutMs, closesAt, closesAt + timeoutMs);
      this.open.set(timeoutMs, slot);
    }
    slot.members++;
    if (slot.pending++ === 0) {
      const s = slot;
      s.timer = this.clock.setTimeout(() => this.fire(s), Math.ceil(s.firesAt - now));
    }
    return slot;
  }

  leave(slot: DeadlineSlot): void {
    if (--slot.pending === 0 && slot.timer !== undefined) {
      this.clock.clearTimeout(slot.timer);
      slot.timer = undefined;
    }
  }

  private fire(slot: DeadlineSlot): void {
    slot.timer = undefined;
    // A timer may fire a little early; every member must have overrun before any is aborted.
    const early = slot.firesAt - this.clock.now();
    if (early > 0) {
      slot.timer = this.clock.setTimeout(() => this.fire(slot), Math.ceil(early));
      return;
    }
    slot.expired = true;
    if (this.open.get(slot.timeoutMs) === slot) this.open.delete(slot.timeoutMs);
    slot.controller.abort();
  }
}
