/**
 * Build = validate descriptors, emit every artifact in memory, validate what was emitted, and
 * only then write, atomically. Nothing reaches dist/ unless every layer passed.
 */
import * as path from 'node:path';
import type { Connector } from '../model/connector';
import { CONNECTOR_FILES, emitConnectorFolder } from '../emit/connector-folder';
import { writeDirAtomic } from '../io/atomic-write';
import { validateDescriptor } from '../validate/descriptor-rules';
import { diagnostic, hasErrors, type Diagnostic } from '../validate/diagnostics';
import { loadOfficialValidators } from '../validate/official-schemas';
import { parseStrictJson, validateWithSwaggerParser } from '../validate/swagger-parser';

export interface BuildOptions {
  /** Root of the output: files go to <outDir>/<id>/connector/. */
  outDir: string;
  /** Folder with the official Power Platform schemas; layer 3 runs only when given. */
  schemasDir?: string;
  /** Emit and validate but write nothing. */
  dryRun?: boolean;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Where the connector folder was written (when ok and not a dry run). */
  connectorDir?: string;
  files?: Map<string, string>;
}

export async function buildConnector(c: Connector, opts: BuildOptions): Promise<BuildResult> {
  const diagnostics = validateDescriptor(c);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const artifacts = emitConnectorFolder(c);
  diagnostics.push(...(await validateEmitted(c.id, artifacts.files, opts.schemasDir)));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const connectorDir = path.join(opts.outDir, c.id, 'connector');
  if (!opts.dryRun) writeDirAtomic(connectorDir, artifacts.files);
  return { ok: true, diagnostics, connectorDir, files: artifacts.files };
}

/** Layers 2 and 3 on the emitted text (re-parsed, so what is checked is what is written). */
export async function validateEmitted(connector: string, files: ReadonlyMap<string, string>, schemasDir?: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const parsed = new Map<string, unknown>();
  for (const file of [CONNECTOR_FILES.apiDefinition, CONNECTOR_FILES.apiProperties, CONNECTOR_FILES.settings]) {
    const text = files.get(file);
    if (text === undefined) continue;
    const r = parseStrictJson(text, { connector, file });
    out.push(...r.diagnostics);
    if (r.value !== undefined) parsed.set(file, r.value);
  }
  const swagger = parsed.get(CONNECTOR_FILES.apiDefinition);
  if (swagger !== undefined) out.push(...(await validateWithSwaggerParser(swagger, { connector, file: CONNECTOR_FILES.apiDefinition })));
  if (schemasDir) {
    let validators;
    try {
      validators = loadOfficialValidators(schemasDir);
    } catch (e) {
      out.push(diagnostic('schemas-unavailable', { dir: schemasDir, reason: (e as Error).message }, { connector }));
      return out;
    }
    const kinds = [
      ['apiDefinition', CONNECTOR_FILES.apiDefinition],
      ['apiProperties', CONNECTOR_FILES.apiProperties],
      ['settings', CONNECTOR_FILES.settings],
    ] as const;
    for (const [kind, file] of kinds) {
      if (parsed.has(file)) out.push(...validators.validate(kind, parsed.get(file), { connector, file }));
    }
  }
  return out;
}
