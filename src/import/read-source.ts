/**
 * Reads an existing connector folder. Real folders hold files with a BOM or trailing commas
 * (reference/power-platform.md §4): those are read leniently and reported as warnings; a real
 * syntax error is an error with its line and column, never a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../validate/diagnostics';

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
  /** script.csx text, byte for byte (BOM and line ends kept). */
  script?: string;
  icon?: Uint8Array;
  diagnostics: Diagnostic[];
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Strict JSON first; else BOM-stripped, trailing-comma-tolerant JSON (reported); else an error. */
export function parseLenientJson(raw: string, where: { connector: string; file: string }): { value?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { value: JSON.parse(raw), diagnostics: [] };
  } catch {
    // fall through to the lenient read, which also locates the error
  }
  const diagnostics: Diagnostic[] = [];
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const text = hasBom ? raw.slice(1) : raw;
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    const { line, column } = lineColumn(text, e.offset);
    diagnostics.push(diagnostic('import-json-invalid', { reason: `${printParseErrorCode(e.error)} at line ${line}, column ${column}` }, { ...where, pointer: '' }));
    return { diagnostics };
  }
  let strictAfterBom = false;
  try {
    JSON.parse(text);
    strictAfterBom = true;
  } catch {
    // it needed the trailing-comma tolerance too
  }
  const reasons: string[] = [];
  if (hasBom) reasons.push('the file starts with a UTF-8 byte-order mark');
  if (!strictAfterBom) reasons.push('trailing commas');
  diagnostics.push(diagnostic('import-json-lenient', { reason: reasons.join(' and ') }, { ...where, pointer: '' }));
  return { value, diagnostics };
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
  const propsText = readText(SOURCE_FILES.apiProperties, true);
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
