/**
 * Reads an existing connector folder. Real folders hold files with a BOM or trailing commas
 * (reference/power-platform.md §4): those are read leniently and reported as warnings; a real
 * syntax error is an error with its line and column, never a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { readJsonSource } from '../validate/json-source';

export const SOURCE_FILES = {
  apiDefinition: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  script: 'script.csx',
  icon: 'icon.png',
} as const;

export interface ConnectorSource {
  /** The folder, as given. */
  dir: string;
  swagger?: unknown;
  apiProperties?: unknown;
  /** No apiProperties.json in the folder (apiProperties is then derived from the swagger). */
  apiPropertiesMissing?: boolean;
  /** script.csx text, byte for byte (BOM and line ends kept). */
  script?: string;
  icon?: Uint8Array;
  diagnostics: Diagnostic[];
}

/**
 * The shared lenient reader (validate/json-source.ts), reworded for import: a BOM or trailing
 * commas are a warning (the file still imports), a syntax error is an error with its position.
 */
export function parseLenientJson(
  raw: string,
  where: { connector: string; file: string },
): { value?: unknown; diagnostics: Diagnostic[] } {
  const src = readJsonSource(raw, where);
  // Refused unread (too deep or too large): the reader's own located finding says why.
  if (src.refused) return { diagnostics: src.diagnostics.filter((d) => d.code !== 'json-bom') };
  if (src.syntaxError) {
    const { reason, line, column } = src.syntaxError;
    return {
      diagnostics: [
        diagnostic(
          'import-json-invalid',
          { reason: `${reason} at line ${line}, column ${column}` },
          { ...where, pointer: '' },
        ),
      ],
    };
  }
  const reasons: string[] = [];
  if (src.lenient.bom) reasons.push('the file starts with a UTF-8 byte-order mark');
  if (src.lenient.trailingCommas > 0) reasons.push('trailing commas');
  const diagnostics = reasons.length
    ? [diagnostic('import-json-lenient', { reason: reasons.join(' and ') }, { ...where, pointer: '' })]
    : [];
  return { value: src.value, diagnostics };
}

export function readConnectorFolder(dir: string, connector: string): ConnectorSource {
  const out: ConnectorSource = { dir, diagnostics: [] };
  const readText = (file: string, required: boolean): string | undefined => {
    try {
      return fs.readFileSync(path.join(dir, file), 'utf8');
    } catch {
      if (required) out.diagnostics.push(diagnostic('import-file-missing', { file }, { connector, file, pointer: '' }));
      return undefined;
    }
  };
  const swaggerText = readText(SOURCE_FILES.apiDefinition, true);
  if (swaggerText !== undefined) {
    const r = parseLenientJson(swaggerText, { connector, file: SOURCE_FILES.apiDefinition });
    out.swagger = r.value;
    out.diagnostics.push(...r.diagnostics);
  }
  // Absent from a swagger downloaded on its own: import-connector derives one.
  const propsText = readText(SOURCE_FILES.apiProperties, false);
  if (propsText === undefined) out.apiPropertiesMissing = true;
  if (propsText !== undefined) {
    const r = parseLenientJson(propsText, { connector, file: SOURCE_FILES.apiProperties });
    out.apiProperties = r.value;
    out.diagnostics.push(...r.diagnostics);
  }
  out.script = readText(SOURCE_FILES.script, false);
  try {
    out.icon = new Uint8Array(fs.readFileSync(path.join(dir, SOURCE_FILES.icon)));
  } catch {
    // no icon: independent publishers ship none
  }
  return out;
}
