/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run, on the
 * same machine, so the numbers mean something across machines. Each section lives in
 * scripts/bench/<name>.ts and exports `run(): Promise<BenchSection>`; add yours to SECTIONS.
 * Run some sections with `npm run bench -- <name>...`.
 *
 * `--json [file]` also records every row (medians with their spread, targets, verdicts) in
 * `file`, docs/bench.json by default (see scripts/bench/record.ts); writing the default record
 * regenerates the README's bench table from it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { DEFAULT_RECORD, machine, readRecord, updateReadme, withSection, writeRecord } from './bench/record';
import { printedRow } from './bench/rows';
import type { BenchSection } from './bench/types';

type Section = { run(): Promise<BenchSection> };
// Loaded only when run: a section's process holds nothing of the others (their modules and
// fixtures would weigh on its garbage collection and memory figures).
const SECTIONS: Record<string, () => Section> = {
  client: () => require('./bench/client'),
  build: () => require('./bench/build'),
  validate: () => require('./bench/validate'),
  roundtrip: () => require('./bench/roundtrip'),
  scaling: () => require('./bench/scaling'),
};

interface Args {
  names: string[];
  json?: string;
}

/** `[names...] [--json [file]]`: the word after --json is a file unless it names a section. */
function parseArgs(argv: string[]): Args | string {
  const out: Args = { names: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-') && !(next in SECTIONS)) {
        out.json = path.resolve(next);
        i++;
      } else out.json = DEFAULT_RECORD;
    } else if (a.startsWith('--json=')) out.json = path.resolve(a.slice('--json='.length));
    else if (a.startsWith('-')) return `unknown option ${a} (have: --json [file])`;
    else if (!(a in SECTIONS)) return `no section "${a}" (have: ${Object.keys(SECTIONS).join(', ')})`;
    else out.names.push(a);
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`bench: ${args}\n`);
    process.exitCode = 2;
    return;
  }
  const names = args.names.length ? args.names : Object.keys(SECTIONS);
  if (names.length > 1) {
    // Each section in a process of its own: one section's heap (the client's servers, the
    // corpus's documents) would otherwise weigh on the next one's garbage collection and peak
    // memory, and the figures would depend on the order the sections ran in.
    for (const name of names) {
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          path.join(__dirname, 'run-ts.js'),
          __filename,
          name,
          ...(args.json ? ['--json', args.json] : []),
        ],
        { stdio: 'inherit', env: { ...process.env, PCDK_BENCH_SECTION_ONLY: '1' } },
      );
      if (child.status !== 0) {
        process.stderr.write(`bench: section ${name} failed (exit ${child.status ?? child.signal})\n`);
        process.exitCode = 1;
      }
    }
    finish(args);
    return;
  }
  for (const name of names) {
    const measuredAt = new Date().toISOString();
    const where = machine();
    const section = await SECTIONS[name]!().run();
    process.stdout.write(`\n## ${section.title}\n`);
    for (const row of section.rows) process.stdout.write(`${printedRow(row)}\n`);
    if (args.json) {
      // Written after each section, so a section that fails later loses nothing measured before it.
      const record = withSection(
        readRecord(args.json),
        { name, measuredAt, machine: where, ...section },
        Object.keys(SECTIONS),
      );
      writeRecord(args.json, record);
    }
  }
  // A section run by the loop above: the parent reports once, after the last one.
  if (!process.env.PCDK_BENCH_SECTION_ONLY) finish(args);
}

function finish(args: Args): void {
  if (!args.json) return;
  process.stdout.write(`\nbench: recorded in ${path.relative(process.cwd(), args.json)}\n`);
  if (args.json === DEFAULT_RECORD && updateReadme(args.json))
    process.stdout.write('bench: README.md bench table updated\n');
}

void main();
