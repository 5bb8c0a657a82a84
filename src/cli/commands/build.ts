/** `pcdk build <ids...>`: validate descriptors and write dist/<id>/. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { buildConnector } from '../../build/build-connector';
import { formatDiagnostic } from '../../validate/diagnostics';
import { loadConnector } from '../load-definition';
import { schemasDirFrom } from '../options';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('validate the descriptors and write dist/<id>/ (connector folder and the other artifacts)')
    .argument('<ids...>', 'connector ids (folders under definitions/)')
    .option('--out <dir>', 'output root', 'dist')
    .option('--definitions <dir>', 'folder holding <id>/connector.ts')
    .option('--schemas <dir>', 'folder with the official Power Platform JSON schemas (or PCDK_SCHEMAS)')
    .option('--fixtures <dir>', 'folder of <id>/ recorded fixtures, checked when present', 'test/fixtures')
    .action(async (ids: string[], opts: { out: string; definitions?: string; schemas?: string; fixtures: string }) => {
      let failed = false;
      for (const id of ids) {
        const started = process.hrtime.bigint();
        const connector = loadConnector(id, opts.definitions);
        const result = await buildConnector(connector, { outDir: opts.out, schemasDir: schemasDirFrom(opts.schemas), fixturesRoot: opts.fixtures });
        for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
        if (!result.ok) {
          process.stderr.write(`pcdk: ${id}: build failed; ${result.outDir} was left as it was\n`);
          failed = true;
          continue;
        }
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const written = result.artifacts.map((a) => a.target).join(', ');
        process.stdout.write(`pcdk: ${id}: wrote ${path.relative(process.cwd(), result.outDir) || '.'}/{${written}} in ${ms.toFixed(0)} ms\n`);
      }
      if (failed) process.exitCode = 1;
    });
}
