/**
 * Row builders: each makes the printed text and the structured figure from the same number, so
 * the table and the JSON record cannot disagree.
 */
import type { Stats } from './measure';
import type { BenchRow, Spread, Target, Unit } from './types';

/** Decimals shown per unit: enough to tell sizes apart, not so many that noise looks like signal. */
const DIGITS: Record<Unit, number> = { ms: 0, 'ms/op': 2, MB: 0, 'MB/op': 3, kB: 1, x: 2, count: 0 };

export function show(n: number, unit: Unit, digits = DIGITS[unit]): string {
  return unit === 'x' ? `${n.toFixed(digits)}x` : `${n.toFixed(digits)} ${unit}`;
}

export function spreadOf(s: Stats): Spread {
  // Keys in reading order: min, quartiles, max, then how many runs.
  return s.q1 !== undefined && s.q3 !== undefined
    ? { min: s.min, q1: s.q1, q3: s.q3, max: s.max, runs: s.runs }
    : { min: s.min, max: s.max, runs: s.runs };
}

export function meets(measure: number, target: Target): boolean {
  return target.op === '<=' ? measure <= target.value : measure >= target.value;
}

/** One figure with no runs behind it (a derived ratio, a count, a single cold run). */
export function figureRow(label: string, measure: number, unit: Unit, target?: Target, digits?: number): BenchRow {
  const row: BenchRow = { label, value: show(measure, unit, digits), measure, unit };
  if (target) {
    row.target = target;
    row.met = meets(measure, target);
  }
  return row;
}

/** A median and how its runs spread: `412 ms (min 398, max 455, 9 runs)`. */
export function statsRow(label: string, s: Stats, unit: Unit, target?: Target, digits = DIGITS[unit]): BenchRow {
  const row = figureRow(label, s.median, unit, target, digits);
  row.value =
    s.runs > 1
      ? `${row.value} (min ${s.min.toFixed(digits)}, max ${s.max.toFixed(digits)}, ${s.runs} runs)`
      : `${row.value} (1 run)`;
  row.spread = spreadOf(s);
  return row;
}

/** A ratio of two figures of the same run; `digits` keeps the precision each row printed before. */
export function ratioRow(label: string, ratio: number, target?: Target, digits = 2): BenchRow {
  return figureRow(label, ratio, 'x', target, digits);
}

/** The line printed for a row: the target's verdict follows the figure. */
export function printedRow(row: BenchRow): string {
  const verdict = row.met === undefined ? '' : row.met ? '  ok' : '  MISSED';
  return `${row.label.padEnd(58)} ${row.value}${verdict}`;
}
