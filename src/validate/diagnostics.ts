/**
 * The one diagnostics registry. Every problem pcdk reports has a stable kebab-case code, a
 * severity, a message built from typed arguments, and a fix hint; where Microsoft's validator has
 * a rule for the same thing its id is recorded, so our messages line up with PR feedback.
 */

export type Severity = 'error' | 'warning';

interface Definition<A> {
  readonly severity: Severity;
  readonly message: (args: A) => string;
  readonly hint: string;
  /** Microsoft's swagger-validator rule id, when one exists. */
  readonly msRule?: string;
}
function def<A = Record<string, never>>(d: Definition<A>): Definition<A> {
  return d;
}

export const DIAGNOSTICS = {
  // ---- connector ----
  'connector-id-invalid': def<{ id: string }>({
    severity: 'error',
    message: (a) => `connector id "${a.id}" is not a safe folder name`,
    hint: 'Use lower-case letters, digits and dashes, starting with a letter (it names dist/<id>/).',
  }),
  'title-missing': def({ severity: 'error', msRule: 'FieldLengthExceeded', message: () => 'the connector has no title', hint: 'Set title (at most 30 characters).' }),
  'title-too-long': def<{ length: number }>({
    severity: 'error',
    msRule: 'FieldLengthExceeded',
    message: (a) => `title is ${a.length} characters; at most 30 are allowed`,
    hint: 'Shorten the title; put detail in the description.',
  }),
  'title-ends-badly': def({
    severity: 'error',
    msRule: 'ValueMustEndWithAlphanumeric',
    message: () => 'title must end with a letter or digit',
    hint: 'Remove trailing punctuation or spaces from the title.',
  }),
  'description-length': def<{ length: number }>({
    severity: 'error',
    msRule: 'FieldLengthNotInRange',
    message: (a) => `description is ${a.length} characters; it must be 30 to 500`,
    hint: 'Describe the service in one to three sentences.',
  }),
  'contact-missing': def<{ field: string }>({
    severity: 'error',
    message: (a) => `contact.${a.field} is missing`,
    hint: 'Give contact.name, contact.url and contact.email (certification requires all three).',
  }),
  'contact-email-invalid': def<{ email: string }>({
    severity: 'error',
    msRule: 'ContactEmailNotValid',
    message: (a) => `contact email "${a.email}" is not a valid ASCII address`,
    hint: 'Use an address like name@example.com.',
  }),
  'metadata-missing': def<{ field: string }>({
    severity: 'error',
    msRule: 'ConnectorMetadataPropertiesMissing',
    message: (a) => `metadata.${a.field} is missing`,
    hint: 'Give metadata.website, metadata.privacyPolicy and one or two categories.',
  }),
  'category-invalid': def<{ category: string }>({
    severity: 'error',
    msRule: 'InvalidConnectorCategory',
    message: (a) => `"${a.category}" is not a connector category`,
    hint: 'Pick from the list in src/model/connector.ts (CATEGORIES), e.g. Marketing or Productivity.',
  }),
  'too-many-categories': def<{ count: number }>({
    severity: 'error',
    msRule: 'TooManyConnectorCategories',
    message: (a) => `${a.count} categories given; at most 2 are allowed`,
    hint: 'Keep the two categories that fit best.',
  }),
  'icon-brand-color-invalid': def<{ color: string }>({
    severity: 'error',
    message: (a) => `iconBrandColor "${a.color}" is not a #rrggbb colour`,
    hint: 'Independent publishers use "#da3b01".',
  }),
  'host-invalid': def<{ host: string }>({
    severity: 'error',
    msRule: 'HostNameNotValid',
    message: (a) => `host "${a.host}" must be a bare host name (no scheme, path or template)`,
    hint: 'Write host as "api.example.com" and put the path prefix in basePath.',
  }),
  'base-path-invalid': def<{ basePath: string }>({
    severity: 'error',
    msRule: 'BasePathNotValid',
    message: (a) => `basePath "${a.basePath}" must start with "/"`,
    hint: 'Write basePath as "/v1/".',
  }),
  'throttling-invalid': def({
    severity: 'error',
    message: () => 'throttling must give positive whole numbers for calls and renewalSeconds',
    hint: 'Write throttling: { calls: 100, renewalSeconds: 60 }.',
  }),
  'auth-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `auth is invalid: ${a.reason}`,
    hint: 'See the Auth type in src/model/connector.ts.',
  }),
  'too-many-operations': def<{ count: number }>({
    severity: 'error',
    msRule: 'TotalOperationsCountExceedsMaxAllowed',
    message: (a) => `${a.count} operations; a connector may have at most 256`,
    hint: 'Split the API into two connectors.',
  }),
  // ---- operations ----
  'operation-id-missing': def({
    severity: 'error',
    msRule: 'OperationIdRequired',
    message: () => 'the operation has no id',
    hint: 'Give every operation a PascalCase id, e.g. GetMessages.',
  }),
  'operation-id-invalid': def<{ id: string }>({
    severity: 'error',
    msRule: 'OperationIdSanitized',
    message: (a) => `operationId "${a.id}" must be letters and digits only`,
    hint: 'Use PascalCase letters and digits, e.g. GetMessages (no dashes, underscores or spaces).',
  }),
  'duplicate-operation-id': def<{ id: string; count: number }>({
    severity: 'error',
    msRule: 'OperationIdNotUnique',
    message: (a) => `operationId "${a.id}" is used by ${a.count} operations`,
    hint: 'Give each operation its own id; flows call operations by id.',
  }),
  'duplicate-route': def<{ method: string; path: string }>({
    severity: 'error',
    msRule: 'DuplicateOperationPath',
    message: (a) => `${a.method.toUpperCase()} ${a.path} is defined twice`,
    hint: 'Merge the two operations or change one path.',
  }),
  'path-invalid': def<{ path: string }>({
    severity: 'error',
    msRule: 'OperationPathTemplateNotValid',
    message: (a) => `path "${a.path}" must start with "/" and contain no "?", "#" or "*", each {variable} within one segment`,
    hint: 'Move query parameters to params with query(...).',
  }),
  'path-param-undeclared': def<{ name: string; path: string }>({
    severity: 'error',
    msRule: 'OperationMissingPathParameter',
    message: (a) => `path template ${a.path} uses {${a.name}} but no path parameter "${a.name}" is declared`,
    hint: 'Add it to params with path(t.string({...})).',
  }),
  'path-param-not-in-template': def<{ name: string; path: string }>({
    severity: 'error',
    msRule: 'PathParameterNotDefinedInTemplate',
    message: (a) => `path parameter "${a.name}" does not appear in ${a.path}`,
    hint: 'Add {name} to the path, or make it a query parameter.',
  }),
  'summary-missing': def({
    severity: 'error',
    message: () => 'summary is missing',
    hint: 'Give a short sentence-case summary, e.g. "Get a subscriber".',
  }),
  'summary-too-long': def<{ length: number }>({
    severity: 'error',
    msRule: 'OperationSummaryTooLong',
    message: (a) => `summary is ${a.length} characters; at most 80 are allowed`,
    hint: 'Shorten the summary; put detail in the description.',
  }),
  'summary-restricted-characters': def<{ chars: string }>({
    severity: 'error',
    msRule: 'RestrictedCharactersInSummary',
    message: (a) => `summary contains ${a.chars}, which certification forbids (/ \\ < > * % & ?)`,
    hint: 'Reword without those characters, e.g. "Get or create" instead of "Get/create".',
  }),
  'operation-description-missing': def({
    severity: 'error',
    message: () => 'description is missing',
    hint: 'Describe what the operation does in a full sentence.',
  }),
  'visibility-invalid': def<{ value: string }>({
    severity: 'error',
    message: (a) => `x-ms-visibility "${a.value}" is not one of important, advanced, internal`,
    hint: 'Use "internal" to hide a value ("hidden" is not accepted).',
  }),
  'body-on-get': def<{ method: string }>({
    severity: 'error',
    msRule: 'BodyOrFormDataParameterInFetchOperationNotAllowed',
    message: (a) => `a ${a.method.toUpperCase()} operation cannot take a body`,
    hint: 'Send the values as query parameters, or use POST.',
  }),
  'multiple-bodies': def({
    severity: 'error',
    message: () => 'the operation has more than one body',
    hint: 'Merge the bodies into one object schema under `body`.',
  }),
  'body-not-object': def({
    severity: 'error',
    message: () => 'the body must be an object schema (its properties become client parameters)',
    hint: 'Wrap the value: body: t.object({ value: ... }).',
  }),
  'param-location-invalid': def<{ location: string }>({
    severity: 'error',
    message: (a) => `parameter location "${a.location}" is not path, query or header`,
    hint: 'Declare parameters with path(), query() or header(); the body goes in `body`.',
  }),
  'param-not-primitive': def<{ type: string }>({
    severity: 'error',
    message: (a) => `a non-body parameter must be a string, number, integer, boolean or array of those, not ${a.type}`,
    hint: 'Move structured values into the body.',
  }),
  'param-summary-missing': def({
    severity: 'error',
    message: () => 'x-ms-summary is missing',
    hint: 'Give the parameter schema a title (it becomes x-ms-summary), e.g. t.string({ title: "Form ID", ... }).',
  }),
  'param-description-missing': def({
    severity: 'error',
    message: () => 'description is missing',
    hint: 'Give the parameter schema a description sentence.',
  }),
  'param-name-clash': def<{ name: string }>({
    severity: 'error',
    message: (a) => `"${a.name}" is both a parameter and a top-level body property`,
    hint: 'Rename one: the client takes them in one object.',
  }),
  'param-name-reserved': def<{ name: string }>({
    severity: 'error',
    message: (a) => `parameter name "${a.name}" is reserved by Power Platform`,
    hint: 'Rename the parameter.',
  }),
  'no-success-response': def({
    severity: 'error',
    msRule: 'OperationShouldHaveSuccessfulResponse',
    message: () => 'the operation has no 2xx response',
    hint: 'Add responses: { 200: <schema> }.',
  }),
  'default-response-has-schema': def({
    severity: 'error',
    msRule: 'DefaultResponseHasSchema',
    message: () => 'the default response carries a schema',
    hint: 'Put the output schema on 200 or 201; keep `default` for a description only.',
  }),
  'many-responses-with-schema': def<{ statuses: string }>({
    severity: 'error',
    msRule: 'OperationHasManyResponsesWithSchema',
    message: (a) => `responses ${a.statuses} all carry a schema; only one may`,
    hint: 'Keep the schema on the main success response.',
  }),
  'pagination-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `pagination is invalid: ${a.reason}`,
    hint: 'pageParam must be a query parameter (or undeclared for page-until-empty) and itemsPath an array in the response.',
  }),
  // ---- schemas ----
  'empty-properties': def({
    severity: 'error',
    message: () => 'an object declares "properties": {}',
    hint: 'Use t.record(...) for a free-form object (it emits additionalProperties).',
  }),
  'integer-format-missing': def({
    severity: 'error',
    message: () => 'an integer has no format',
    hint: 'Use t.integer({ format: "int32" }), or t.id(...) for identifiers (int64).',
  }),
  'enum-empty-value': def({
    severity: 'error',
    message: () => 'an enum offers the empty string',
    hint: 'Drop "" and leave the parameter optional: an omitted value means the same.',
  }),
  'enum-invalid': def({
    severity: 'error',
    message: () => 'an enum must be non-empty and without duplicates',
    hint: 'List each allowed value once.',
  }),
  'required-property-missing': def<{ name: string }>({
    severity: 'error',
    msRule: 'RequiredPropertyDefinitionMissing',
    message: (a) => `"${a.name}" is listed as required but not declared in properties`,
    hint: 'Declare the property or remove it from required.',
  }),
  'format-invalid': def<{ type: string; format: string }>({
    severity: 'error',
    msRule: 'UnrecognizedTypeFormat',
    message: (a) => `format "${a.format}" is not valid for type ${a.type}`,
    hint: 'Use int32/int64 for integers, float/double for numbers, and a known string format.',
  }),
  // ---- dynamic values ----
  'dynamic-values-target-missing': def<{ target: string }>({
    severity: 'error',
    msRule: 'OperationIdNotFound',
    message: (a) => `x-ms-dynamic-values names operation "${a.target}", which is not in this connector`,
    hint: 'Point dynamicValues.from at an operation of the same connector.',
  }),
  'dynamic-values-collection-missing': def<{ target: string; collection: string }>({
    severity: 'error',
    msRule: 'InvokedOperationShouldProduceArray',
    message: (a) => `operation ${a.target} returns no array at "${a.collection}"`,
    hint: 'Set dynamicValues.collection to the dotted path of the list in that operation\'s response.',
  }),
  'dynamic-values-property-missing': def<{ target: string; property: string }>({
    severity: 'error',
    msRule: 'InvokedOperationShouldProduceProperty',
    message: (a) => `the items listed by ${a.target} have no property "${a.property}"`,
    hint: 'Set dynamicValues.value and .title to properties of the listed items.',
  }),
  'dynamic-values-parameter-missing': def<{ target: string; parameter: string }>({
    severity: 'error',
    msRule: 'OperationParameterNameNotFound',
    message: (a) => `x-ms-dynamic-values passes "${a.parameter}", which is not a parameter of ${a.target}`,
    hint: 'Pass only parameters the listing operation declares.',
  }),
  // ---- emitted files ----
  'json-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `not valid JSON: ${a.reason}`,
    hint: 'Fix the syntax (trailing commas and BOMs are not allowed).',
  }),
  'swagger-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `swagger-parser rejects the definition: ${a.reason}`,
    hint: 'Fix the definition so that it is valid Swagger 2.0.',
  }),
  'schema-violation': def<{ schema: string; reason: string }>({
    severity: 'error',
    message: (a) => `does not match the official ${a.schema}: ${a.reason}`,
    hint: 'Change the value to one the Power Platform schema allows.',
  }),
  'schemas-unavailable': def<{ dir: string; reason: string }>({
    severity: 'error',
    message: (a) => `the official schemas could not be loaded from ${a.dir}: ${a.reason}`,
    hint: 'Point --schemas (or PCDK_SCHEMAS) at a folder with apiDefinition.swagger.schema.json, paconn-apiProperties.schema.json and paconn-settings.schema.json.',
  }),
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
type ArgsOf<C extends DiagnosticCode> = (typeof DIAGNOSTICS)[C] extends Definition<infer A> ? A : never;

/** Where a diagnostic points: always the connector, then as precisely as known. */
export interface Location {
  connector: string;
  operation?: string;
  /** The field, as a readable path: `params.form_id`, `body.purchase.products[].pid`, `summary`. */
  field?: string;
  file?: string;
  /** JSON pointer into `file`. */
  pointer?: string;
}

export interface Diagnostic extends Location {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  hint: string;
  msRule?: string;
}

export function diagnostic<C extends DiagnosticCode>(code: C, args: ArgsOf<C>, where: Location): Diagnostic {
  const d = DIAGNOSTICS[code] as unknown as Definition<ArgsOf<C>>;
  const out: Diagnostic = { code, severity: d.severity, message: d.message(args), hint: d.hint, ...where };
  if (d.msRule) out.msRule = d.msRule;
  return out;
}

/** `error [summary-too-long] convertkit > FormSubAdd > summary: summary is 95 ... (fix: ...)` */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.connector, d.operation, d.field].filter(Boolean).join(' > ');
  const file = d.file ? ` (${d.file}${d.pointer !== undefined ? `#${d.pointer}` : ''})` : '';
  return `${d.severity} [${d.code}] ${place}${file}: ${d.message}\n    fix: ${d.hint}`;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
