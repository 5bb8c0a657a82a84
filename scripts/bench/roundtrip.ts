/**
 * Round trip speed (issue 6): per corpus connector, import (read, check, generate) + write the
 * descriptors + load them + emit the connector folder + validate it (strict JSON and
 * swagger-parser, as `pcdk build` does), against @apidevtools/swagger-parser's validate of the
 * same source swagger, in the same run and process. Each connector is measured warm (a first
 * untimed pass loads every module) and the best of 5 is kept on both sides. Peak memory is the
 * process's maximum resident set size.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateConnectorFiles } from '../../src/synth/connector-folder-artifact';
import { MODEL_IMPORT } from '../../src/cli/commands/import';
import { findConnectorFolders } from '../../src/io/connector-folders';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { writeDirAtomic } from '../../src/io/atomic-write';
import { importConnector } from '../../src/import/import-connector';
import { loadDescriptorFolder } from '../../src/import/load-descriptor';
import type { BenchSection } from './types';
import { median } from './measure';
import { figureRow, ratioRow } from './rows';

const root = path.resolve(__dirname, '..', '..');
const RUNS = 5;
let passes = 0;

/**
 * One import as `pcdk import` makes it: into a folder that does not exist yet (replacing one takes
 * --force and also removes the old folder, which is not what is being compared).
 */
async function ours(dir: string, id: string, work: string): Promise<boolean> {
  const out = path.join(work, `${id}-${++passes}`);
  const imported = await importConnector(dir, { id, modelImport: MODEL_IMPORT });
  if (!imported.ok) return false;
  writeDirAtomic(out, imported.files);
  const c = loadDescriptorFolder(out);
  const { files } = emitConnectorFolder(c);
  await validateConnectorFiles(id, files);
  return true;
}

async function baseline(dir: string): Promise<void> {
  const text = fs.readFileSync(path.join(dir, 'apiDefinition.swagger.json'), 'utf8').replace(/^\ufeff/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return; // swagger-parser cannot read it either; the file is skipped on both sides below
  }
  await SwaggerParser.validate(doc as never).catch(() => undefined);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * The best of RUNS timings of each side, one side's runs after the other's: taking turns would
 * hand each side the garbage the other left (swagger-parser's validate builds a new Ajv per call).
 */
async function bestOfPairs(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  let minA = Infinity;
  let minB = Infinity;
  for (let i = 0; i < RUNS; i++) minA = Math.min(minA, await time(a));
  for (let i = 0; i < RUNS; i++) minB = Math.min(minB, await time(b));
  return [minA, minB];
}

export async function run(): Promise<BenchSection> {
  const shared = path.resolve(process.env.PCDK_SHARED ?? path.join(root, '..', 'shared'));
  const corpus = path.join(shared, 'corpus');
  if (!fs.existsSync(corpus))
    return {
      title: 'Round trip (import + build + validate)',
      rows: [{ label: 'skipped', value: `no corpus at ${corpus}` }],
    };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bench-rt-'));
  const folders = findConnectorFolders(corpus);
  const rssBefore = process.resourceUsage().maxRSS;
  const ratios: number[] = [];
  let oursTotal = 0;
  let baseTotal = 0;
  let worst = { ratio: 0, name: '' };
  let skipped = 0;
  try {
    for (const [i, dir] of folders.entries()) {
      const id = `c${i}`;
      // Untimed warm-up: module loading and JIT are not what is compared.
      if (!(await ours(dir, id, work))) {
        skipped++;
        continue;
      }
      await baseline(dir);
      const [a, b] = await bestOfPairs(
        () => ours(dir, id, work),
        () => baseline(dir),
      );
      // Untimed: the passes' folders, so the work folder stays small.
      for (const f of fs.readdirSync(work)) fs.rmSync(path.join(work, f), { recursive: true, force: true });
      oursTotal += a;
      baseTotal += b;
      ratios.push(a / b);
      if (a / b > worst.ratio) worst = { ratio: a / b, name: path.relative(corpus, dir) };
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return {
    title: 'Round trip: import + build + validate vs swagger-parser validate (same files, same run)',
    rows: [
      {
        ...figureRow('connectors measured', ratios.length, 'count'),
        value: `${ratios.length} (${skipped} not importable: JSON syntax errors)`,
      },
      // Issue 11: at most 1/2 of swagger-parser's validate, then at most 1/4.
      ratioRow('total time ratio (ours / swagger-parser) (target <= 0.5, then 0.25)', oursTotal / baseTotal, {
        op: '<=',
        value: 0.5,
      }),
      {
        ...figureRow(`ours, total (best of ${RUNS} per connector)`, oursTotal, 'ms'),
        value: `${oursTotal.toFixed(0)} ms, against swagger-parser's validate ${baseTotal.toFixed(0)} ms`,
      },
      ratioRow('median per-connector ratio', median(ratios)),
      { ...ratioRow('worst per-connector ratio', worst.ratio), value: `${worst.ratio.toFixed(2)}x (${worst.name})` },
      {
        ...figureRow('peak memory (max RSS of the bench process)', peakMb, 'MB'),
        value: `${peakMb.toFixed(0)} MB (${(rssBefore / 1024).toFixed(0)} MB before the section)`,
      },
    ],
  };
}
