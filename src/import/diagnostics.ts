/** Importing an existing connector folder into descriptors, and proving the round trip. */
import { def, defineDiagnostics } from '../diagnostics/define';

export const IMPORT_DIAGNOSTICS = defineDiagnostics('import', {
  'import-file-missing': def<{ file: string }>({
    severity: 'error',
    message: (a) => `${a.file} is missing or unreadable`,
    hint: 'Point pcdk import at a connector folder holding apiDefinition.swagger.json (and apiProperties.json, which is derived from the swagger when absent).',
  }),
  'import-json-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `not JSON, even read leniently: ${a.reason}`,
    hint: 'Fix the syntax at the position given (a missing comma or quote, a stray character), then import again.',
  }),
  'import-json-lenient': def<{ reason: string }>({
    severity: 'warning',
    message: (a) => `read leniently: ${a.reason}`,
    hint: 'Nothing to do for the import: the rebuilt file is strict JSON. Strict parsers (paconn, GitHub import) reject the original.',
  }),
  'import-swagger-invalid': def<{ reason: string }>({
    severity: 'warning',
    message: (a) => `the source is not valid Swagger 2.0 for swagger-parser: ${a.reason}`,
    hint: 'The import keeps the document as declared, so the rebuilt file has the same fault: fix it in the descriptors.',
  }),
  'import-unsupported': def<{ what: string }>({
    severity: 'error',
    message: (a) => `the descriptor model cannot express ${a.what}`,
    hint: 'Remove or rename the key in the source (a typo of a known key, an OpenAPI 3 key), or extend src/model and the emitters; nothing is dropped silently.',
  }),
  'import-value-invalid': def<{ expected: string }>({
    severity: 'error',
    message: (a) => `expected ${a.expected} here`,
    hint: 'Fix the value in the source file; the descriptor types accept only what the official schema allows.',
  }),
  'import-secret-present': def<{ what: string }>({
    severity: 'error',
    message: (a) => `the source holds a secret value (${a.what}); pcdk does not copy secrets into descriptors`,
    hint: 'Remove the value from the source file (paconn and pac inject the client secret at deployment with --secret), then import again.',
  }),
  'import-secret-replaced': def<{ env: string }>({
    severity: 'warning',
    message: (a) =>
      `the source holds an OAuth client secret; the descriptor names the environment variable ${a.env} instead (secret('${a.env}'))`,
    hint: 'Set that variable when you run pcdk build (the build fails, naming it, when it is missing). The value was not copied into any generated file; rotate it if the source folder was ever shared.',
  }),
  'import-vendor-extensions': def<{ keys: string }>({
    severity: 'warning',
    message: (a) => `vendor keys outside the official schema kept verbatim: ${a.keys}`,
    hint: 'They are carried as extensions; the official schema (and certification) may reject them.',
  }),
  'import-properties-kept': def<{ keys: string }>({
    severity: 'warning',
    message: (a) => `apiProperties keys the model has no field for, kept verbatim: ${a.keys}`,
    hint: 'Nothing to do for the import: the rebuilt apiProperties.json holds them as the source does. paconn and the official schema may reject them; remove them from the descriptor if the platform does not need them.',
  }),
  'import-properties-root-kept': def<{ keys: string }>({
    severity: 'warning',
    message: (a) => `apiProperties holds keys beside "properties", kept verbatim at its root: ${a.keys}`,
    hint: 'The platform reads only what is under "properties": move publisher, stackOwner, iconBrandColor or capabilities there, and remove the rest (the official schema rejects keys at the root).',
  }),
  'import-properties-derived': def<{ derived: string; todo: string }>({
    severity: 'warning',
    message: (a) =>
      `the folder has no apiProperties.json (a swagger on its own): one was derived from securityDefinitions, with ${a.derived}; still to decide: ${a.todo}`,
    hint: 'Edit `properties` in connector.ts before publishing (the certification rules check publisher and stackOwner); or import the folder with its apiProperties.json, if there is one.',
  }),
  'import-type-list': def<{ types: string }>({
    severity: 'warning',
    message: (a) => `a list of types, ${a.types}, kept verbatim: Swagger 2.0 has one type per schema`,
    hint: 'Write the one type and, for "null", x-nullable: true (nullable: true in a t.* builder); until then swagger-parser and the official schema report it, as knownFindings.',
  }),
  'import-policy-kept': def<{ reason: string }>({
    severity: 'warning',
    message: (a) => `a policy template instance kept verbatim, though ${a.reason}`,
    hint: 'The platform applies only the templates and parameters it knows: correct the spelling in the descriptor (connector.ts, properties.policyTemplateInstances) or remove the instance if the connector works without it.',
  }),
  'import-known-findings': def<{ count: number }>({
    severity: 'warning',
    message: (a) =>
      `the imported connector has ${a.count} finding(s) pcdk build or validate reports as errors; connector.ts lists them as knownFindings, so they are warnings until fixed`,
    hint: 'Fix them one at a time (each entry of knownFindings quotes its finding) and delete each entry as you go; the build warns (known-finding-fixed) about an entry whose fault is gone.',
  }),
  'round-trip-mismatch': def<{ count: number; first: string }>({
    severity: 'error',
    message: (a) => `the rebuilt file differs from the source in ${a.count} place(s), first at ${a.first}`,
    hint: 'A bug in pcdk import or an emitter: please report it with the connector folder.',
  }),
});

/** This area's definitions, by code. */
export const DIAGNOSTICS = IMPORT_DIAGNOSTICS.definitions;
export const { diagnostic } = IMPORT_DIAGNOSTICS;
export type DiagnosticCode = keyof typeof IMPORT_DIAGNOSTICS.definitions;
