/** `pcdk build <ids...>`: load the descriptors from source, type-check and validate them, write dist/<id>/. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { watchTree, type TreeWatcher } from '../../io/watch-tree';
import { connectorEntry, loadDescriptors } from '../../load/load-descriptors';
import { startTypecheck, tsconfigFor, type RunningTypecheck } from '../../load/typecheck';
import { fingerprint, keepBuildRecord, pcdkIdentity, recordedBuild } from '../../synth/build-record';
import {
  checkId,
  printDiagnostics,
  projectFrom,
  recordingsDir,
  schemasDirFrom,
  withProjectOptions,
  type ProjectOptions,
} from '../project-options';

interface BuildOptions extends ProjectOptions {
  schemas?: string;
  recordings?: string;
  typecheck: boolean;
  watch?: boolean;
  force?: boolean;
}

export function registerBuild(program: Command): void {
  const cmd = program
    .command('build')
    .description('load the descriptors from source, type-check and validate them, and write dist/<id>/')
    .argument('<ids...>', 'connector ids (folders under definitions/)');
  withProjectOptions(cmd)
    .option('--schemas <dir>', 'folder with the official Power Platform JSON schemas (or PCDK_SCHEMAS)')
    .option('--recordings <dir>', "the connector's recorded exchanges (default: definitions/<id>/recordings)")
    .option('--no-typecheck', 'skip the TypeScript type-check of the descriptors')
    .option('--watch', 'build, then rebuild each connector whenever a file under definitions/<id>/ changes')
    .option('--force', 'build even when nothing changed since the last clean build')
    .action(async (ids: string[], opts: BuildOptions) => {
      const project = projectFrom(opts);
      for (const id of ids) checkId(id);
      let failed = false;
      for (const id of ids) if (!(await buildOne(id, project, opts))) failed = true;
      if (opts.watch) return watchAndRebuild(ids, project, opts);
      if (failed) process.exitCode = 1;
    });
}

type Project = ReturnType<typeof projectFrom>;

const TYPECHECK_CODES = new Set(['descriptor-type-error', 'typecheck-unavailable']);

/** One build of one connector, reported on stdout/stderr; true when it wrote dist/<id>/. */
async function buildOne(id: string, project: Project, opts: BuildOptions): Promise<boolean> {
  const started = process.hrtime.bigint();
  const startedAt = Date.now();
  // The type-check runs in its own process while this one loads and builds; its answer is needed
  // only at the end. The descriptor bundle is needed first, so esbuild is asked for it first (on
  // two cores, the compiler started earlier delayed the bundle the build then waited for).
  let typecheck: RunningTypecheck | undefined;
  const startCheck = (): void => {
    if (typecheck || !opts.typecheck) return;
    typecheck = startTypecheck({
      id,
      entry: connectorEntry(project.definitionsDir, id),
      tsconfig: tsconfigFor(project, id),
      root: project.root,
    });
  };
  // The build pipeline's modules load while esbuild bundles the descriptors in its own process.
  const pipeline = () => require('../../synth/build-connector') as typeof import('../../synth/build-connector');
  const loaded = await loadDescriptors(id, project.definitionsDir, {
    whileBundling: () => {
      startCheck();
      pipeline();
    },
  });
  if (!loaded.connector) {
    typecheck?.cancel();
    printDiagnostics(loaded.diagnostics);
    process.stderr.write(`pcdk: ${id}: build failed; the descriptors did not load\n`);
    return false;
  }
  // A kept bundle called for no esbuild: the check starts now.
  startCheck();
  const schemasDir = schemasDirFrom(opts.schemas);
  const recordings = recordingsDir(project, id, opts.recordings);
  const identity = pcdkIdentity();
  const fp = identity
    ? fingerprint(
        {
          identity,
          connector: loaded.connector,
          sources: loaded.sources,
          outDir: project.outDir,
          schemasDir,
          recordingsDir: recordings,
          env: process.env,
        },
        startedAt,
      )
    : undefined;
  const checked = opts.typecheck ? 'type-checked, ' : '';
  const elapsed = () => (Number(process.hrtime.bigint() - started) / 1e6).toFixed(0);
  let alongside = typecheck?.result;
  const recorded = fp && !opts.force ? recordedBuild(fp, path.join(project.outDir, id)) : undefined;
  if (recorded) {
    // Nothing the last clean build read or wrote has changed: its findings stand, and the
    // type-check (which reads more than the record covers) has the last word.
    const typeFindings = (await alongside) ?? [];
    if (typeFindings.length === 0) {
      printDiagnostics(recorded.diagnostics);
      const out = path.relative(process.cwd(), path.join(project.outDir, id)) || '.';
      process.stdout.write(
        `pcdk: ${id}: ${checked}${out}/{${recorded.written.join(', ')}} up to date (nothing changed since the last build; --force rebuilds) in ${elapsed()} ms\n`,
      );
      return true;
    }
    alongside = Promise.resolve(typeFindings);
  }
  const result = await pipeline().buildConnector(loaded.connector, {
    outDir: project.outDir,
    schemasDir,
    recordingsDir: recordings,
    alongside,
  });
  printDiagnostics(result.diagnostics);
  const out = path.relative(process.cwd(), result.outDir) || '.';
  if (!result.ok) {
    process.stderr.write(`pcdk: ${id}: build failed; ${out} was left as it was\n`);
    return false;
  }
  // A skipped client is only a README saying why: the line must not claim a client.
  const written = result.artifacts.map((a) =>
    a.diagnostics.some((d) => d.code === 'client-skipped') ? `${a.target}/README.md (no client)` : a.target,
  );
  if (fp) {
    // The type-check's findings are its own to give on each build, never replayed.
    const diagnostics = result.diagnostics.filter((d) => !TYPECHECK_CODES.has(d.code));
    keepBuildRecord(fp, result.outDir, result.artifacts, { diagnostics, written });
  }
  process.stdout.write(`pcdk: ${id}: ${checked}wrote ${out}/{${written.join(', ')}} in ${elapsed()} ms\n`);
  return true;
}

