/** Small timing helpers shared by bench sections. */
import { spawnSync } from 'node:child_process';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Environment for timed child processes: NODE_EXTRA_CA_CERTS adds ~40 ms to every Node 20 start. */
export function benchEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Wall-clock milliseconds of each of `runs` runs of a command (which must succeed). */
export function timeProcess(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; runs: number },
): number[] {
  const out: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}`);
    out.push(ms);
  }
  return out;
}

export const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/** The median of some runs with their spread. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  q1?: number;
  q3?: number;
  runs: number;
}

/** Linear interpolation between order statistics (the usual definition of a quantile). */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function stats(xs: number[]): Stats {
  if (xs.length === 0) throw new Error('stats of no runs');
  const s = [...xs].sort((a, b) => a - b);
  const out: Stats = { median: median(s), min: s[0]!, max: s[s.length - 1]!, runs: s.length };
  // Quartiles of two or three runs are just the extremes again.
  if (s.length >= 4) {
    out.q1 = quantile(s, 0.25);
    out.q3 = quantile(s, 0.75);
  }
  return out;
}

/** The same runs in another unit (per operation, MB instead of kB): every figure scales alike. */
export function scaleStats(s: Stats, factor: number): Stats {
  const out: Stats = { median: s.median * factor, min: s.min * factor, max: s.max * factor, runs: s.runs };
  if (s.q1 !== undefined && s.q3 !== undefined) {
    out.q1 = s.q1 * factor;
    out.q3 = s.q3 * factor;
  }
  return out;
}
