/**
 * Build speed: `pcdk build convertkit` with every validation layer (descriptor rules,
 * swagger-parser, and the official schemas when ../shared is there), against TypeSpec +
 * typespec-autorest compiling the same API (generated from the same descriptors), both as whole
 * processes, timed in the same run, round by round.
 *
 * The author's loop is what an author waits for: a descriptor edited, then `pcdk build` as a
 * whole process (load from source, type-check, every layer, write), in a project outside this
 * repository that type-checks against pcdk's published .d.ts, as an installed pcdk would; and
 * the same edit under `pcdk build --watch`, where the process stays up between edits.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildConnector } from '../../src/synth/build-connector';
import convertkit from '../../definitions/convertkit/connector';
import type { BenchSection } from './types';
import { benchEnv, stats, timeProcess, type Stats } from './measure';
import { figureRow, ratioRow, show, statsRow } from './rows';
import { typespecSource } from './typespec-source';

const root = path.resolve(__dirname, '..', '..');
/** Rounds of the whole-process measures: each round runs each of them once, TypeSpec among them. */
const ROUNDS = 7;

/**
 * A copy of ConvertKit's descriptors in a temporary project, for edit-then-build cycles: each
 * cycle changes one operation's summary, so every build sees new source.
 */
function authorLoop(cli: string, schemas: string | undefined): { cycle(extra: string[]): number; close(): void } {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-loop-'));
  fs.cpSync(path.join(root, 'definitions', 'convertkit'), path.join(project, 'definitions', 'convertkit'), {
    recursive: true,
  });
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "loop", "private": true }\n');
  const file = path.join(project, 'definitions', 'convertkit', 'operations', 'forms.ts');
  const source = fs.readFileSync(file, 'utf8');
  let edits = 0;
  const cycle = (extra: string[]): number => {
    edits += 1;
    fs.writeFileSync(file, source.replace("summary: 'Get forms'", `summary: 'Get forms ${edits}'`));
    const args = [cli, 'build', 'convertkit', ...(schemas ? ['--schemas', schemas] : []), ...extra];
    return timeProcess(process.execPath, args, { cwd: project, env: benchEnv(), runs: 1 })[0]!;
  };
  // The project's first build fills its caches; the loop measures the builds after an edit.
  cycle([]);
  return { cycle, close: () => fs.rmSync(project, { recursive: true, force: true }) };
}

/**
 * The same loop with `pcdk build --watch`: one process stays up; each cycle is the time from the
 * edited file being written to the rebuilt connector's "wrote" line (debounce included).
 */
