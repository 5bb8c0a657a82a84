/**
 * `pcdk import <folder> [--id <id>] [--out definitions/<id>]` and `pcdk import --all <dir>`:
 * existing connector folders -> descriptor source, each checked by rebuilding it and comparing
 * with the source (--no-verify skips that). `pcdk import --api <file>`: an API's own OpenAPI 3.0 /
 * 3.1 or Swagger 2.0 description -> typed descriptors of a new connector (src/import/api-description).
 * Diagnostics go to stderr; exit 1 when any import failed or did not round-trip, 2 on usage errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { findConnectorFolders } from '../../io/connector-folders';
import { writeDirAtomic } from '../../io/atomic-write';
import { idFromFolder, importConnector, type ImportResult } from '../../import/import-connector';
import { SOURCE_FILES } from '../../import/read-source';
import { verifyImport, verifyImportDiagnostics } from '../../import/round-trip';
import { writeKnownFindings } from '../../import/known-findings';
import { NameScope } from '../../import/names';
import { formatTypedShare, sumTypedShares, type TypedShare } from '../../import/typed-operation';
import type { Diagnostic } from '../../diagnostics';
import { printDiagnostics, schemasDirFrom } from '../project-options';
import { isPcdkError, UserError } from '../../errors';
import { createProgress, formatTable } from '../progress';
import { importApiDescriptionFile } from '../../import/api-description/import-description';
import { commaList } from '../../import/api-description/select-operations';

interface ImportCliOptions {
  id?: string;
  out?: string;
  all?: string;
  api?: string;
  tags?: string;
  operations?: string;
  force?: boolean;
  verify: boolean;
}

interface Outcome {
  folder: string;
  id: string;
  status: 'ok' | 'failed' | 'differs';
  operations: number;
  files: number;
  diagnostics: Diagnostic[];
  typed?: TypedShare;
}

/** How imported descriptors import the model: from 'pcdk', as every author's descriptors do. */
export const MODEL_IMPORT = 'pcdk';

async function importOne(folder: string, id: string, out: string, opts: ImportCliOptions): Promise<Outcome> {
  const outcome: Outcome = { folder, id, status: 'failed', operations: 0, files: 0, diagnostics: [] };
  if (fs.existsSync(out) && !opts.force) {
    throw new UserError(`${out} exists; pass --force to replace it (its current content would be lost)`);
  }
  let imported: ImportResult;
  try {
    imported = await importConnector(folder, { id, modelImport: MODEL_IMPORT, validateSource: true });
  } catch (e) {
    // A crafted or broken folder must give a message, not a stack trace: whatever the importer
    // threw, the user sees which folder failed. The original stays as the cause for debugging.
    throw new UserError(`${folder}: import failed: ${(e as Error).message}`, { cause: e });
  }
  outcome.diagnostics.push(...imported.diagnostics);
  if (!imported.ok) return outcome;
  writeDirAtomic(out, imported.files);
  // What the build and validate would fail on becomes knownFindings in connector.ts (warnings until fixed).
  outcome.diagnostics.push(...(await writeKnownFindings(out, imported, { schemasDir: schemasDirFrom() })).diagnostics);
  outcome.files = imported.files.size;
  outcome.typed = imported.typed;
  const verified = opts.verify ? verifyImport(out, imported) : undefined;
  outcome.operations = verified?.connector?.operations.length ?? 0;
  if (verified) outcome.diagnostics.push(...verifyImportDiagnostics({ id, differences: verified.differences }));
  outcome.status =
    verified && (!verified.swaggerEqual || !verified.apiPropertiesEqual || !verified.scriptEqual) ? 'differs' : 'ok';
  return outcome;
}

/** `pcdk import --api <file>`: writes the new connector's descriptors, warnings to stderr. */
function importApi(file: string, opts: ImportCliOptions): void {
  let r: ReturnType<typeof importApiDescriptionFile>;
  try {
    r = importApiDescriptionFile(file, {
      id: opts.id,
      tags: commaList(opts.tags),
      operations: commaList(opts.operations),
      modelImport: MODEL_IMPORT,
    });
  } catch (e) {
    // A description the converter did not foresee must still give a message naming the file,
    // not a stack trace; the original stays as the cause for debugging.
    if (isPcdkError(e)) throw e;
    throw new UserError(`${file}: import failed: ${(e as Error).message}`, { cause: e });
  }
  const out = opts.out ?? path.join('definitions', r.id);
  if (fs.existsSync(out) && !opts.force) {
    throw new UserError(`${out} exists; pass --force to replace it (its current content would be lost)`);
  }
  printDiagnostics(r.diagnostics);
  writeDirAtomic(out, r.files);
  process.stdout.write(
    `pcdk: ${r.id}: wrote ${out} from ${file} (${r.version === '2.0' ? 'Swagger 2.0' : `OpenAPI ${r.version}`}: ${r.operations} operations, ${r.schemas} shared schemas, ${r.files.size} files, ${count(r.diagnostics, 'warning')} warnings); next: pcdk build ${r.id}\n`,
  );
}

