#!/usr/bin/env node
/**
 * `pcdk`: thin commands over the library. Expected failures print diagnostics and exit 1;
 * usage errors exit 2; only a bug shows a stack trace (and only with PCDK_DEBUG=1).
 */
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { buildConnector } from '../build/build-connector';
import { formatDiagnostic } from '../validate/diagnostics';
import { loadConnector, UserError } from './load-definition';

function schemasDirFrom(opt?: string): string | undefined {
  return opt ?? (process.env.PCDK_SCHEMAS || undefined);
}

export function createProgram(): Command {
  const program = new Command('pcdk')
    .description('Power Platform custom connectors written as TypeScript')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('build')
    .description('validate the descriptors and write dist/<id>/connector/')
    .argument('<ids...>', 'connector ids (folders under definitions/)')
    .option('--out <dir>', 'output root', 'dist')
    .option('--definitions <dir>', 'folder holding <id>/connector.ts')
    .option('--schemas <dir>', 'folder with the official Power Platform JSON schemas (or PCDK_SCHEMAS)')
    .action(async (ids: string[], opts: { out: string; definitions?: string; schemas?: string }) => {
      let failed = false;
      for (const id of ids) {
        const started = process.hrtime.bigint();
        const connector = loadConnector(id, opts.definitions);
        const result = await buildConnector(connector, { outDir: opts.out, schemasDir: schemasDirFrom(opts.schemas) });
        for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
        if (!result.ok) {
          process.stderr.write(`pcdk: ${id}: build failed; ${path.join(opts.out, id)} was left as it was\n`);
          failed = true;
          continue;
        }
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        process.stdout.write(`pcdk: ${id}: wrote ${path.relative(process.cwd(), result.connectorDir!)} (${result.files!.size} files, ${ms.toFixed(0)} ms)\n`);
      }
      if (failed) process.exitCode = 1;
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UserError) {
      process.stderr.write(`pcdk: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`pcdk: internal error: ${(e as Error).message}\n`);
    if (process.env.PCDK_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
