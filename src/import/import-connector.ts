/**
 * `pcdk import` as a library call: read a connector folder, check that the model can express
 * everything in it, and generate descriptor source. Writes nothing (the CLI writes the file map
 * atomically).
 */
import * as path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { validateWithSwaggerParser } from '../validate/swagger-parser';
import { checkApiProperties, checkSwagger, isObj } from './check';
import { derivedApiProperties } from './derived-properties';
import { generateDescriptors } from './generate';
import { fileBaseFrom } from './names';
import { SOURCE_FILES, readConnectorFolder, type ConnectorSource } from './read-source';
import { secretSlots, type SecretSlot } from './secrets';
import type { TypedShare } from './typed-operation';

export interface ImportOptions {
  /** Connector id (folder-safe); derived from the folder name when absent. */
  id?: string;
  /** Import specifier of src/model as seen from the output folder. */
  modelImport: string;
  /** Also run swagger-parser on the source and report what it rejects (a warning: the import goes on). */
  validateSource?: boolean;
}

export interface ImportResult {
  id: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Relative path -> contents; empty when not ok. */
  files: Map<string, string | Uint8Array>;
  source: ConnectorSource;
  /** The OAuth client secrets of the source, replaced by secret('ENV') in the descriptors: places and names only. */
  secrets: readonly SecretSlot[];
  /** How many operations and parameters are written typed (the rest as declared); absent when not ok. */
  typed?: TypedShare;
}

/** A connector id from a folder name: "Azure Communication Services Email" -> "azure-communication-services-email". */
export function idFromFolder(dir: string): string {
  const base = fileBaseFrom(path.basename(path.resolve(dir)), 'connector');
  return /^[a-z]/.test(base) ? base : `c-${base}`;
}

export async function importConnector(dir: string, opts: ImportOptions): Promise<ImportResult> {
  const id = opts.id ?? idFromFolder(dir);
  const source = readConnectorFolder(dir, id);
  const diagnostics = [...source.diagnostics];
  const files = new Map<string, string | Uint8Array>();
  if (source.swagger !== undefined) diagnostics.push(...checkSwagger(source.swagger, id, SOURCE_FILES.apiDefinition));
  const atProperties = { connector: id, file: SOURCE_FILES.apiProperties, pointer: '' };
  if (source.apiPropertiesMissing && isObj(source.swagger)) {
    // A swagger on its own: apiProperties derived from it stand in as the source from here on.
    const d = derivedApiProperties(source.swagger, id);
    source.apiProperties = d.apiProperties;
    diagnostics.push(
      diagnostic('import-properties-derived', { derived: d.derived, todo: d.todo.join('; ') }, atProperties),
    );
  } else if (source.apiPropertiesMissing)
    diagnostics.push(diagnostic('import-file-missing', { file: SOURCE_FILES.apiProperties }, atProperties));
  if (source.apiProperties !== undefined)
    diagnostics.push(...checkApiProperties(source.apiProperties, id, SOURCE_FILES.apiProperties));
  if (opts.validateSource && isObj(source.swagger)) {
    for (const d of await validateWithSwaggerParser(source.swagger, {
      connector: id,
      file: SOURCE_FILES.apiDefinition,
    })) {
      const reason = d.message.replace(/^swagger-parser rejects the definition: /, '');
      diagnostics.push(
        diagnostic(
          'import-swagger-invalid',
          { reason },
          { connector: id, file: SOURCE_FILES.apiDefinition, pointer: '' },
        ),
      );
    }
  }
  const secrets = secretSlots(source.apiProperties, id);
  for (const s of secrets)
    diagnostics.push(
      diagnostic(
        'import-secret-replaced',
        { env: s.env },
        { connector: id, file: SOURCE_FILES.apiProperties, pointer: s.pointer },
      ),
    );
  if (hasErrors(diagnostics) || !isObj(source.swagger) || !isObj(source.apiProperties))
    return { id, ok: false, diagnostics, files, source, secrets };
  const generated = generateDescriptors({
    id,
    sourceName: path.basename(path.resolve(dir)),
    swagger: source.swagger,
    apiProperties: source.apiProperties,
    script: source.script,
    icon: source.icon,
    modelImport: opts.modelImport,
    secrets,
  });
  return { id, ok: true, diagnostics, files: generated.files, source, secrets, typed: generated.typed };
}
