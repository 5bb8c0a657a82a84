/**
 * The bench as a record (issue 13 §5): `npm run bench -- --json [file]` writes every row of the
 * sections that ran, with medians, spreads, targets and verdicts, to docs/bench.json by default.
 * That file is committed as the latest record and the README's bench table is made from it (never
 * typed by hand), so the two cannot disagree.
 *
 * A run of some sections replaces those sections and keeps the others: each section carries when
 * and on what machine it was measured, and its ratios only compare figures of its own run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchRow, BenchSection } from './types';

export const DEFAULT_RECORD = path.join(__dirname, '..', '..', 'docs', 'bench.json');
export const README = path.join(__dirname, '..', '..', 'README.md');

export interface Machine {
  node: string;
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** The 1-minute load average when the section started: a loaded machine explains wide spreads. */
  loadAverage: number;
}

export interface RecordedSection extends BenchSection {
  /** The section's name in scripts/bench.ts (`npm run bench -- <name>`). */
  name: string;
  /** ISO 8601, when the section started. */
  measuredAt: string;
  machine: Machine;
}

export interface BenchRecord {
  about: string;
  sections: RecordedSection[];
}

const ABOUT =
  'Written by `npm run bench -- --json`; the README bench table is generated from it. Each section records when and where it ran; ratios compare figures measured in the same run.';

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: Number(os.loadavg()[0]!.toFixed(2)),
  };
}

export function readRecord(file: string): BenchRecord {
  if (!fs.existsSync(file)) return { about: ABOUT, sections: [] };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRecord;
  return { about: ABOUT, sections: Array.isArray(parsed.sections) ? parsed.sections : [] };
}

/** `record` with `section` in place of the one of the same name, sections in `order` (others last). */
export function withSection(record: BenchRecord, section: RecordedSection, order: readonly string[]): BenchRecord {
  const sections = [...record.sections.filter((s) => s.name !== section.name), section];
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  sections.sort((a, b) => rank(a.name) - rank(b.name));
  return { about: ABOUT, sections };
}

export function writeRecord(file: string, record: BenchRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Three decimals (microseconds, kilobytes) are past any run's noise; more would only churn diffs.
  const rounded = (_key: string, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : v);
  fs.writeFileSync(file, `${JSON.stringify(record, rounded, 2)}\n`);
}

// ---- the README table ----

export const BENCH_START = '<!-- bench: generated from docs/bench.json by `npm run bench:readme` -->';
export const BENCH_END = '<!-- end of bench -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');
/** The target is its own column, so the label drops its "(target ...)" note. */
const figureName = (row: BenchRow) => row.label.replace(/\s*\(target [^)]*\)/, '');

function sectionTable(s: RecordedSection): string[] {
  const m = s.machine;
  const rows = s.rows.filter((r) => r.target !== undefined || r.key);
  const out = [
    `**${cell(s.title)}** (\`npm run bench -- ${s.name}\`; ${s.measuredAt.slice(0, 10)}, Node ${m.node}, ${m.cpus} CPUs, load ${m.loadAverage})`,
    '',
  ];
  if (rows.length === 0) return [...out, 'No headline figures or targets; see docs/bench.json.', ''];
  out.push('| Figure | Value | Target | Met |', '|---|---|---|---|');
  for (const r of rows)
    out.push(
      r.target
        ? `| ${cell(figureName(r))} | ${cell(r.value)} | ${r.target.op} ${r.target.value} | ${r.met ? 'yes' : 'no'} |`
        : `| ${cell(figureName(r))} | ${cell(r.value)} | | |`,
    );
  return [...out, ''];
}

/** Markdown for the README: each recorded section's headline figures and those with a target. */
export function benchTable(record: BenchRecord): string {
  const lines = [
    'Headline figures and every target, from the latest record (`docs/bench.json`, which holds every figure, each median with its spread and number of runs):',
    '',
  ];
  for (const s of record.sections) lines.push(...sectionTable(s));
  return `${lines.join('\n').trim()}\n`;
}

/** `readme` with its bench table replaced by `table`; undefined when the markers are missing. */
export function withBenchTable(readme: string, table: string): string | undefined {
  const start = readme.indexOf(BENCH_START);
  const end = readme.indexOf(BENCH_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + BENCH_START.length)}\n\n${table}\n${readme.slice(end)}`;
}

/** Rewrites README.md's bench table from the record in `file`; false when README has no markers. */
export function updateReadme(file: string, readmeFile = README): boolean {
  const next = withBenchTable(fs.readFileSync(readmeFile, 'utf8'), benchTable(readRecord(file)));
  if (next === undefined) return false;
  fs.writeFileSync(readmeFile, next);
  return true;
}
