/** `pcdk build <ids...>`: load the descriptors from source, type-check and validate them, write dist/<id>/. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { connectorEntry, loadDescriptors } from '../../load/load-descriptors';
import { startTypecheck, tsconfigFor } from '../../load/typecheck';
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
    .action(async (ids: string[], opts: BuildOptions) => {
      const project = projectFrom(opts);
      let failed = false;
      for (const id of ids) {
        const started = process.hrtime.bigint();
        checkId(id);
        // The type-check starts first: it runs in its own process while this one loads and builds.
        const typecheck = opts.typecheck
          ? startTypecheck({
              id,
              entry: connectorEntry(project.definitionsDir, id),
              tsconfig: tsconfigFor(project, id),
              root: project.root,
            })
          : undefined;
        const loading = loadDescriptors(id, project.definitionsDir);
        // The build pipeline's modules load while esbuild bundles the descriptors in its own process.
        const { buildConnector } =
          require('../../synth/build-connector') as typeof import('../../synth/build-connector');
        const loaded = await loading;
        if (!loaded.connector) {
          typecheck?.cancel();
          printDiagnostics(loaded.diagnostics);
          process.stderr.write(`pcdk: ${id}: build failed; the descriptors did not load\n`);
          failed = true;
          continue;
        }
        const result = await buildConnector(loaded.connector, {
          outDir: project.outDir,
          schemasDir: schemasDirFrom(opts.schemas),
          recordingsDir: recordingsDir(project, id, opts.recordings),
          alongside: typecheck?.result,
        });
        printDiagnostics(result.diagnostics);
        const out = path.relative(process.cwd(), result.outDir) || '.';
        if (!result.ok) {
          process.stderr.write(`pcdk: ${id}: build failed; ${out} was left as it was\n`);
          failed = true;
          continue;
        }
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        // A skipped client is only a README saying why: the line must not claim a client.
        const written = result.artifacts
          .map((a) =>
            a.diagnostics.some((d) => d.code === 'client-skipped') ? `${a.target}/README.md (no client)` : a.target,
          )
          .join(', ');
        const checked = opts.typecheck ? 'type-checked, ' : '';
        process.stdout.write(`pcdk: ${id}: ${checked}wrote ${out}/{${written}} in ${ms.toFixed(0)} ms\n`);
      }
      if (failed) process.exitCode = 1;
    });
}
