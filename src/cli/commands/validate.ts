/**
 * `pcdk validate <connector id | folder | apiDefinition.swagger.json>` and `pcdk validate --all <dir>`:
 * the offline layers of DESIGN.md on a connector's descriptors and the folder they build now (in
 * memory: dist/ may be stale or missing), or on any existing connector folder or file. Exit 0 when
 * clean (warnings allowed), 1 on errors, 2 on usage errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { DIAGNOSTIC_CATALOG } from '../diagnostic-catalog';
import {
  formatJson,
  formatRules,
  formatSarif,
  formatText,
  totals,
  type OutputFormat,
} from '../../validate/report-format';
import { findConnectorFolders } from '../../io/connector-folders';
import {
  validateBuilt,
  validateFolder,
  validateSwaggerFile,
  type ValidationResult,
} from '../../validate/validate-target';
import { UserError } from '../../errors';
import { ownVersion } from '../../io/own-package';
import { loadConnectorFor, projectFrom, withProjectOptions } from '../project-options';
import { schemasDirFrom } from '../project-options';

interface ValidateOptions {
  all?: string;
  rules?: boolean;
  json?: boolean;
  format: OutputFormat;
  schemas?: string;
  out?: string;
  definitions?: string;
}

async function validateOne(
  target: string,
  opts: ValidateOptions,
  schemasDir: string | undefined,
): Promise<ValidationResult> {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return validateFolder(target, { schemasDir });
  if (stat?.isFile()) return validateSwaggerFile(target, { schemasDir });
  if (/^[a-z][a-z0-9-]*$/.test(target)) {
    const project = projectFrom(opts);
    const connector = await loadConnectorFor(target, project);
    return validateBuilt(connector, path.join(project.outDir, connector.id, 'connector'), { schemasDir });
  }
  throw new UserError(`"${target}" is not a file, a folder or a connector id`);
}

export function registerValidate(program: Command): void {
  const cmd = program
    .command('validate')
    .description(
      'check a connector offline: descriptors, strict JSON, swagger-parser, official schemas, certification rules',
    )
    .argument(
      '[target]',
      'connector id (checks definitions/<id> and the connector folder it builds now, in memory), connector folder, or swagger file',
    )
    .option('--all <dir>', 'validate every connector folder under <dir>')
    .option('--rules', 'list every rule: code, severity, Microsoft rule id, message and fix')
    .option('--json', 'print JSON (same as --format json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--schemas <dir>', 'folder with the official Power Platform JSON schemas (or PCDK_SCHEMAS)');
  withProjectOptions(cmd).action(async function (this: Command, target: string | undefined, opts: ValidateOptions) {
    if (opts.rules) {
      process.stdout.write(formatRules(opts.json || opts.format === 'json' ? 'json' : 'text', DIAGNOSTIC_CATALOG));
      return;
    }
    if (!target === !opts.all)
      this.error('pcdk validate: give either a target or --all <dir>', { exitCode: 2, code: 'pcdk.usage' });
    const format: OutputFormat = opts.json ? 'json' : opts.format;
    const schemasDir = schemasDirFrom(opts.schemas);
    const results: ValidationResult[] = [];
    if (opts.all) {
      const dirs = findConnectorFolders(opts.all);
      if (dirs.length === 0)
        throw new UserError(`no connector folders (with apiDefinition.swagger.json) under ${opts.all}`);
      for (const dir of dirs)
        results.push(
          await validateFolder(dir, { schemasDir, connector: path.relative(opts.all, dir) || path.basename(dir) }),
        );
    } else {
      results.push(await validateOne(target!, opts, schemasDir));
    }
    const cwd = process.cwd();
    const text =
      format === 'json'
        ? formatJson(results, cwd)
        : format === 'sarif'
          ? formatSarif(results, cwd, ownVersion(), DIAGNOSTIC_CATALOG)
          : formatText(results, cwd);
    process.stdout.write(text);
    if (totals(results).errors > 0) process.exitCode = 1;
  });
}
