/**
 * What a bench section returns: rows printed as a table and, with `--json`, recorded in
 * docs/bench.json. `value` is the text a reader sees; the optional fields carry the same figure as
 * numbers, so the record (and the README table made from it) never parses text. Sections that
 * only print text (or have not been converted) leave them out.
 */
export interface BenchSection {
  title: string;
  rows: BenchRow[];
}

export type Unit = 'ms' | 'ms/op' | 'MB' | 'MB/op' | 'kB' | 'x' | 'count';

/** How a median's runs were spread: the record says how far to trust the figure. */
export interface Spread {
  min: number;
  max: number;
  /** First and third quartiles, when there were enough runs for them to mean something (>= 4). */
  q1?: number;
  q3?: number;
  runs: number;
}

/** What a figure must be: `<=` for costs and cost ratios, `>=` for speed-ups. */
export interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface BenchRow {
  label: string;
  /** The figure as printed. */
  value: string;
  /** The figure as a number (a median when `spread` is given), in `unit`. */
  measure?: number;
  unit?: Unit;
  spread?: Spread;
  target?: Target;
  /** Whether `measure` meets `target`; present exactly when both are. */
  met?: boolean;
  /** A headline figure: the README table shows it even without a target (it shows every targeted row). */
  key?: boolean;
}
