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
