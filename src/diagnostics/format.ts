/** How a diagnostic reads on a terminal. */
import type { Diagnostic } from './define';

/**
 * `definitions/x/operations/forms.ts:41:16: error [param-summary-missing] x > FormSubAdd > params.form_id: ...`
 * A finding the author can fix in a .ts file leads with that place, as compilers do, so editors
 * and terminals make it clickable; the built file and pointer follow in parentheses.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const cwd = process.cwd();
  const place = [d.connector, d.operations && d.operations.length > 1 ? undefined : d.operation, d.field]
    .filter(Boolean)
    .join(' > ');
  const pos = d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : '';
  const file = d.file ? ` (${d.file}${pos}${d.pointer !== undefined ? `#${d.pointer}` : ''})` : '';
  const src = d.source ? `${relativeTo(cwd, d.source.file)}:${d.source.line}:${d.source.column}: ` : '';
  const shared =
    d.operations && d.operations.length > 1
      ? `\n    used by ${d.operations.length} operations: ${d.operations.join(', ')}`
      : '';
  return `${src}${d.severity} [${d.code}] ${place}${file}: ${d.message}${shared}\n    fix: ${d.hint}`;
}

function relativeTo(cwd: string, file: string): string {
  const sep = file.includes('\\') && !file.includes('/') ? '\\' : '/';
  const base = cwd.endsWith(sep) ? cwd : cwd + sep;
  return file.startsWith(base) ? file.slice(base.length) : file;
}
