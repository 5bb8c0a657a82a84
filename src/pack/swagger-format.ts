/**
 * Swagger as JSON or YAML. Writing is deterministic in both formats; reading accepts .json,
 * .yaml and .yml so commands that take a swagger can take either (`--format yaml`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type YAML from 'yaml';
import { jsonText } from '../emit/json';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { diagnostic as readDiagnostic } from '../validate/diagnostics';
import { parseStrictJson } from '../validate/swagger-parser';

// yaml loads when YAML is read or written, not with every command that could.
const yaml = (): typeof YAML => require('yaml') as typeof YAML;

export type SwaggerFormat = 'json' | 'yaml';
export const SWAGGER_FORMATS: readonly SwaggerFormat[] = ['json', 'yaml'];

export function swaggerFileName(format: SwaggerFormat): string {
  return `apiDefinition.swagger.${format}`;
}

/**
 * YAML text of a JSON value. No line folding (long descriptions stay on one line) and no
 * anchors/aliases (objects the emitter happens to share are written out each time), so the text
 * parses back to exactly the JSON value.
 */
export function yamlText(value: unknown): string {
  return yaml().stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, indent: 2 });
}

export function swaggerText(doc: unknown, format: SwaggerFormat): string {
  return format === 'yaml' ? yamlText(doc) : jsonText(doc);
}

export function formatFromFileName(file: string): SwaggerFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return undefined;
}

/** Parses swagger text: strict JSON, or YAML restricted to what JSON can hold (no duplicate keys). */
export function parseSwaggerText(
  text: string,
  format: SwaggerFormat,
  where: { connector: string; file: string },
): { value?: unknown; diagnostics: Diagnostic[] } {
  if (format === 'json') return parseStrictJson(text, where);
  const doc = yaml().parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const at = e.linePos ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    return {
      diagnostics: [
        diagnostic('yaml-invalid', { reason: `${e.message.split('\n')[0]}${at}` }, { ...where, pointer: '' }),
      ],
    };
  }
  return { value: doc.toJS({ maxAliasCount: 100 }), diagnostics: [] };
}

/** Reads a swagger file by its extension (.json, .yaml, .yml). */
export function readSwaggerFile(
  file: string,
  connector = path.basename(file),
): { value?: unknown; format?: SwaggerFormat; diagnostics: Diagnostic[] } {
  const format = formatFromFileName(file);
  const where = { connector, file };
  if (!format) return { diagnostics: [diagnostic('swagger-format-unknown', { file }, where)] };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return {
      diagnostics: [
        readDiagnostic(
          'file-unreadable',
          { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
          where,
        ),
      ],
    };
  }
  return { ...parseSwaggerText(text, format, where), format };
}
