/**
 * Build speed: `pcdk build convertkit` with every validation layer (descriptor rules,
 * swagger-parser, and the official schemas when ../shared is there), against TypeSpec +
 * typespec-autorest compiling the same API (generated from the same descriptors), both as whole
 * processes, timed in the same run.
 *
 * The author's loop is what an author waits for: a descriptor edited, then `pcdk build` as a
 * whole process (load from source, type-check, every layer, write), in a project outside this
 * repository that type-checks against pcdk's published .d.ts, as an installed pcdk would.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildConnector } from '../../src/synth/build-connector';
import convertkit from '../../definitions/convertkit/connector';
import type { BenchSection } from './types';
import { benchEnv, fmt, median, ratio, timeProcess } from './measure';
import { typespecSource } from './typespec-source';

const root = path.resolve(__dirname, '..', '..');

/**
 * Copies ConvertKit's descriptors into a temporary project and times edit-then-build cycles:
 * each run changes one operation's summary, so every build sees new source.
 */
function authorLoop(cli: string, schemas: string | undefined): { typecheck: number; noTypecheck: number } {
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
  cycle([]);
  const typecheck = median(Array.from({ length: 9 }, () => cycle([])));
  const noTypecheck = median(Array.from({ length: 9 }, () => cycle(['--no-typecheck'])));
  fs.rmSync(project, { recursive: true, force: true });
  return { typecheck, noTypecheck };
}

export async function run(): Promise<BenchSection> {
  const shared = path.resolve(process.env.PCDK_SHARED ?? path.join(root, '..', 'shared'));
  const schemas = fs.existsSync(path.join(shared, 'schemas')) ? path.join(shared, 'schemas') : undefined;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bench-'));
  const cli = path.join(root, 'lib', 'cli', 'bin.js');
  const args = [cli, 'build', 'convertkit', '--out', out, ...(schemas ? ['--schemas', schemas] : [])];

  // First build with an empty validator cache (what a fresh install pays once), then warm runs.
  const coldCache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-cache-'));
  const cold = timeProcess(process.execPath, args, {
    cwd: root,
    env: benchEnv({ PCDK_CACHE_DIR: coldCache }),
    runs: 1,
  })[0]!;
  const warm = median(
    timeProcess(process.execPath, args, { cwd: root, env: benchEnv({ PCDK_CACHE_DIR: coldCache }), runs: 9 }),
  );

  // In-process CPU for one build once modules are loaded.
  await buildConnector(convertkit, { outDir: out, schemasDir: schemas });
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const n = 10;
  for (let i = 0; i < n; i++) await buildConnector(convertkit, { outDir: out, schemasDir: schemas });
  const inProcessMs = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / n;

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
  const typespec = median(timeProcess(process.execPath, tspArgs, { cwd: tspDir, env: benchEnv(), runs: 5 }));
  const emitted = path.join(tspDir, 'out', '@azure-tools', 'typespec-autorest', 'openapi.json');
  const tspOps = Object.values<Record<string, unknown>>(JSON.parse(fs.readFileSync(emitted, 'utf8')).paths).reduce(
    (k, item) => k + Object.keys(item).length,
    0,
  );

  const loop = authorLoop(cli, schemas);

  const layers = schemas
    ? 'rules + swagger-parser + official schemas'
    : 'rules + swagger-parser (no ../shared/schemas)';
  return {
    title: `Build ConvertKit (${convertkit.operations.length} operations; ${layers})`,
    rows: [
      { label: 'pcdk build, whole process, first run (cold cache)', value: fmt(cold) },
      { label: 'pcdk build, whole process, median of 9', value: fmt(warm) },
      { label: 'pcdk build, in process (wall / CPU per build)', value: `${fmt(inProcessMs)} / ${fmt(cpuMs)}` },
      { label: `TypeSpec + typespec-autorest, median of 5 (${tspOps} ops)`, value: fmt(typespec) },
      { label: 'speed-up vs TypeSpec, whole process (target >= 10x)', value: ratio(typespec, warm) },
      { label: 'speed-up vs TypeSpec, in process', value: ratio(typespec, inProcessMs) },
      { label: "author's loop: edit + build with type-check, median of 9", value: fmt(loop.typecheck) },
      { label: "author's loop: edit + build, --no-typecheck, median of 9", value: fmt(loop.noTypecheck) },
      {
        label: "author's loop / TypeSpec, with type-check (target <= 0.20)",
        value: (loop.typecheck / typespec).toFixed(3),
      },
      {
        label: "author's loop / TypeSpec, no type-check (target <= 0.10)",
        value: (loop.noTypecheck / typespec).toFixed(3),
      },
      { label: 'first build / TypeSpec (target <= 0.25)', value: (cold / typespec).toFixed(3) },
    ],
  };
}