/**
 * --watch: the author's loop without a process start. Each connector's folder is watched; a
 * change (debounced, so one save is one build) rebuilds that connector in this process, the
 * type-check still in its own. A build that fails is reported and the watch goes on; a change
 * during a build queues one more build. Stops on Ctrl-C (SIGINT) or SIGTERM.
 */
function watchAndRebuild(ids: string[], project: Project, opts: BuildOptions): Promise<void> {
  const DEBOUNCE_MS = 25;
  return new Promise((resolve) => {
    const watchers: TreeWatcher[] = [];
    const state = new Map<string, { timer?: NodeJS.Timeout; running: boolean; again: boolean }>();
    const run = async (id: string): Promise<void> => {
      const s = state.get(id)!;
      if (s.running) {
        s.again = true;
        return;
      }
      s.running = true;
      try {
        await buildOne(id, project, opts);
      } catch (e) {
        // A watch outlives any one build: an unexpected failure is reported, not fatal.
        process.stderr.write(`pcdk: ${id}: build failed: ${(e as Error).message}\n`);
      }
      s.running = false;
      if (s.again) {
        s.again = false;
        void run(id);
      }
    };
    for (const id of ids) {
      state.set(id, { running: false, again: false });
      const dir = path.join(project.definitionsDir, id);
      const w = watchTree(dir, () => {
        const s = state.get(id)!;
        clearTimeout(s.timer);
        s.timer = setTimeout(() => void run(id), DEBOUNCE_MS);
      });
      watchers.push(w);
    }
    process.stdout.write(
      `pcdk: watching ${ids.map((id) => path.join(path.relative(process.cwd(), project.definitionsDir) || '.', id)).join(', ')} (Ctrl-C stops)\n`,
    );
    const stop = (): void => {
      for (const w of watchers) w.close();
      for (const s of state.values()) clearTimeout(s.timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
