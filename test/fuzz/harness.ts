/**
 * What the crash fuzz checks on every command it runs: a normal exit code, a located diagnostic
 * when the command fails, no stack trace or internal error, and no file written outside the
 * places the command may write (its output folder, pcdk's cache).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliRun } from '../helpers/run-cli';

export const FUZZ_SEED = Number(process.env.PCDK_FUZZ_SEED ?? 20260412);
export const FUZZ_RUNS = Number(process.env.PCDK_FUZZ_RUNS ?? 20);

/** file:line:col (validate's text), (file:line:col#pointer) or (file#pointer) (every other command). */
const LOCATED = [
  /^[^\s:][^:\n]*:\d+:\d+: (error|warning) \[/m,
  // formatDiagnostic's "(file:line:col#pointer)"; paths may hold parentheses themselves.
  /\.[A-Za-z]+:\d+:\d+(#[^\n)]*)?\)/,
  /\.[A-Za-z]+#[^\s)]*\)/,
];
/** pack --check locates a finding by its path inside the nested zips. */
const LOCATED_IN_ZIP = /\([^()\n]*\.(zip|xml|md)[^()\n]*\)/;

/** validate --format json: some diagnostic has its file and line. */
function jsonLocated(out: string): boolean {
  if (!out.startsWith('{')) return false;
  try {
    const report = JSON.parse(out) as { results?: { diagnostics?: { file?: string; line?: number }[] }[] };
    return (report.results ?? []).some((r) => (r.diagnostics ?? []).some((d) => d.file && typeof d.line === 'number'));
  } catch {
    return false;
  }
}

/** pcdk diff's exit 1 is its report of breaking changes, each located by operation. */
export const DIFF_REPORT = /^BREAKING \[[a-z-]+\] [^:\n]+: /m;

export function problemsOf(r: CliRun, opts: { zipPaths?: boolean; report?: RegExp } = {}): string[] {
  const all = `${r.out}\n${r.err}`;
  const problems: string[] = [];
  if (![0, 1, 2].includes(r.code)) problems.push(`exit code ${r.code}`);
  if (/^ {4}at /m.test(all)) problems.push('a stack trace ("    at ...")');
  if (/internal error|Maximum call stack|import failed:|RangeError|TypeError/.test(all))
    problems.push('an internal error');
  if (r.code !== 0) {
    const located =
      LOCATED.some((re) => re.test(all)) ||
      jsonLocated(r.out) ||
      (opts.zipPaths === true && LOCATED_IN_ZIP.test(all)) ||
      opts.report?.test(all) === true;
    if (!located) problems.push('no located diagnostic (file and line or pointer)');
  }
  return problems;
}

/** Every file under `dir` with its size and mtime, to see what a command wrote. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else {
        const st = fs.statSync(p);
        out.set(path.relative(dir, p), `${st.size}:${st.mtimeMs}`);
      }
    }
  }
  return out;
}

/** Files that appeared or changed under `dir` since `before`, outside `allowed` (relative folders). */
export function writtenOutside(dir: string, before: Map<string, string>, allowed: readonly string[]): string[] {
  const after = snapshot(dir);
  const changed: string[] = [];
  for (const [f, stamp] of after) {
    if (allowed.some((a) => f === a || f.startsWith(`${a}${path.sep}`))) continue;
    if (before.get(f) !== stamp) changed.push(f);
  }
  for (const f of before.keys()) if (!after.has(f)) changed.push(`${f} (deleted)`);
  return changed.sort();
}
