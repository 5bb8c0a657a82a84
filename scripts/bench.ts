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
import * as path from 'node:path';
import * as build from './bench/build';
import * as client from './bench/client';
import { DEFAULT_RECORD, machine, readRecord, updateReadme, withSection, writeRecord } from './bench/record';
import * as roundtrip from './bench/roundtrip';
import { printedRow } from './bench/rows';
import * as scaling from './bench/scaling';
import type { BenchSection } from './bench/types';
import * as validate from './bench/validate';

const SECTIONS: Record<string, { run(): Promise<BenchSection> }> = { client, build, validate, roundtrip, scaling };

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
  for (const name of names) {
    const measuredAt = new Date().toISOString();
    const where = machine();
    const section = await SECTIONS[name]!.run();
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
  if (args.json) {
    process.stdout.write(`\nbench: recorded in ${path.relative(process.cwd(), args.json)}\n`);
    if (args.json === DEFAULT_RECORD && updateReadme(args.json))
      process.stdout.write('bench: README.md bench table updated\n');
  }
}

void main();
