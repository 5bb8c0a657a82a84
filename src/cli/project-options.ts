/**
 * What commands share: the project they run in (found from the working directory), the options
 * that override its folders, and loading a connector's descriptors with their diagnostics printed.
 * Commands report failures by throwing a PcdkError (../errors), which main prints.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import type { Connector } from '../model/connector';
import { loadDescriptors } from '../load/load-descriptors';
import { findProject, recordingsDirOf, type Project } from '../project/project';
import { formatDiagnostic, type Diagnostic } from '../diagnostics';
import { ReportedFailure, UserError } from '../errors';

export interface ProjectOptions {
  definitions?: string;
  out?: string;
}

/** --definitions and --out, declared once for every command that reads descriptors. */
export function withProjectOptions(cmd: Command, opts: { out?: boolean } = { out: true }): Command {
  cmd.option('--definitions <dir>', 'folder holding <id>/connector.ts (default: definitions/ in the project)');
  if (opts.out) cmd.option('--out <dir>', 'output root; artifacts go to <dir>/<id>/ (default: dist/ in the project)');
  return cmd;
}

export function projectFrom(opts: ProjectOptions): Project {
  return findProject({ definitions: opts.definitions, out: opts.out });
}

export function recordingsDir(project: Project, id: string, override?: string): string {
  return override ? path.resolve(override) : recordingsDirOf(project, id);
}

export function schemasDirFrom(opt?: string): string | undefined {
  return opt ?? (process.env.PCDK_SCHEMAS || undefined);
}

export function printDiagnostics(ds: readonly Diagnostic[]): void {
  for (const d of ds) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

export function checkId(id: string): void {
  if (!/^[a-z][a-z0-9-]*$/.test(id))
    throw new UserError(
      `"${id}" is not a connector id (lower-case letters, digits and dashes, starting with a letter)`,
    );
}

/** Loads definitions/<id>/connector.ts from source; on failure prints why and throws ReportedFailure. */
export async function loadConnectorFor(id: string, project: Project): Promise<Connector> {
  checkId(id);
  const loaded = await loadDescriptors(id, project.definitionsDir);
  if (!loaded.connector) {
    printDiagnostics(loaded.diagnostics);
    throw new ReportedFailure(`${id}: the descriptors did not load`);
  }
  return loaded.connector;
}