function count(ds: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  return ds.filter((d) => d.severity === severity).length;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      "turn an existing connector folder (apiDefinition.swagger.json, apiProperties.json, script.csx, icon.png) into descriptors, or start a new connector from an API's OpenAPI description (--api)",
    )
    .argument('[folder]', 'connector folder to import')
    .option(
      '--api <file>',
      "start a new connector from the API's own OpenAPI 3.0/3.1 or Swagger 2.0 description (JSON or YAML)",
    )
    .option('--tags <list>', 'with --api: import only the operations with one of these tags (comma-separated)')
    .option(
      '--operations <list>',
      'with --api: import only these operations (operationIds, or "METHOD /path" for unnamed ones; comma-separated)',
    )
    .option('--id <id>', 'connector id (default: from the folder name, or with --api from the API title)')
    .option(
      '--out <dir>',
      'output folder (default definitions/<id>; with --all, the folder receiving <id>/ folders, default definitions)',
    )
    .option('--all <dir>', 'import every connector folder under <dir>')
    .option('--force', 'replace existing output folders')
    .option('--no-verify', 'do not rebuild the connector and compare it with the source')
    .action(async function (this: Command, folder: string | undefined, opts: ImportCliOptions) {
      if ([folder, opts.all, opts.api].filter((x) => x !== undefined).length !== 1)
        this.error('pcdk import: give either a folder, --all <dir> or --api <file>', {
          exitCode: 2,
          code: 'pcdk.usage',
        });
      if (!opts.api && (opts.tags !== undefined || opts.operations !== undefined))
        this.error('pcdk import: --tags and --operations narrow an --api import only', {
          exitCode: 2,
          code: 'pcdk.usage',
        });
      if (opts.all && opts.id)
        this.error('pcdk import: --id names one connector; it cannot be used with --all', {
          exitCode: 2,
          code: 'pcdk.usage',
        });
      if (opts.id !== undefined && !/^[a-z][a-z0-9-]{0,63}$/.test(opts.id)) {
        this.error(`pcdk import: "${opts.id}" is not a connector id (lower-case letters, digits and dashes)`, {
          exitCode: 2,
          code: 'pcdk.usage',
        });
      }
      if (opts.api) {
        importApi(opts.api, opts);
        return;
      }
      if (folder) {
        if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory())
          throw new UserError(`${folder} is not a folder`);
        const id = opts.id ?? idFromFolder(folder);
        const out = opts.out ?? path.join('definitions', id);
        const r = await importOne(folder, id, out, opts);
        printDiagnostics(r.diagnostics);
        if (r.status === 'failed') {
          process.stderr.write(`pcdk: ${id}: import failed; nothing was written\n`);
          process.exitCode = 1;
          return;
        }
        const check = opts.verify
          ? r.status === 'ok'
            ? '; rebuilt swagger and apiProperties equal the source'
            : '; the rebuilt connector DIFFERS from the source'
          : '';
        const typed = r.typed ? `; ${formatTypedShare(r.typed)}` : '';
        process.stdout.write(
          `pcdk: ${id}: wrote ${out} (${r.files} files${opts.verify ? `, ${r.operations} operations` : ''})${check}${typed}\n`,
        );
        if (r.status !== 'ok') process.exitCode = 1;
        return;
      }

      const root = opts.all!;
      if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UserError(`${root} is not a folder`);
      const folders = findConnectorFolders(root);
      if (folders.length === 0)
        throw new UserError(`no connector folders (with ${SOURCE_FILES.apiDefinition}) under ${root}`);
      const outRoot = opts.out ?? 'definitions';
      const ids = new NameScope();
      const progress = createProgress(folders.length, process.stderr);
      const outcomes: Outcome[] = [];
      for (const f of folders) {
        const id = ids.claim(idFromFolder(f), '-');
        let o: Outcome;
        try {
          o = await importOne(f, id, path.join(outRoot, id), opts);
        } catch (e) {
          // One folder's expected failure (it exists, it cannot be imported, its descriptors do not
          // load back) is a row in the table; anything else is a bug and stops the run.
          if (!isPcdkError(e)) throw e;
          o = { folder: f, id, status: 'failed', operations: 0, files: 0, diagnostics: [] };
          (o as Outcome & { note?: string }).note = e.message;
        }
        outcomes.push(o);
        progress.tick(path.relative(root, f) || f, o.status);
      }
      progress.done();
      printDiagnostics(outcomes.flatMap((o) => o.diagnostics.filter((d) => d.severity === 'error')));
      const rows = outcomes.map((o) => {
        const firstError = o.diagnostics.find((d) => d.severity === 'error');
        const note =
          (o as Outcome & { note?: string }).note ??
          (firstError ? `[${firstError.code}] ${firstError.pointer ?? ''}` : '');
        const typed = o.typed ? `${o.typed.typedOperations}/${o.typed.operations}` : '';
        return [
          path.relative(root, o.folder) || o.folder,
          o.id,
          o.status,
          String(o.operations),
          typed,
          String(count(o.diagnostics, 'warning')),
          String(count(o.diagnostics, 'error')),
          note,
        ];
      });
      process.stdout.write(
        formatTable(['Folder', 'Id', 'Result', 'Ops', 'Typed', 'Warnings', 'Errors', 'First error'], rows),
      );
      const ok = outcomes.filter((o) => o.status === 'ok').length;
      const share = sumTypedShares(outcomes.flatMap((o) => (o.typed ? [o.typed] : [])));
      process.stdout.write(
        `${ok}/${outcomes.length} imported${opts.verify ? ' and round-tripped' : ''}; ${formatTypedShare(share)}; written under ${outRoot}\n`,
      );
      if (ok !== outcomes.length) process.exitCode = 1;
    });
}
