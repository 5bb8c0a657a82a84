/**
 * Loading descriptors: what goes wrong on the author's side before any rule runs (syntax,
 * imports, throws, the type-check).
 */
import { def, defineDiagnostics } from '../diagnostics/define';

export const LOAD_DIAGNOSTICS = defineDiagnostics('load', {
  'descriptor-entry-missing': def<{ id: string; entry: string }>({
    severity: 'error',
    message: (a) => `no connector "${a.id}": ${a.entry} does not exist`,
    hint: 'Create definitions/<id>/connector.ts with `export default defineConnector({...})`, or run `npx pcdk init`.',
  }),
  'descriptor-syntax-error': def<{ message: string }>({
    severity: 'error',
    message: (a) => `syntax error: ${a.message}`,
    hint: 'Fix the TypeScript at this position; the descriptors cannot load until it parses.',
  }),
  'descriptor-import-unresolved': def<{ specifier: string }>({
    severity: 'error',
    message: (a) => `cannot resolve the import "${a.specifier}"`,
    hint: 'Check the path (relative imports start with ./ or ../ and leave out .ts), or install the package.',
  }),
  'descriptor-threw': def<{ message: string }>({
    severity: 'error',
    message: (a) => `the descriptors threw while loading: ${a.message}`,
    hint: 'Fix the code at this position; descriptors are evaluated top to bottom, so a name used before it is defined also lands here.',
  }),
  'descriptor-export-missing': def<{ entry: string }>({
    severity: 'error',
    message: (a) => `${a.entry} has no default export made by defineConnector`,
    hint: "End connector.ts with `export default defineConnector({ ... })`, importing defineConnector from 'pcdk'.",
  }),
  'descriptor-type-error': def<{ code: string; message: string }>({
    severity: 'error',
    message: (a) => `type error ${a.code}: ${a.message}`,
    hint: 'Fix the type at this position (run with --no-typecheck to build anyway while you work).',
  }),
  'typecheck-unavailable': def<{ reason: string }>({
    severity: 'warning',
    message: (a) => `the descriptors were not type-checked: ${a.reason}`,
    hint: 'Reinstall pcdk so its TypeScript 7 compiler is present, or pass --no-typecheck to skip the check on purpose.',
  }),
});

/** This area's definitions, by code. */
export const DIAGNOSTICS = LOAD_DIAGNOSTICS.definitions;
export const { diagnostic } = LOAD_DIAGNOSTICS;
export type DiagnosticCode = keyof typeof LOAD_DIAGNOSTICS.definitions;
