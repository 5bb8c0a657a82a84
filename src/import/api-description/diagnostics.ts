/**
 * Importing an API's own description (OpenAPI 3.0 / 3.1, Swagger 2.0) into a new connector. Every
 * place the conversion loses information or fills in a placeholder is one of these warnings, so
 * the author knows what to check before publishing; nothing is dropped silently.
 */
import { def, defineDiagnostics } from '../../diagnostics/define';

export const API_IMPORT_DIAGNOSTICS = defineDiagnostics('import/api-description', {
  'api-import-lossy': def<{ what: string }>({
    severity: 'warning',
    message: (a) => `information lost: ${a.what}`,
    hint: 'Power Platform takes Swagger 2.0 schemas only; check the generated schema and adjust it by hand where the API needs the lost detail.',
  }),
  'api-import-skipped': def<{ what: string; reason: string }>({
    severity: 'warning',
    message: (a) => `${a.what} was not imported: ${a.reason}`,
    hint: 'The descriptor model cannot express it as written; add it by hand if the connector needs it.',
  }),
  'api-import-recursive-schema': def<{ name: string }>({
    severity: 'warning',
    message: (a) => `schema ${a.name} refers to itself; the nested occurrence is typed as a free-form object`,
    hint: 'Power Platform cannot show recursive shapes; type the nested level by hand if flows need its fields.',
  }),
  'api-import-server-variable': def<{ url: string; resolved: string }>({
    severity: 'warning',
    message: (a) => `server URL ${a.url} has variables; resolved to their defaults: ${a.resolved}`,
    hint: 'A connector has one fixed host: edit host and basePath in connector.ts if another value is meant.',
  }),
  'api-import-placeholder': def<{ fields: string }>({
    severity: 'warning',
    message: (a) => `the description does not say ${a.fields}; placeholders were written`,
    hint: 'Replace the placeholder values in connector.ts before publishing: certification checks them.',
  }),
  'api-import-auth': def<{ what: string }>({
    severity: 'warning',
    message: (a) => `security: ${a.what}`,
    hint: 'Check the connection settings (auth) in connector.ts.',
  }),
  'api-import-renamed': def<{ what: string; from: string; to: string }>({
    severity: 'warning',
    message: (a) => `${a.what} "${a.from}" became "${a.to}" to meet the certification rules`,
    hint: 'Nothing to do unless you prefer another wording; flows call the operation by its operationId, so settle it before publishing.',
  }),
});

export const { diagnostic: apiImportDiagnostic } = API_IMPORT_DIAGNOSTICS;
export type ApiImportCode = keyof typeof API_IMPORT_DIAGNOSTICS.definitions;
