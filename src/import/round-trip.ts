/**
 * The round trip that proves an import: import a connector folder, write the descriptors, load
 * them back, emit, and compare with the source.
 *
 * Normalization (the only one): both sides are compared as parsed JSON values, so key order and
 * insignificant whitespace do not count, and neither does the encoding of the source text (a BOM,
 * trailing commas, escapes such as \u00e9 vs é, 1.0 vs 1): those are syntax, not content, and
 * the rebuilt file is always strict JSON. Array order, every key, every value and every type
 * count.
 */
import * as path from 'node:path';
import { emitApiProperties } from '../emit/api-properties';
import { emitSwagger } from '../emit/swagger';
import { writeDirAtomic } from '../io/atomic-write';
import type { Connector } from '../model/connector';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { importConnector, type ImportResult } from './import-connector';
import { writeKnownFindings } from './known-findings';
import { asWritten, jsonDifferences } from './json-compare';
import { loadDescriptorFolder } from './load-descriptor';
import { SOURCE_FILES } from './read-source';
import { withoutSecrets } from './secrets';
import { resolveSecrets } from '../synth/secrets';

export { asWritten, jsonDifferences } from './json-compare';

export interface RoundTripResult {
  id: string;
  imported: ImportResult;
  connector?: Connector;
  swaggerEqual: boolean;
  apiPropertiesEqual: boolean;
  scriptEqual: boolean;
  differences: { file: string; pointers: string[] }[];
  diagnostics: Diagnostic[];
  /** How many knownFindings entries the import wrote into connector.ts. */
  knownFindings: number;
}

export interface RoundTripOptions {
  id?: string;
  /** Folder under which <id>/ is written (and replaced). */
  workDir: string;
  modelImport: string;
  validateSource?: boolean;
  /** Write the errors the build and validate find as knownFindings, as `pcdk import` does (default true). */
  knownFindings?: boolean;
  /** The official schemas the build and validate check the import with, for its knownFindings. */
  schemasDir?: string;
}

export async function roundTrip(dir: string, opts: RoundTripOptions): Promise<RoundTripResult> {
  const imported = await importConnector(dir, {
    id: opts.id,
    modelImport: opts.modelImport,
    validateSource: opts.validateSource,
  });
  const result: RoundTripResult = {
    id: imported.id,
    imported,
    swaggerEqual: false,
    apiPropertiesEqual: false,
    scriptEqual: false,
    differences: [],
    diagnostics: [...imported.diagnostics],
    knownFindings: 0,
  };
  if (!imported.ok) return result;
  const out = path.join(opts.workDir, imported.id);
  writeDirAtomic(out, imported.files);
  const known =
    opts.knownFindings === false
      ? { entries: 0, diagnostics: [] }
      : await writeKnownFindings(out, imported, { schemasDir: opts.schemasDir });
  const verified = verifyImport(out, imported);
  return {
    ...result,
    ...verified,
    knownFindings: known.entries,
    diagnostics: [
      ...result.diagnostics,
      ...known.diagnostics,
      ...verifyImportDiagnostics({ id: result.id, differences: verified.differences }),
    ],
  };
}

/** Loads the descriptors written to `out`, emits, and compares with the source the import read. */
export function verifyImport(
  out: string,
  imported: ImportResult,
): Omit<RoundTripResult, 'id' | 'imported' | 'diagnostics' | 'knownFindings'> {
  const c = loadDescriptorFolder(out);
  // The descriptors name each secret by its environment variable and a build writes it empty
  // (paconn or pac fills it at deployment); the source's secrets are blanked the same way, in a
  // copy, so they are the only difference the comparison allows.
  const env = Object.fromEntries(imported.secrets.map((s) => [s.env, 'set']));
  const withValues = resolveSecrets(c, env).connector;
  const sourceProperties = withoutSecrets(
    imported.source.apiProperties,
    imported.secrets.map((s) => s.path),
  );
  const differences: { file: string; pointers: string[] }[] = [];
  const compare = (file: string, rebuilt: unknown, original: unknown): boolean => {
    const pointers = jsonDifferences(asWritten(rebuilt), original);
    if (pointers.length) differences.push({ file, pointers });
    return pointers.length === 0;
  };
  return {
    connector: c,
    swaggerEqual: compare(SOURCE_FILES.apiDefinition, emitSwagger(c), imported.source.swagger),
    apiPropertiesEqual: compare(SOURCE_FILES.apiProperties, emitApiProperties(withValues), sourceProperties),
    scriptEqual: c.script?.source === imported.source.script,
    differences,
  };
}

export function verifyImportDiagnostics(r: Pick<RoundTripResult, 'id' | 'differences'>): Diagnostic[] {
  return r.differences.map(({ file, pointers }) =>
    diagnostic(
      'round-trip-mismatch',
      { count: pointers.length, first: pointers[0]! },
      { connector: r.id, file, pointer: pointers[0] },
    ),
  );
}
