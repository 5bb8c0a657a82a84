/**
 * Costs that grow linearly (issue 13 §4): synthetic connectors of 27 (ConvertKit's size), 100 and
 * 256 operations (the certification limit) are built, and the per-operation build time and peak
 * memory of each size are compared. Neither may grow with size: per-operation figures at 256 must
 * be no higher than at 27 (the fixed start-up cost spreads over more operations, so they fall),
 * and the marginal cost of an operation (the slope between two sizes) must stay flat.
 *
 * Whole process: `pcdk build synthN --no-typecheck` (every validation layer, the official schemas
 * when ../shared has them), warm, sizes interleaved round by round so load drift hits each alike;
 * its peak memory is the child's max RSS, written at exit by max-rss.js. In process: loading the
 * descriptors from source plus buildConnector, without Node's start-up, which separates the fixed
 * cost from the per-operation one.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDescriptors } from '../../src/load/load-descriptors';
import { buildConnector } from '../../src/synth/build-connector';
import { benchEnv, scaleStats, stats, type Stats } from './measure';
import { figureRow, ratioRow, statsRow } from './rows';
import { writeSyntheticConnector } from './synthetic-connector';
import type { BenchRow, BenchSection, Target } from './types';

const root = path.resolve(__dirname, '..', '..');
const SIZES = [27, 100, 256];
const ROUNDS = 7;

/** Per-operation cost at the largest size over the smallest: flat or falling. */
const PER_OP: Target = { op: '<=', value: 1.0 };
/**
 * Marginal cost between the upper pair of sizes over the lower pair. A linear cost gives 1.0,
 * n log n about 1.2, a quadratic one 2.8 at these sizes: 1.5 lets noise and n log n through and
 * stops anything quadratic.
 */
const MARGINAL: Target = { op: '<=', value: 1.5 };

interface Run {
  ms: number;
  rssKb: number;
}

/** One whole-process build: wall time, and the child's peak memory as max-rss.js reported it. */
function wholeProcess(project: string, id: string, outDir: string, schemas: string | undefined, cache: string): Run {
  const rssFile = path.join(outDir, `${id}.rss`);
  fs.rmSync(rssFile, { force: true });
  const args = [
    '--require',
    path.join(__dirname, 'max-rss.js'),
    path.join(root, 'lib', 'cli', 'bin.js'),
    'build',
    id,
    '--no-typecheck',
    '--out',
    outDir,
    ...(schemas ? ['--schemas', schemas] : []),
  ];
  const env = benchEnv({ PCDK_BENCH_RSS_FILE: rssFile, PCDK_CACHE_DIR: cache });
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: project, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`pcdk build ${id} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return { ms, rssKb: Number(fs.readFileSync(rssFile, 'utf8')) };
}

/** One in-process build: descriptors loaded from source (esbuild), then every layer and the writes. */
async function inProcess(project: string, id: string, outDir: string, schemas: string | undefined): Promise<number> {
  const definitions = path.join(project, 'definitions');
  const t = process.hrtime.bigint();
  const loaded = await loadDescriptors(id, definitions);
  if (!loaded.connector) throw new Error(`${id}: the descriptors did not load: ${JSON.stringify(loaded.diagnostics)}`);
  // The recordings folder the CLI would pass (absent here: each operation gets its warning there too).
  const result = await buildConnector(loaded.connector, {
    outDir,
    schemasDir: schemas,
    recordingsDir: path.join(definitions, id, 'recordings'),
  });
  if (!result.ok) throw new Error(`${id}: the build failed: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Least-squares line through (size, median): its intercept is the cost no operation adds. */
function lineThrough(points: [number, number][]): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * The rows of one measure (whole-process time, peak memory, in-process time): the median and
 * per-operation figure of each size, the marginal cost between neighbouring sizes, the fixed cost,
 * and the two verdicts.
 */
function measureRows(what: string, unit: 'ms' | 'MB', bySize: Map<number, Stats>): BenchRow[] {
  const perOp = unit === 'ms' ? 'ms/op' : 'MB/op';
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const s = bySize.get(n)!;
    rows.push(statsRow(`${what}, ${n} ops`, s, unit));
    rows.push({ ...statsRow(`${what} per operation, ${n} ops`, scaleStats(s, 1 / n), perOp), key: true });
  }
  const marginals: number[] = [];
  for (let i = 1; i < SIZES.length; i++) {
    const [a, b] = [SIZES[i - 1]!, SIZES[i]!];
    const m = (bySize.get(b)!.median - bySize.get(a)!.median) / (b - a);
    marginals.push(m);
    rows.push(figureRow(`${what}, marginal per operation ${a} -> ${b}`, m, perOp));
  }
  const line = lineThrough(SIZES.map((n) => [n, bySize.get(n)!.median]));
  rows.push(figureRow(`${what}, fixed cost (least-squares intercept)`, line.intercept, unit));
  const [first, last] = [SIZES[0]!, SIZES[SIZES.length - 1]!];
  const ratio = bySize.get(last)!.median / last / (bySize.get(first)!.median / first);
  rows.push(ratioRow(`${what}: per-op at ${last} / at ${first} (target <= 1.0)`, ratio, PER_OP));
  rows.push(
    ratioRow(
      `${what}: marginal ${SIZES.slice(-2).join('->')} / ${SIZES.slice(0, 2).join('->')} (target <= 1.5)`,
      marginals[marginals.length - 1]! / marginals[0]!,
      MARGINAL,
    ),
  );
  return rows;
}

