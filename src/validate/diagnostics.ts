/**
 * The validation layers: descriptor rules, the emitted and read files (strict JSON,
 * swagger-parser, the official schemas) and the certification rules, each named by Microsoft's
 * rule id where one exists.
 */
import { def, defineDiagnostics } from '../diagnostics/define';
import { KNOWN_FINDING_DEFINITIONS } from './known-finding-diagnostics';
import { TRIGGER_DEFINITIONS } from './trigger-diagnostics';

export const VALIDATE_DIAGNOSTICS = defineDiagnostics('validate', {
  // ---- descriptor values pcdk cannot read (only without the type-check) ----
  'descriptor-value-invalid': def<{ rule: string; reason: string }>({
    severity: 'error',
    message: (a) => `a value here has a type pcdk cannot read (${a.rule}: ${a.reason})`,
    hint: 'Build without --no-typecheck: the type-check names the exact field and the type it needs.',
  }),
  // ---- connector ----
  'connector-id-invalid': def<{ id: string }>({
    severity: 'error',
    message: (a) => `connector id "${a.id}" is not a safe folder name`,
    hint: 'Use lower-case letters, digits and dashes, starting with a letter (it names dist/<id>/).',
  }),
  'title-missing': def({
    severity: 'error',
    msRule: 'FieldLengthExceeded',
    message: () => 'the connector has no title',
    hint: 'Set title (at most 30 characters).',
  }),
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
    certification: 'warning',
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
  // ---- typed auth (src/model/auth.ts; rules in src/validate/auth-rules.ts) ----
  'auth-url-invalid': def<{ field: string; url: string }>({
    severity: 'error',
    message: (a) => `auth.${a.field} "${a.url}" is not an absolute https URL`,
    hint: 'Write the full https:// URL of the identity provider endpoint, e.g. "https://login.example.com/oauth2/token".',
  }),
  'auth-scopes-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `auth.scopes is invalid: ${a.reason}`,
    hint: 'List each scope once, as the provider spells it, without spaces: scopes: ["read", "write"].',
  }),
  'auth-client-secret-invalid': def({
    severity: 'error',
    // The value itself is never repeated: it may be the real secret.
    message: () => "auth.clientSecret is not a secret('ENV') reference",
    hint: "Write clientSecret: secret('MY_CLIENT_SECRET') and set that variable where you deploy; never put the secret in a descriptor.",
  }),
  'auth-client-id-missing': def({
    severity: 'error',
    message: () => 'auth.clientId is empty',
    hint: 'Give the client (application) id registered with the identity provider.',
  }),
  'auth-custom-parameter-invalid': def<{ provider: string; reason: string }>({
    severity: 'error',
    message: (a) => `auth.customParameters for identityProvider "${a.provider}": ${a.reason}`,
    hint: 'oauth2 takes none (its URLs are written from authorizationUrl, tokenUrl, refreshUrl); aad needs resourceUri and may add tenantId and loginUri.',
  }),
  'auth-sets-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `auth connection parameter sets are invalid: ${a.reason}`,
    hint: "Write connectionParameterSets({ sets: [{ name: 'keyAuth', displayName: 'API key', description: '...', auth: apiKey({...}) }, ...] }).",
  }),
  'auth-identity-provider-invalid': def<{ provider: string; allowed: string }>({
    severity: 'error',
    message: (a) => `auth.identityProvider "${a.provider}" is not one pcdk can describe (${a.allowed})`,
    hint: "Use one of the official apiProperties schema's providers; aadcertificate is for first-party connectors only.",
  }),
  'typed-declared-conflict': def<{ typed: string; declared: string; winner: string; fix: string }>({
    severity: 'error',
    message: (a) =>
      `${a.typed} and ${a.declared} are both given: the build writes ${a.winner}, so the other has no effect. ${a.fix}`,
    hint: 'Give each field once. To move an imported operation to the typed form, write params with path()/query()/header(), body and responses with t.* schemas, then delete the declared keys they replace.',
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
    certification: 'warning',
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
    message: (a) =>
      `path "${a.path}" must start with "/" and contain no "?", "#" or "*", each {variable} within one segment`,
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
  'file-outside-form': def<{ location: string }>({
    severity: 'error',
    message: (a) =>
      `a file (t.file()) is given as a ${a.location} parameter; Swagger 2.0 allows files in form fields only`,
    hint: "Declare it with formData(t.file(...)) and set consumes: ['multipart/form-data'].",
  }),
  'form-consumes-missing': def<{ needs: string; why: string }>({
    severity: 'error',
    message: (a) => `the operation must consume ${a.needs}: ${a.why}`,
    hint: "Add consumes: ['multipart/form-data'] (files, or any form) or ['application/x-www-form-urlencoded'] (text fields only) to the operation.",
  }),
  'multiple-bodies': def({
    severity: 'error',
    message: () => 'the operation has more than one body',
    hint: 'Merge the bodies into one object schema under `body`.',
  }),
  'whole-body-input-clash': def<{ name: string; type: string }>({
    severity: 'error',
    message: (a) => `the ${a.type} body is the client's input "${a.name}", and a parameter has that name too`,
    hint: 'Rename the parameter, or make the body an object schema whose properties are the inputs.',
  }),
  'method-invalid': def<{ method: string }>({
    severity: 'error',
    message: (a) => `method "${a.method}" is not an HTTP method Swagger accepts`,
    hint: "Write the method in lower case: 'get', 'post', 'put', 'patch', 'delete', 'head' or 'options'.",
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
    certification: 'warning',
    message: () => 'description is missing',
    hint: 'Give the parameter schema a description sentence.',
  }),
  'body-property-undescribed': def<{ missing: string }>({
    severity: 'error',
    certification: 'warning',
    message: (a) => `the body property has no ${a.missing}`,
    hint: 'Give the property a title and a description, e.g. t.string({ title: "Email", description: "The subscriber\'s email address." }): the title becomes x-ms-summary, the label Power Automate shows beside the field.',
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
    certification: 'warning',
    msRule: 'OperationShouldHaveSuccessfulResponse',
    message: () => 'the operation has no 2xx response',
    hint: 'Add responses: { 200: <schema> }.',
  }),
  'default-response-has-schema': def({
    severity: 'error',
    certification: 'warning',
    msRule: 'DefaultResponseHasSchema',
    message: () => 'the default response carries a schema',
    hint: 'Put the output schema on 200 or 201; keep `default` for a description only.',
  }),
  'many-responses-with-schema': def<{ statuses: string }>({
    severity: 'error',
    certification: 'warning',
    msRule: 'OperationHasManyResponsesWithSchema',
    message: (a) => `responses ${a.statuses} all carry a schema; only one may`,
    hint: 'Keep the schema on the main success response.',
  }),
  'pagination-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `pagination is invalid: ${a.reason}`,
    hint: 'pageParam / cursorParam must be a query parameter (page-until-empty and cursor may leave it undeclared); itemsPath must be an array in the success response, and totalPagesPath, nextCursorPath and nextLinkPath (a top-level property) paths it has.',
  }),
  // ---- schemas ----
  'empty-properties': def({
    severity: 'error',
    certification: 'warning',
    message: () => 'an object declares "properties": {}',
    hint: 'Drop the empty properties; a free-form object is additionalProperties (t.record(...) in descriptors).',
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
    hint: "Set dynamicValues.collection to the dotted path of the list in that operation's response.",
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
  'dynamic-values-sibling-missing': def<{ name: string; parameter: string }>({
    severity: 'error',
    message: (a) =>
      `x-ms-dynamic-values fills "${a.name}" from "${a.parameter}", which is not a parameter or body property of this operation`,
    hint: 'Name a parameter (or body property) of this same operation in { parameter: "..." }, or pass a fixed { value: ... }.',
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
  // ---- reading connector files (validate) ----
  'json-bom': def({
    severity: 'error',
    message: () => 'the file starts with a UTF-8 byte-order mark',
    hint: 'Save the file as UTF-8 without BOM (paconn create/update reads it with a plain open() and fails).',
  }),
  'json-trailing-comma': def<{ count: number }>({
    severity: 'error',
    message: (a) => `not strict JSON: ${a.count} trailing comma${a.count === 1 ? '' : 's'} (the first is here)`,
    hint: 'Remove the comma before the closing } or ]; strict JSON parsers (paconn, GitHub import) reject it.',
  }),
  'json-too-deep': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the file is refused unread: ${a.reason} here`,
    hint: 'Flatten the nesting: move nested schemas into #/definitions and point at them with $ref (the deepest real connector nests 26 levels).',
  }),
  'json-too-large': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the file is refused unread: ${a.reason}`,
    hint: 'A connector file is far smaller: Power Platform takes a swagger of at most 1 MB. Check that this is the right file.',
  }),
  'json-root-not-object': def<{ found: string }>({
    severity: 'error',
    message: (a) => `the top level is ${a.found}, not a JSON object`,
    hint: 'A connector file holds one JSON object ({ ... }) at the top level; check that this is the right file.',
  }),
  'file-missing': def<{ file: string }>({
    severity: 'error',
    message: (a) => `${a.file} is missing`,
    hint: 'A connector folder holds apiDefinition.swagger.json and apiProperties.json; check the folder. A descriptor connector needs no build: validate it by its id (`pcdk validate <id>`).',
  }),
  'file-unreadable': def<{ file: string; reason: string }>({
    severity: 'error',
    message: (a) => `${a.file} cannot be read: ${a.reason}`,
    hint: 'Check the path and the file permissions.',
  }),
  'build-out-of-date': def<{ file: string; state: string }>({
    severity: 'warning',
    message: (a) =>
      `${a.file} ${a.state}: the positions reported in it are those of the file as the current descriptors build it`,
    hint: 'Run `pcdk build <id>` to write the current build; validate checks the descriptors as they are now, never a stale dist/.',
  }),
  // ---- certification rules on the swagger (layer 4) ----
  // Severities are calibrated on shared/corpus: error when at most 3 of its 57 certified and
  // independent-publisher connectors break the rule, warning otherwise, with the exceptions of
  // reference/power-platform.md §3; test/conformance/corpus-validate.test.ts checks the table.
  'swagger-version-invalid': def<{ value: string }>({
    severity: 'error',
    msRule: 'SpecificationVersionIncorrect',
    message: (a) => `swagger is ${a.value}; it must be "2.0"`,
    hint: 'Power Platform connectors are Swagger 2.0 documents: set "swagger": "2.0".',
  }),
  'title-restricted-words': def<{ word: string }>({
    severity: 'error',
    msRule: 'ValueContainsRestrictedWords',
    message: (a) => `info.title contains the restricted word "${a.word}"`,
    hint: 'Name the service only, e.g. "Contoso" rather than "Contoso API Connector"; no Power Platform product names.',
  }),
  'title-publisher-suffix': def({
    severity: 'error',
    message: () => 'info.title carries "(Independent Publisher)"',
    hint: 'Keep info.title the bare name; the suffix belongs in the PR title and is added to the docs page.',
  }),
  'description-missing': def({
    severity: 'error',
    message: () => 'info.description is missing',
    hint: 'Describe the service in 30 to 500 characters (paconn update also crashes without it).',
  }),
  'host-not-production': def<{ host: string }>({
    severity: 'warning',
    message: (a) => `host "${a.host}" looks like a staging, development or test host`,
    hint: 'Certified connectors must call the production host.',
  }),
  'schemes-empty': def({
    severity: 'error',
    msRule: 'SchemesArrayEmpty',
    message: () => 'schemes is empty',
    hint: 'Write "schemes": ["https"].',
  }),
  'scheme-invalid': def<{ scheme: string }>({
    severity: 'error',
    msRule: 'SchemeNotValid',
    message: (a) => `scheme "${a.scheme}" is not http or https`,
    hint: 'Use "https".',
  }),
  'unknown-property': def<{ key: string; level: string }>({
    severity: 'error',
    msRule: 'ExtensionNameNotValid',
    message: (a) => `"${a.key}" is not a Swagger 2.0 ${a.level} property`,
    hint: 'Remove it, or prefix a custom property with "x-" (the validator rejects unknown names).',
  }),
  'extension-unknown': def<{ key: string; level: string }>({
    severity: 'warning',
    msRule: 'AdditionalPropertyNotAllowed',
    message: (a) => `"${a.key}" is not an x-ms extension Power Platform reads on a ${a.level}`,
    hint: 'Check the spelling (x-ms-visibility, x-ms-summary, ...) and where the extension belongs; a misspelt extension is silently ignored.',
  }),
  'path-item-ref': def({
    severity: 'error',
    message: () => 'a path item uses $ref',
    hint: 'Write the operations inline under the path; only schemas, parameters and responses may be referenced.',
  }),
  'ref-invalid': def<{ ref: string; reason: string }>({
    severity: 'error',
    message: (a) => `$ref "${a.ref}" is invalid: ${a.reason}`,
    hint: 'Reference a local #/definitions/<name> (or #/parameters/, #/responses/) that exists.',
  }),
  'ref-sibling': def<{ keys: string }>({
    severity: 'error',
    msRule: 'AdditionalPropertyNotAllowedAdjacentToRef',
    message: (a) => `$ref has sibling keys (${a.keys}), which are ignored`,
    hint: 'Move the keys into the referenced definition, or inline the schema.',
  }),
  'swagger-too-large': def<{ chars: number }>({
    severity: 'error',
    message: (a) => `the swagger is ${a.chars} characters; the limit is 1 MB`,
    hint: 'Split the connector, or move repeated schemas into #/definitions.',
  }),
  'swagger-solution-limit': def<{ chars: number }>({
    severity: 'warning',
    message: (a) => `the swagger is ${a.chars} characters; a Dataverse solution holds at most 500,000`,
    hint: 'Shrink it (shared #/definitions, shorter descriptions) so the connector can be added to a solution.',
  }),
  'operation-id-not-pascal-case': def<{ id: string }>({
    severity: 'warning',
    message: (a) => `operationId "${a.id}" does not start with a capital letter`,
    hint: 'Use PascalCase, e.g. GetMessages rather than getMessages (only for new operations: flows call published ids).',
  }),
  'summary-ends-with-punctuation': def({
    severity: 'error',
    message: () => 'summary ends with punctuation or a space',
    hint: 'Write the summary as a short phrase without a final period, e.g. "Get a subscriber".',
  }),
  'description-equals-summary': def({
    severity: 'warning',
    message: () => 'description repeats the summary',
    hint: 'Say in a full sentence what the operation does beyond its summary.',
  }),
  'description-not-sentence': def({
    severity: 'warning',
    message: () => 'description does not end with punctuation',
    hint: 'Write the description as a full sentence ending with a period.',
  }),
  'body-and-form-data': def({
    severity: 'error',
    message: () => 'the operation has both a body and formData parameters',
    hint: 'Send either one JSON body or form fields, not both.',
  }),
  'consumes-missing': def({
    severity: 'warning',
    msRule: 'ConsumesMissing',
    message: () => 'the operation takes a body or form fields but no consumes MIME type applies',
    hint: 'Add "consumes": ["application/json"] to the operation or the document.',
  }),
  'mime-type-invalid': def<{ mime: string }>({
    severity: 'error',
    msRule: 'MimeTypeNotValid',
    message: (a) => `consumes "${a.mime}" is not a supported MIME type`,
    hint: 'Use application/json, text/plain, multipart/form-data or application/x-www-form-urlencoded.',
  }),
  'urlencoded-binary': def<{ name: string }>({
    severity: 'error',
    msRule: 'StringBinaryNotSupportedForFormUrlEncoded',
    message: (a) => `form field "${a.name}" is string/binary in a urlencoded request`,
    hint: 'Consume multipart/form-data for file uploads.',
  }),
  'replacement-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `x-ms-api-annotation.replacement is invalid: ${a.reason}`,
    hint: 'Mark the old operation deprecated: true and give replacement { api, operationId } of the new one.',
  }),
  'family-too-many-active': def<{ family: string; count: number }>({
    severity: 'error',
    message: (a) =>
      `operation family "${a.family}" has ${a.count} active (not deprecated) operations; at most 2 are allowed`,
    hint: 'Mark the older revisions deprecated: true (with x-ms-api-annotation.replacement pointing at the new one).',
  }),
  'family-revision-duplicate': def<{ family: string; revision: string }>({
    severity: 'error',
    message: (a) => `operation family "${a.family}" uses revision ${a.revision} twice`,
    hint: 'Give each operation of a family its own revision number.',
  }),
  'next-link-name-invalid': def<{ name: string }>({
    severity: 'error',
    msRule: 'InvalidNextLinkNameValue',
    message: (a) => `x-ms-pageable.nextLinkName "${a.name}" is not nextLink or @odata.nextLink`,
    hint: 'Rename the link with the updatenextlink policy template and set nextLinkName to "nextLink".',
  }),
  'no-response': def({
    severity: 'error',
    msRule: 'OperationMustHaveResponse',
    message: () => 'the operation has no responses',
    hint: 'Add at least a 200 response with a description.',
  }),
  'schema-on-wrong-status': def<{ status: string }>({
    severity: 'error',
    msRule: 'SchemaDefinitionSetIncorrectly',
    message: (a) => `an output schema is on response ${a.status} beside a 200/201 response`,
    hint: 'Put the output schema on 200 or 201 (or on x-ms-notification-content for webhooks).',
  }),
  'path-no-leading-slash': def<{ path: string }>({
    severity: 'error',
    msRule: 'OperationPathMustStartWithSlash',
    message: (a) => `path "${a.path}" does not start with "/"`,
    hint: 'Write the path relative to basePath, starting with "/".',
  }),
  'path-query-or-fragment': def<{ path: string }>({
    severity: 'error',
    msRule: 'OperationPathMayNotContainQueryOrFragment',
    message: (a) => `path "${a.path}" contains a query string or fragment`,
    hint: 'Declare query values as in: query parameters; a constant one can be an internal parameter with a default.',
  }),
  'path-template-invalid': def<{ path: string }>({
    severity: 'error',
    msRule: 'OperationPathTemplateNotValid',
    message: (a) => `path "${a.path}" is not a valid template (each {variable} closed and within one segment; no "*")`,
    hint: 'Write each variable as its own segment, e.g. /items/{item_id}.',
  }),
  'path-redefined': def<{ path: string; other: string }>({
    severity: 'error',
    msRule: 'PathRedefined',
    message: (a) => `path ${a.path} differs from ${a.other} only in letter case`,
    hint: 'Merge the two path items: paths are matched case-insensitively.',
  }),
  'path-param-not-required': def<{ name: string }>({
    severity: 'error',
    msRule: 'PathParameterMustBeRequired',
    message: (a) => `path parameter "${a.name}" is not required`,
    hint: 'Set "required": true on every path parameter.',
  }),
  'path-param-encoding-missing': def<{ name: string }>({
    severity: 'warning',
    msRule: 'PathParameterMissingEncoding',
    message: (a) => `path parameter "${a.name}" has no x-ms-url-encoding`,
    hint: 'Add "x-ms-url-encoding": "single".',
  }),
  'query-param-encoding': def<{ name: string }>({
    severity: 'error',
    msRule: 'QueryParameterEncodingNotSupported',
    message: (a) => `query parameter "${a.name}" sets x-ms-url-encoding, which only path parameters support`,
    hint: 'Remove x-ms-url-encoding from the query parameter.',
  }),
  'file-param-not-form-data': def<{ name: string }>({
    severity: 'error',
    message: (a) => `parameter "${a.name}" has type file outside formData`,
    hint: 'Use type file only for formData parameters (with multipart/form-data).',
  }),
  'form-data-name-not-ascii': def<{ name: string }>({
    severity: 'error',
    message: (a) => `form field name "${a.name}" is not ASCII`,
    hint: 'Use an ASCII name; put the display text in x-ms-summary.',
  }),
  'dynamic-on-body-parameter': def<{ key: string }>({
    severity: 'error',
    message: (a) => `${a.key} is on the body parameter`,
    hint: 'Put dynamic extensions on the body schema (or on the property they fill), not on the parameter.',
  }),
  'body-too-many-schemas': def<{ count: number }>({
    severity: 'error',
    msRule: 'BodySchemaCountExceedsMaxAllowed',
    message: (a) => `the body has ${a.count} schemas; at most 512 are allowed`,
    hint: 'Flatten the body or split the operation.',
  }),
  'operation-too-many-schemas': def<{ limit: number }>({
    severity: 'error',
    message: (a) =>
      `the operation's body and responses hold more than ${a.limit} schemas once their $refs are expanded`,
    hint: 'Describe fewer levels of the payload (leave deep or rarely used parts as a free-form object), or split the operation.',
  }),
  'schema-too-deep': def<{ depth: number; limit: number }>({
    severity: 'error',
    msRule: 'SchemaTooDeep',
    message: (a) => `a schema of the operation nests ${a.depth} levels deep; at most ${a.limit} are allowed`,
    hint: 'Flatten the schema: describe the deep part as a free-form object (type: object without properties) or a string.',
  }),
  'source-property-internal': def<{ parameter: string; extension: string }>({
    severity: 'error',
    msRule: 'SourcePropertyInternal',
    message: (a) => `${a.extension} takes its value from "${a.parameter}", which is internal`,
    hint: 'Make the source parameter visible (drop x-ms-visibility: internal), or pass a constant value instead of { parameter: ... }.',
  }),
  'dynamic-list-required': def<{ parameter: string; reason: string }>({
    severity: 'error',
    msRule: 'DynamicListExtensionRequiredFor*',
    message: (a) =>
      `x-ms-dynamic-values passes "${a.parameter}", which ${a.reason}; x-ms-dynamic-values cannot express that`,
    hint: 'Add x-ms-dynamic-list beside x-ms-dynamic-values, naming the parameter by its path (parameterReference: "body/..."), as certification requires.',
  }),
  'dynamic-properties-required': def<{ parameter: string; reason: string }>({
    severity: 'error',
    msRule: 'DynamicPropertiesExtensionRequiredFor*',
    message: (a) =>
      `x-ms-dynamic-schema passes "${a.parameter}", which ${a.reason}; x-ms-dynamic-schema cannot express that`,
    hint: 'Add x-ms-dynamic-properties beside x-ms-dynamic-schema, naming the parameter by its path (parameterReference: "body/..."), as certification requires.',
  }),
  'family-revision-suffix-missing': def<{ id: string; revision: string; suffix: string }>({
    severity: 'error',
    message: (a) => `operationId "${a.id}" is revision ${a.revision} of its family but does not end with "${a.suffix}"`,
    hint: 'Name each later revision after its family with the revision suffix, e.g. GetItems, GetItemsV2 (or GetItems_V2).',
  }),
  'required-read-only': def<{ name: string }>({
    severity: 'error',
    message: (a) => `input property "${a.name}" is both required and readOnly`,
    hint: 'Drop readOnly from an input the caller must send, or make it optional.',
  }),
  'duplicate-parameter': def<{ name: string; in: string }>({
    severity: 'error',
    message: (a) => `parameter "${a.name}" in ${a.in} is declared twice`,
    hint: 'Remove one of the two declarations.',
  }),
  'internal-param-optional': def<{ name: string }>({
    severity: 'error',
    msRule: 'InternalPropertyWithDefaultOptional',
    message: (a) =>
      `internal parameter "${a.name}" has a default but is not required, so the default may never be sent`,
    hint: 'Set "required": true on internal parameters that carry a default.',
  }),
  'required-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => a.reason,
    hint: 'List the names of declared properties of an object schema, or drop "required".',
  }),
  'response-schema-empty': def({
    severity: 'warning',
    message: () => 'the success response schema is {}',
    hint: 'Describe the output, or use x-ms-dynamic-schema when it depends on inputs.',
  }),
  'binary-not-top-level': def({
    severity: 'error',
    message: () => 'string/binary is nested inside a schema',
    hint: 'Only a whole body or a formData field may be binary; nest base64 text as format byte.',
  }),
  'notification-url-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the x-ms-notification-url property is invalid: ${a.reason}`,
    hint: 'Make it a required, internal string property of the webhook registration body.',
  }),
  'notification-content-missing': def({
    severity: 'error',
    msRule: 'OperationMustHaveNotificationContentExtension',
    message: () => 'a webhook trigger has no x-ms-notification-content',
    hint: 'Describe the callback payload under x-ms-notification-content on the path item.',
  }),
  'security-undefined': def<{ name: string }>({
    severity: 'error',
    msRule: 'SecurityRequirementMustBeDefined',
    message: (a) => `security requirement "${a.name}" is not in securityDefinitions`,
    hint: 'Define it under securityDefinitions, or fix the name.',
  }),
  'security-scopes-not-empty': def<{ name: string }>({
    severity: 'error',
    msRule: 'SecurityRequirementMustHaveEmptyValue',
    message: (a) => `security requirement "${a.name}" lists scopes, but only OAuth 2 takes scopes`,
    hint: 'Write { "<name>": [] }.',
  }),
  // ---- certification rules on apiProperties.json and readme.md ----
  'api-properties-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `apiProperties is invalid: ${a.reason}`,
    hint: 'apiProperties.json is { "properties": { "iconBrandColor": ..., "connectionParameters": ... } }.',
  }),
  'icon-brand-color-reserved': def<{ color: string }>({
    severity: 'warning',
    message: (a) => `iconBrandColor ${a.color} is reserved`,
    hint: 'Certified connectors may not use #007ee5 or #ffffff; independent publishers use #da3b01.',
  }),
  'publisher-invalid': def<{ key: string; value: string }>({
    severity: 'error',
    message: (a) => `${a.key} "${a.value}" is not a plain name`,
    hint: 'Use letters, digits, spaces and ordinary name punctuation only.',
  }),
  'oauth-redirect-invalid': def<{ url: string }>({
    severity: 'error',
    message: (a) => `OAuth redirectUrl "${a.url}" is not the Power Platform consent redirect`,
    hint: 'Use https://global.consent.azure-apim.net/redirect and allow it (and the global-test variant) in the OAuth app.',
  }),
  'readme-section-missing': def<{ section: string }>({
    severity: 'warning',
    message: (a) => `readme.md has no "## ${a.section}" section`,
    hint: 'Follow the independent-publisher readme template: Publisher, Prerequisites, Supported Operations, Obtaining Credentials, Known Issues and Limitations.',
  }),
  // ---- triggers (webhookTrigger, pollingTrigger) ----
  ...TRIGGER_DEFINITIONS,
  // ---- knownFindings, the baseline of an imported connector's faults ----
  ...KNOWN_FINDING_DEFINITIONS,
  // ---- generated client ----
  'client-name-invalid': def<{ name: string }>({
    severity: 'error',
    message: (a) => `"${a.name}" cannot be the client's method name`,
    hint: 'Use a camelCase identifier (letters and digits, starting lower-case) other than call, iterate, constructor, toString and then: rename the key the operation is listed under, or its clientName.',
  }),
  'client-name-duplicate': def<{ name: string; other: string }>({
    severity: 'error',
    message: (a) => `the client method name "${a.name}" is also ${a.other}'s`,
    hint: 'Give one of the two operations another name (its key in operations, or clientName).',
  }),
});

export const { diagnostic } = VALIDATE_DIAGNOSTICS;
export type DiagnosticCode = keyof typeof VALIDATE_DIAGNOSTICS.definitions;
/** The validation layers' definitions, by code. */
export const DIAGNOSTICS = VALIDATE_DIAGNOSTICS.definitions;
