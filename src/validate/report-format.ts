/**
 * The three ways `pcdk validate` prints its findings: text for people, JSON for scripts, SARIF
 * 2.1.0 for code scanning (GitHub shows a result only when it has a region with startLine, so
 * every result carries one). Pure: results in, text out.
 */
import * as path from 'node:path';
import type { Diagnostic, DiagnosticDefinition } from '../diagnostics';
import type { ValidationResult } from './validate-target';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface Totals {
  errors: number;
  warnings: number;
}

export function totals(results: readonly ValidationResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/** The path of the file a diagnostic is about, relative to `cwd`, with forward slashes. */
export function diagnosticPath(r: ValidationResult, d: Diagnostic, cwd: string): string | undefined {
  if (!d.file) return undefined;
  const base = /\.json$/i.test(r.target) ? path.dirname(r.target) : r.target;
  const abs = path.isAbsolute(d.file) ? d.file : path.resolve(base, d.file);
  return path.relative(cwd, abs).split(path.sep).join('/') || path.basename(abs);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(results: readonly ValidationResult[], cwd: string): string {
  const out: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const file = diagnosticPath(r, d, cwd);
      const built = file ? `${file}:${d.line ?? 1}:${d.column ?? 1}` : undefined;
      const place = [d.operation, d.field].filter(Boolean).join(' > ');
      const rule = d.msRule ? ` (${d.msRule})` : '';
      const pointer = d.pointer ? ` at ${d.pointer}` : '';
      const head = `${d.severity} [${d.code}]${rule} ${place ? `${place}: ` : ''}${d.message}`;
      // A finding in the descriptors leads with the .ts place the author edits (as a compiler's
      // does); the built file and pointer follow.
      if (d.source) {
        const src = path.relative(cwd, d.source.file).split(path.sep).join('/') || d.source.file;
        const also = built ? ` (${built}${pointer})` : '';
        out.push(`${src}:${d.source.line}:${d.source.column}: ${head}${also}`);
      } else out.push(`${built ?? r.connector}: ${head}${pointer}`);
      out.push(`    fix: ${d.hint}`);
    }
  }
  const t = totals(results);
  out.push(
    `${plural(results.length, 'connector')} checked: ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}`,
  );
  return `${out.join('\n')}\n`;
}

export function formatJson(results: readonly ValidationResult[], cwd: string): string {
  const body = {
    ...totals(results),
    results: results.map((r) => ({
      connector: r.connector,
      target: path.relative(cwd, path.resolve(r.target)).split(path.sep).join('/') || '.',
      diagnostics: r.diagnostics.map((d) => ({ ...d, ...(d.file ? { path: diagnosticPath(r, d, cwd) } : {}) })),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Every code's definition, as the CLI's catalog merges the areas' (src/cli/diagnostic-catalog.ts). */
export type Catalog = ReadonlyMap<string, { area: string; definition: DiagnosticDefinition<never> }>;

/** A message template with {placeholders}, rendered from the definition's typed message function. */
export function messageTemplate(code: string, definition: DiagnosticDefinition<never>): string {
  const placeholders = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `{${key}}` : undefined) });
  try {
    return (definition.message as (a: unknown) => string)(placeholders);
  } catch {
    return code;
  }
}

/** The catalog as a table: what `pcdk validate --rules` prints. */
export function formatRules(format: 'text' | 'json', catalog: Catalog): string {
  const rows = [...catalog].map(([code, { area, definition: d }]) => {
    return {
      code,
      area,
      severity: d.severity,
      ...(d.certification ? { certification: d.certification } : {}),
      msRule: d.msRule ?? '',
      message: messageTemplate(code, d),
      hint: d.hint,
    };
  });
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return `${rows
    .map(
      (r) =>
        `${r.code} (${r.severity}${r.certification ? `; ${r.certification} in existing files` : ''}${r.msRule ? `; ${r.msRule}` : ''})\n    ${r.message}\n    fix: ${r.hint}`,
    )
    .join('\n')}\n`;
}

function sarifLevel(s: Diagnostic['severity']): 'error' | 'warning' {
  return s;
}

export function formatSarif(
  results: readonly ValidationResult[],
  cwd: string,
  toolVersion: string,
  catalog: Catalog,
): string {
  const codes = [...catalog.keys()];
  const index = new Map(codes.map((c, i) => [c, i]));
  const rules = [...catalog].map(([code, { definition: d }]) => {
    return {
      id: code,
      ...(d.msRule ? { name: d.msRule } : {}),
      shortDescription: { text: messageTemplate(code, d) },
      help: { text: d.hint },
      defaultConfiguration: { level: sarifLevel(d.severity) },
      ...(d.msRule ? { properties: { msRule: d.msRule } } : {}),
    };
  });
  const sarifResults = results.flatMap((r) =>
    r.diagnostics.map((d) => {
      const file = diagnosticPath(r, d, cwd);
      const logical = [d.connector, d.operation, d.field].filter(Boolean).join('/');
      return {
        ruleId: d.code,
        ruleIndex: index.get(d.code),
        level: sarifLevel(d.severity),
        message: { text: `${d.message}. Fix: ${d.hint}` },
        locations: [
          {
            ...(file
              ? {
                  physicalLocation: {
                    artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/') },
                    region: { startLine: d.line ?? 1, startColumn: d.column ?? 1 },
                  },
                }
              : {}),
            logicalLocations: [{ fullyQualifiedName: logical }],
          },
        ],
        ...(d.pointer !== undefined ? { properties: { jsonPointer: d.pointer } } : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pcdk', version: toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
