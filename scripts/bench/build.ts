/**
 * Build speed: `pcdk build convertkit` with every validation layer (descriptor rules,
 * swagger-parser, and the official schemas when ../shared is there), against TypeSpec +
 * typespec-autorest compiling the same API (generated from the same descriptors), both as whole
 * processes, timed in the same run.
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

export async function run(): Promise<BenchSection> {
  const shared = path.resolve(process.env.PCDK_SHARED ?? path.join(root, '..', 'shared'));
  const schemas = fs.existsSync(path.join(shared, 'schemas')) ? path.join(shared, 'schemas') : undefined;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bench-'));
  const cli = path.join(root, 'lib', 'cli', 'main.js');
  const args = [cli, 'build', 'convertkit', '--out', out, ...(schemas ? ['--schemas', schemas] : [])];

  // First build with an empty validator cache (what a fresh install pays once), then warm runs.
  const coldCache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-cache-'));
  const cold = timeProcess(process.execPath, args, { cwd: root, env: benchEnv({ PCDK_CACHE_DIR: coldCache }), runs: 1 })[0]!;
  const warm = median(timeProcess(process.execPath, args, { cwd: root, env: benchEnv({ PCDK_CACHE_DIR: coldCache }), runs: 9 }));

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
  const tspArgs = [tsp, 'compile', 'main.tsp', '--emit', '@azure-tools/typespec-autorest', '--output-dir', path.join(tspDir, 'out')];
  const typespec = median(timeProcess(process.execPath, tspArgs, { cwd: tspDir, env: benchEnv(), runs: 5 }));
  const emitted = path.join(tspDir, 'out', '@azure-tools', 'typespec-autorest', 'openapi.json');
  const tspOps = Object.values<Record<string, unknown>>(JSON.parse(fs.readFileSync(emitted, 'utf8')).paths).reduce((k, item) => k + Object.keys(item).length, 0);

  const layers = schemas ? 'rules + swagger-parser + official schemas' : 'rules + swagger-parser (no ../shared/schemas)';
  return {
    title: `Build ConvertKit (${convertkit.operations.length} operations; ${layers})`,
    rows: [
      { label: 'pcdk build, whole process, first run (cold cache)', value: fmt(cold) },
      { label: 'pcdk build, whole process, median of 9', value: fmt(warm) },
      { label: 'pcdk build, in process (wall / CPU per build)', value: `${fmt(inProcessMs)} / ${fmt(cpuMs)}` },
      { label: `TypeSpec + typespec-autorest, median of 5 (${tspOps} ops)`, value: fmt(typespec) },
      { label: 'speed-up vs TypeSpec, whole process (target >= 10x)', value: ratio(typespec, warm) },
      { label: 'speed-up vs TypeSpec, in process', value: ratio(typespec, inProcessMs) },
    ],
  };
}