export async function run(): Promise<BenchSection> {
  const shared = path.resolve(process.env.PCDK_SHARED ?? path.join(root, '..', 'shared'));
  const schemas = fs.existsSync(path.join(shared, 'schemas')) ? path.join(shared, 'schemas') : undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bench-scaling-'));
  const project = path.join(work, 'project');
  const outDir = path.join(work, 'out');
  const cache = path.join(work, 'cache');
  fs.mkdirSync(outDir, { recursive: true });
  const ids = new Map(SIZES.map((n) => [n, `synth${n}`]));
  for (const [n, id] of ids) writeSyntheticConnector(project, id, n);

  const wall = new Map<number, number[]>(SIZES.map((n) => [n, []]));
  const rss = new Map<number, number[]>(SIZES.map((n) => [n, []]));
  const inproc = new Map<number, number[]>(SIZES.map((n) => [n, []]));
  try {
    // Untimed first builds: fill the validator cache, load every module once, prove each size builds.
    for (const [, id] of ids) {
      wholeProcess(project, id, outDir, schemas, cache);
      await inProcess(project, id, outDir, schemas);
    }
    for (let round = 0; round < ROUNDS; round++)
      for (const [n, id] of ids) {
        const r = wholeProcess(project, id, outDir, schemas, cache);
        wall.get(n)!.push(r.ms);
        rss.get(n)!.push(r.rssKb / 1024);
      }
    for (let round = 0; round < ROUNDS; round++)
      for (const [n, id] of ids) inproc.get(n)!.push(await inProcess(project, id, outDir, schemas));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  const of = (m: Map<number, number[]>) => new Map(SIZES.map((n) => [n, stats(m.get(n)!)]));
  const layers = schemas ? 'rules, swagger-parser, official schemas' : 'rules, swagger-parser (no ../shared/schemas)';
  return {
    title: `Scaling: synthetic connectors of ${SIZES.join(', ')} operations: pcdk build --no-typecheck as a whole process and its peak RSS, and load + build in process; ${layers}; median of ${ROUNDS}`,
    rows: [
      ...measureRows('whole process', 'ms', of(wall)),
      ...measureRows('peak RSS', 'MB', of(rss)),
      ...measureRows('in process', 'ms', of(inproc)),
    ],
  };
}
