/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run, on the
 * same machine, so the numbers mean something across machines. Each section lives in
 * scripts/bench/<name>.ts and exports `run(): Promise<BenchSection>`; add yours to SECTIONS.
 * Run one section with `npm run bench -- <name>`.
 */
import * as build from './bench/build';
import * as client from './bench/client';
import * as roundtrip from './bench/roundtrip';
import type { BenchSection } from './bench/types';
import * as validate from './bench/validate';

const SECTIONS: Record<string, { run(): Promise<BenchSection> }> = { client, build, validate, roundtrip };

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = only.length ? only : Object.keys(SECTIONS);
  for (const name of names) {
    const load = SECTIONS[name];
    if (!load) {
      process.stderr.write(`bench: no section "${name}" (have: ${Object.keys(SECTIONS).join(', ')})\n`);
      process.exitCode = 2;
      return;
    }
    const section = await load.run();
    process.stdout.write(`\n## ${section.title}\n`);
    for (const row of section.rows) process.stdout.write(`${row.label.padEnd(48)} ${row.value}\n`);
  }
}

void main();