async function watchLoop(cli: string, schemas: string | undefined, extra: string[]): Promise<Stats> {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-watch-'));
  fs.cpSync(path.join(root, 'definitions', 'convertkit'), path.join(project, 'definitions', 'convertkit'), {
    recursive: true,
  });
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "loop", "private": true }\n');
  const file = path.join(project, 'definitions', 'convertkit', 'operations', 'forms.ts');
  const source = fs.readFileSync(file, 'utf8');
  const args = [cli, 'build', 'convertkit', '--watch', ...(schemas ? ['--schemas', schemas] : []), ...extra];
  const child = spawn(process.execPath, args, { cwd: project, env: benchEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  let waiter: (() => void) | undefined;
  child.stdout.on('data', (d) => {
    out += d;
    waiter?.();
  });
  const lines = () => (out.match(/pcdk: convertkit: .*wrote /g) ?? []).length;
  const next = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pcdk build --watch did not rebuild:\n${out}`)), 60_000);
      waiter = () => {
        if (lines() >= n && /watching/.test(out)) {
          clearTimeout(timer);
          waiter = undefined;
          resolve();
        }
      };
      waiter();
    });
  try {
    await next(1);
    const times: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const t0 = process.hrtime.bigint();
      fs.writeFileSync(file, source.replace("summary: 'Get forms'", `summary: 'Get forms ${i}'`));
      await next(i + 1);
      // The first rebuild warms the in-process modules (the first build loaded only what it used).
      if (i > 1) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return stats(times);
  } finally {
    child.kill('SIGINT');
    fs.rmSync(project, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchSection> {
  const shared = path.resolve(process.env.PCDK_SHARED ?? path.join(root, '..', 'shared'));
  const schemas = fs.existsSync(path.join(shared, 'schemas')) ? path.join(shared, 'schemas') : undefined;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bench-'));
  const cli = path.join(root, 'lib', 'cli', 'bin.js');
  const buildArgs = (outDir: string) => [
    cli,
    'build',
    'convertkit',
    '--out',
    outDir,
    ...(schemas ? ['--schemas', schemas] : []),
  ];
  const args = buildArgs(out);
  // First builds write elsewhere: the warm runs' record of what they wrote stays theirs.
  const coldOut = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bench-cold-'));
  const coldArgs = buildArgs(coldOut);

  // Every whole-process figure is taken in rounds, one run of each per round with TypeSpec's
  // compile among them, so that each ratio's two sides are measured over the same minutes: this
  // machine's speed drifts by a fifth from one minute to the next, more than the differences the
  // targets are about.
  //
  // TypeSpec baseline: the .tsp must sit under the project so its imports resolve.
  const tspDir = path.join(root, 'node_modules', '.cache', 'pcdk-bench', 'typespec');
  fs.mkdirSync(tspDir, { recursive: true });
  fs.writeFileSync(path.join(tspDir, 'main.tsp'), typespecSource(convertkit));
  const tsp = path.join(root, 'node_modules', '@typespec', 'compiler', 'cmd', 'tsp.js');
  const tspArgs = [
    tsp,
    'compile',
    'main.tsp',
    '--emit',
    '@azure-tools/typespec-autorest',
    '--output-dir',
    path.join(tspDir, 'out'),
  ];
  const loop = authorLoop(cli, schemas);
  // The warm runs use the cache of a first build of their own.
  const warmCache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-cache-'));
  timeProcess(process.execPath, args, { cwd: root, env: benchEnv({ PCDK_CACHE_DIR: warmCache }), runs: 1 });
  const runs = { typespec: [] as number[], cold: [] as number[], warm: [] as number[], forced: [] as number[] };
  const loops = { typecheck: [] as number[], noTypecheck: [] as number[] };
  const once = (argv: string[], cwd: string, env: NodeJS.ProcessEnv) =>
    timeProcess(process.execPath, argv, { cwd, env, runs: 1 })[0]!;
  for (let round = 0; round < ROUNDS; round++) {
    runs.typespec.push(once(tspArgs, tspDir, benchEnv()));
    // A first build: an empty cache of its own (what a fresh clone or CI machine pays once).
    const coldCache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-cache-'));
    runs.cold.push(once(coldArgs, root, benchEnv({ PCDK_CACHE_DIR: coldCache })));
    fs.rmSync(coldCache, { recursive: true, force: true });
    runs.warm.push(once(args, root, benchEnv({ PCDK_CACHE_DIR: warmCache })));
    // --force: the build record is not consulted, so every layer runs again (the type-check
    // still answers from its own record when nothing it read changed).
    runs.forced.push(once([...args, '--force'], root, benchEnv({ PCDK_CACHE_DIR: warmCache })));
    loops.typecheck.push(loop.cycle([]));
    loops.noTypecheck.push(loop.cycle(['--no-typecheck']));
  }
  loop.close();
  for (const dir of [warmCache, coldOut]) fs.rmSync(dir, { recursive: true, force: true });
  const typespec = stats(runs.typespec);
  const coldStats = stats(runs.cold);
  const cold = coldStats.median;
  const warm = stats(runs.warm);
  const forced = stats(runs.forced);
  const loopStats = { typecheck: stats(loops.typecheck), noTypecheck: stats(loops.noTypecheck) };

  // In-process CPU for one build once modules are loaded.
  await buildConnector(convertkit, { outDir: out, schemasDir: schemas });
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const n = 10;
  for (let i = 0; i < n; i++) await buildConnector(convertkit, { outDir: out, schemasDir: schemas });
  const inProcessMs = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / n;

  const emitted = path.join(tspDir, 'out', '@azure-tools', 'typespec-autorest', 'openapi.json');
  const tspOps = Object.values<Record<string, unknown>>(JSON.parse(fs.readFileSync(emitted, 'utf8')).paths).reduce(
    (k, item) => k + Object.keys(item).length,
    0,
  );

  const watch = {
    typecheck: await watchLoop(cli, schemas, []),
    noTypecheck: await watchLoop(cli, schemas, ['--no-typecheck']),
  };
  const tsp0 = typespec.median;

  const layers = schemas
    ? 'rules + swagger-parser + official schemas'
    : 'rules + swagger-parser (no ../shared/schemas)';
  return {
    title: `Build ConvertKit (${convertkit.operations.length} operations; ${layers})`,
    // Ratios are of medians; each median's spread is on its own row.
    rows: [
      statsRow(`pcdk build, whole process, first run (empty cache), median of ${ROUNDS}`, coldStats, 'ms'),
      // Nothing changed between these runs: the build answers from its record of the last clean
      // build (src/synth/build-record.ts) and the type-check from its record of the last clean
      // check (src/load/typecheck-record.ts), each after hashing everything it depends on.
      { ...statsRow(`pcdk build, whole process, warm, no source changed, median of ${ROUNDS}`, warm, 'ms'), key: true },
      // The descriptor bundle and client transform come from the cache (esbuild is not started);
      // every validation layer runs.
      statsRow(`pcdk build --force, whole process, warm, no source changed, median of ${ROUNDS}`, forced, 'ms'),
      {
        ...figureRow('pcdk build, in process, wall per build (mean of 10)', inProcessMs, 'ms'),
        value: `${show(inProcessMs, 'ms')} (CPU ${show(cpuMs, 'ms')})`,
      },
      { ...statsRow(`TypeSpec + typespec-autorest, median of ${ROUNDS} (${tspOps} ops)`, typespec, 'ms'), key: true },
      ratioRow('speed-up vs TypeSpec, whole process (target >= 10x)', tsp0 / warm.median, { op: '>=', value: 10 }),
      ratioRow('speed-up vs TypeSpec, in process', tsp0 / inProcessMs),
      statsRow(`author's loop: edit + build with type-check, median of ${ROUNDS}`, loopStats.typecheck, 'ms'),
      statsRow(`author's loop: edit + build, --no-typecheck, median of ${ROUNDS}`, loopStats.noTypecheck, 'ms'),
      ratioRow(
        "author's loop / TypeSpec, with type-check (target <= 0.20)",
        loopStats.typecheck.median / tsp0,
        { op: '<=', value: 0.2 },
        3,
      ),
      ratioRow(
        "author's loop / TypeSpec, no type-check (target <= 0.10)",
        loopStats.noTypecheck.median / tsp0,
        { op: '<=', value: 0.1 },
        3,
      ),
      statsRow("author's loop, build --watch: edit -> rebuilt, with type-check, median of 9", watch.typecheck, 'ms'),
      statsRow("author's loop, build --watch: edit -> rebuilt, --no-typecheck, median of 9", watch.noTypecheck, 'ms'),
      ratioRow(
        "author's loop with --watch / TypeSpec, with type-check (target <= 0.20)",
        watch.typecheck.median / tsp0,
        { op: '<=', value: 0.2 },
        3,
      ),
      ratioRow(
        "author's loop with --watch / TypeSpec, no type-check (target <= 0.10)",
        watch.noTypecheck.median / tsp0,
        { op: '<=', value: 0.1 },
        3,
      ),
      ratioRow('first build / TypeSpec (target <= 0.25)', cold / tsp0, { op: '<=', value: 0.25 }, 3),
      // The speed-up above, as the cost ratio the other targets are written in.
      ratioRow(
        'warm build (no source changed) / TypeSpec (target <= 0.10)',
        warm.median / tsp0,
        { op: '<=', value: 0.1 },
        3,
      ),
      ratioRow('warm build --force (no source changed, every layer) / TypeSpec', forced.median / tsp0, undefined, 3),
    ],
  };
}
