/**
 * `pcdk diff <old> <new>`: what a new version of a connector changes for flows already in the
 * field. Exit 1 when anything breaks them, 0 otherwise, 2 on usage errors.
 */
import { Option, type Command } from 'commander';
import { diffSwagger } from '../../diff/breaking-changes';
import { formatDiffJson, formatDiffText, summarize } from '../../diff/diff-report';
import { loadSwagger } from '../../diff/load-swagger';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare two versions of a connector (folders or swagger files): breaking changes and additions')
    .argument('<old>', 'the published version: connector folder or apiDefinition.swagger.json')
    .argument('<new>', 'the new version: connector folder or apiDefinition.swagger.json')
    .option('--json', 'print JSON (same as --format json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((oldTarget: string, newTarget: string, opts: { json?: boolean; format: 'text' | 'json' }) => {
      // An unreadable side is a DiffInputError, which main prints as `pcdk: <message>`.
      const before = loadSwagger(oldTarget);
      const after = loadSwagger(newTarget);
      const changes = diffSwagger(before, after);
      const labels = { old: oldTarget, new: newTarget };
      process.stdout.write(
        opts.json || opts.format === 'json' ? formatDiffJson(changes, labels) : formatDiffText(changes, labels),
      );
      if (summarize(changes).breaking > 0) process.exitCode = 1;
    });
}
