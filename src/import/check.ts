/**
 * Walks an imported swagger and apiProperties against what the descriptor model can express
 * (src/swagger/document.ts, src/swagger/api-properties.ts, src/model/operation.ts). A key the
 * model has no place for is an error naming its JSON pointer, so nothing is dropped silently; a
 * vendor key (`x-...`) outside the official schema is kept verbatim and listed in one warning
 * per file.
 */
import { POLICY_SPELLINGS, POLICY_TEMPLATE_IDS, type PolicyTemplateId } from '../swagger/api-properties';
import { METHODS, PRIMITIVE_KEYS, ROOT_KEYS, SCHEMA_TYPES } from '../swagger/constants';
import type { SwaggerOperation } from '../swagger/document';
import { isArray, isObject, type JsonObject } from '../swagger/found';
import type { Diagnostic } from '../diagnostics';
import type { ArgsOf } from '../diagnostics/define';
import { type DIAGNOSTICS, diagnostic, type DiagnosticCode } from './diagnostics';

type Obj = JsonObject;

/** The operation keys SwaggerOperation names besides the core ones (an imported descriptor declares them verbatim). */
const OPERATION_MORE_KEYS = [
  'consumes',
  'produces',
  'schemes',
  'security',
  'externalDocs',
  'x-ms-trigger',
  'x-ms-trigger-hint',
  'x-ms-trigger-metadata',
  'x-ms-pageable',
  'x-ms-api-annotation',
  'x-ms-no-generic-test',
  'x-ms-safe-operation',
  'x-ms-summary',
  'x-ms-capabilities',
  'x-ms-operation-context',
  'x-ms-notification',
] as const satisfies readonly (keyof SwaggerOperation)[];

const PRIMITIVE: readonly string[] = PRIMITIVE_KEYS;
const PARAMETER_EXTENSIONS = [
  'x-ms-summary',
  'x-ms-visibility',
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-tree',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
  'x-ms-enum-values',
  'x-ms-test-value',
  'x-ms-trigger-value',
  'x-ms-localizeDefaultValue',
  'x-ms-parameter-location',
  'x-ms-url-encoding',
  'x-ms-skip-url-encoding',
  'x-ms-notification-url',
  'x-ms-media-kind',
  'x-ms-editor',
  'x-ms-editor-options',
  'x-ms-enum',
  'x-nullable',
];
const KEYS = {
  root: [...ROOT_KEYS, 'x-ms-capabilities', 'x-ms-connector-metadata', 'x-ms-docs'],
  info: [
    'title',
    'description',
    'version',
    'termsOfService',
    'contact',
    'license',
    'x-ms-api-annotation',
    'x-ms-deployment-version',
  ],
  contact: ['name', 'url', 'email'],
  license: ['name', 'url'],
  pathItem: [...METHODS, 'parameters', 'x-ms-notification-content', 'x-ms-visibility'],
  notificationContent: ['description', 'schema', 'title', 'summary', 'headers', 'parameters'],
  operation: [
    'summary',
    'description',
    'operationId',
    'tags',
    'parameters',
    'responses',
    'deprecated',
    'x-ms-visibility',
    ...OPERATION_MORE_KEYS,
  ],
  parameter: [
    'name',
    'in',
    'description',
    'required',
    'allowEmptyValue',
    'schema',
    // Not a Swagger 2.0 parameter key, but in published connectors (Bundestag); swagger-parser
    // reports it, and the import baselines that finding.
    'title',
    ...PRIMITIVE,
    ...PARAMETER_EXTENSIONS,
  ],
  items: [...PRIMITIVE, 'x-ms-summary', 'x-ms-visibility'],
  header: [...PRIMITIVE, 'description', 'x-ms-summary', 'x-ms-visibility'],
  response: ['description', 'schema', 'headers', 'examples', 'x-ms-summary', 'x-ms-visibility'],
  schema: [
    'type',
    'format',
    'title',
    'description',
    'default',
    'enum',
    'example',
    'items',
    'properties',
    'required',
    'additionalProperties',
    'readOnly',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'pattern',
    'minItems',
    'maxItems',
    '$ref',
    'allOf',
    'discriminator',
    'xml',
    'externalDocs',
    'multipleOf',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'uniqueItems',
    'minProperties',
    'maxProperties',
    ...PARAMETER_EXTENSIONS,
  ],
  tag: ['name', 'description', 'externalDocs'],
  externalDocs: ['description', 'url'],
  apiAnnotation: ['family', 'revision', 'status', 'replacement'],
  basic: ['type', 'description'],
  apiKey: ['type', 'in', 'name', 'description'],
  oauth2: ['type', 'flow', 'authorizationUrl', 'tokenUrl', 'scopes', 'description'],
  properties: [
    'connectionParameters',
    'connectionParameterSets',
    'iconBrandColor',
    'capabilities',
    'policyTemplateInstances',
    'publisher',
    'stackOwner',
    'scriptOperations',
    'stackowner',
    'script',
  ],
  policy: ['templateId', 'title', 'type', 'parameters'],
  connectionParameterSets: ['uiDefinition', 'values'],
} as const satisfies Record<string, readonly string[]>;
const SETS = Object.fromEntries(Object.entries(KEYS).map(([k, v]) => [k, new Set<string>(v)])) as Record<
  keyof typeof KEYS,
  Set<string>
>;

const POLICY_PARAMETERS: Record<PolicyTemplateId, readonly string[]> = {
  setheader: ['name', 'value', 'existsAction'],
  setqueryparameter: ['name', 'value', 'existsAction'],
  dynamichosturl: ['urlTemplate'],
  routerequesttoendpoint: ['newPath', 'httpMethod'],
  setproperty: ['newPropertyParentPathTemplate', 'newPropertySubPathTemplate', 'propertyValuePathTemplate'],
  setvaluefromurl: ['parameterTemplate', 'parameterValueUrl', 'parameterValuePathTemplate', 'httpMethod'],
  updatenextlink: ['nextLinkPropertyName', 'nextLinkParentPropertyPath'],
  pollingtrigger: ['triggerConfig', 'triggerDataPath'],
  convertarraytoobject: [
    'propertyParentPath',
    'propertySubPath',
    'keyWithinCollectionPath',
    'newPropertyPath',
    'retainKey',
  ],
  convertobjecttoarray: ['propertyParentPath', 'propertySubPath', 'newPropertyPath', 'keyName', 'valueName'],
  stringreplace: ['propertyParentPath', 'propertySubPath', 'sourceString', 'replacementString', 'newPropertyPath'],
  stringtoarray: [
    'propertyParentPath',
    'propertySubPath',
    'newPropertyPath',
    'separator',
    'delimiterList',
    'childPropertyName',
  ],
  encodepropertyvalue: ['propertyParentPath', 'propertySubPath', 'encodingType', 'newPropertyPath'],
  dynamicsubdomain: ['urlTemplate'],
  moveproperties: ['srcParentPath', 'srcSubPath', 'dstParentPath', 'dstSubPath', 'copyOnlySubProperties'],
  setconnectionstatustounauthenticated: ['statusCode'],
};

/**
 * What in a policy template instance the platform's template would not read (a template id it
 * does not have, a parameter the template has not), with where, relative to the instance.
 * Instances are written back verbatim and nothing else in pcdk acts on them: pcdk import keeps
 * such an instance as keptPolicy(reason, ...) and warns, so the file still equals the source.
 */
export function unreadPolicyParts(x: JsonObject): { path: string[]; reason: string }[] {
  const id = typeof x.templateId === 'string' ? policyTemplateId(x.templateId) : undefined;
  if (!id)
    return [
      {
        path: ['templateId'],
        reason: `the template id ${JSON.stringify(x.templateId)} is none of the platform's (${POLICY_TEMPLATE_IDS.join(', ')})`,
      },
    ];
  const params = POLICY_PARAMETERS[id];
  const allowed = new Set(params.map((n) => `x-ms-apimTemplateParameter.${n}`));
  return Object.keys(isObject(x.parameters) ? x.parameters : {})
    .filter((k) => k !== 'x-ms-apimTemplate-operationName' && k !== 'x-ms-apimTemplate-policySection')
    .filter((k) => !allowed.has(k))
    .map((k) => ({
      path: ['parameters', k],
      reason: `the ${id} template reads no parameter "${k}" (its parameters: ${params.join(', ')})`,
    }));
}

/** The lower-case template id a spelling stands for, or undefined when unknown. */
export function policyTemplateId(spelling: string): PolicyTemplateId | undefined {
  for (const id of POLICY_TEMPLATE_IDS) {
    if (spelling === id || (POLICY_SPELLINGS[id] as readonly string[]).includes(spelling)) return id;
  }
  return undefined;
}

/**
 * Names under which a value is a credential (an OAuth client secret, a password, a key, a token):
 * whole names, so that tokenUrl or secretHint, which hold none, are not taken for one.
 */
const CREDENTIAL_KEY = /^(client_?secret|secret|password|api_?(key|secret)|((access|refresh)_?)?token|credentials?)$/i;

/** The pointer of the first non-empty string under a credential-like key in `v`, if any. */
function credentialIn(v: unknown, at: string): string | undefined {
  if (isArray(v)) {
    for (const [i, x] of v.entries()) {
      const hit = credentialIn(x, pointer(at, i));
      if (hit !== undefined) return hit;
    }
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (CREDENTIAL_KEY.test(k) && typeof x === 'string' && x !== '') return pointer(at, k);
      const hit = credentialIn(x, pointer(at, k));
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

export function pointer(base: string, key: string | number): string {
  const k = String(key);
  // Most keys need no escaping: skip the two replaces (this runs for every key of the source).
  if (!k.includes('~') && !k.includes('/')) return `${base}/${k}`;
  return `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The shared guard, under the name import-connector.ts reads it by. */
export const isObj = isObject;

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly vendor = new Map<string, number>();
  constructor(
    private readonly connector: string,
    private readonly file: string,
  ) {}

  /** A finding at `at` (a JSON pointer into this file). */
  report<C extends DiagnosticCode>(code: C, args: ArgsOf<typeof DIAGNOSTICS, C>, at: string): void {
    this.diagnostics.push(diagnostic(code, args, { connector: this.connector, file: this.file, pointer: at }));
  }
  unsupported(at: string, what: string): void {
    this.report('import-unsupported', { what }, at);
  }
  secret(at: string, what: string): void {
    this.report('import-secret-present', { what }, at);
  }
  invalid(at: string, expected: string): void {
    this.report('import-value-invalid', { expected }, at);
  }

  /** Checks an object's keys against a location; returns false (after reporting) when it is not an object. */
  keys(v: unknown, at: string, kind: keyof typeof KEYS): v is Obj {
    if (!isObject(v)) {
      this.invalid(at, `an object (${kind})`);
      return false;
    }
    for (const k of Object.keys(v)) {
      if (SETS[kind].has(k)) continue;
      if (k.startsWith('x-')) this.vendor.set(k, (this.vendor.get(k) ?? 0) + 1);
      else this.unsupported(pointer(at, k), `the key "${k}" in a ${kind} object`);
    }
    return true;
  }
  string(v: unknown, at: string, optional = true): void {
    if (v === undefined ? !optional : typeof v !== 'string') this.invalid(at, 'a string');
  }
  strings(v: unknown, at: string): void {
    if (v === undefined) return;
    if (!isArray(v) || v.some((s) => typeof s !== 'string')) this.invalid(at, 'an array of strings');
  }
  oneOf(v: unknown, at: string, allowed: readonly unknown[]): void {
    if (v !== undefined && !allowed.includes(v))
      this.invalid(at, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  map(v: unknown, at: string, each: (value: unknown, at: string) => void): void {
    if (v === undefined) return;
    if (!isObject(v)) return this.invalid(at, 'an object');
    for (const [k, x] of Object.entries(v)) each(x, pointer(at, k));
  }
  list(v: unknown, at: string, each: (value: unknown, at: string) => void): void {
    if (v === undefined) return;
    if (!isArray(v)) return this.invalid(at, 'an array');
    v.forEach((x, i) => {
      each(x, pointer(at, i));
    });
  }

  // ---- swagger ----
  root(d: unknown): void {
    if (!this.keys(d, '', 'root')) return;
    if (d.swagger !== '2.0') this.invalid('/swagger', 'the string "2.0" (pcdk imports Swagger 2.0 connectors)');
    if (this.keys(d.info, '/info', 'info')) {
      this.string(d.info.title, '/info/title', false);
      this.string(d.info.version, '/info/version', false);
      this.string(d.info.description, '/info/description');
      if (d.info.contact !== undefined) this.keys(d.info.contact, '/info/contact', 'contact');
      if (d.info.license !== undefined) this.keys(d.info.license, '/info/license', 'license');
    }
    for (const k of ['host', 'basePath'] as const) this.string(d[k], `/${k}`);
    for (const k of ['schemes', 'consumes', 'produces'] as const) this.strings(d[k], `/${k}`);
    this.map(d.definitions, '/definitions', (s, at) => this.schema(s, at));
    this.map(d.parameters, '/parameters', (p, at) => this.parameter(p, at, false));
    this.map(d.responses, '/responses', (r, at) => this.response(r, at, false));
    this.map(d.securityDefinitions, '/securityDefinitions', (s, at) => this.securityScheme(s, at));
    this.list(d.security, '/security', (s, at) => this.securityRequirement(s, at));
    this.list(d.tags, '/tags', (t, at) => {
      if (this.keys(t, at, 'tag')) this.string(t.name, pointer(at, 'name'), false);
    });
    if (d.externalDocs !== undefined) this.keys(d.externalDocs, '/externalDocs', 'externalDocs');
    this.list(d['x-ms-connector-metadata'], '/x-ms-connector-metadata', (m, at) => {
      if (
        !isObject(m) ||
        typeof m.propertyName !== 'string' ||
        typeof m.propertyValue !== 'string' ||
        Object.keys(m).length !== 2
      ) {
        this.invalid(at, 'an object { propertyName: string, propertyValue: string }');
      }
    });
    if (!isObject(d.paths)) return this.invalid('/paths', 'an object of path items');
    for (const [p, item] of Object.entries(d.paths)) this.pathItem(item, pointer('/paths', p), p);
  }

  pathItem(item: unknown, at: string, path: string): void {
    if (!path.startsWith('/')) this.invalid(at, 'a path starting with "/"');
    if (isObject(item) && '$ref' in item) return this.unsupported(pointer(at, '$ref'), 'a $ref on a path item');
    if (!this.keys(item, at, 'pathItem')) return;
    this.list(item.parameters, pointer(at, 'parameters'), (p, pat) => this.parameter(p, pat, true));
    const nc = item['x-ms-notification-content'];
    const ncAt = pointer(at, 'x-ms-notification-content');
    if (nc !== undefined && this.keys(nc, ncAt, 'notificationContent')) {
      if (nc.schema !== undefined) this.schema(nc.schema, pointer(ncAt, 'schema'));
      this.string(nc.title, pointer(ncAt, 'title'));
      this.string(nc.summary, pointer(ncAt, 'summary'));
      this.headers(nc.headers, pointer(ncAt, 'headers'));
    }
    for (const m of METHODS) if (item[m] !== undefined) this.operation(item[m], pointer(at, m));
  }

  operation(op: unknown, at: string): void {
    if (!this.keys(op, at, 'operation')) return;
    this.string(op.operationId, pointer(at, 'operationId'), false);
    this.string(op.summary, pointer(at, 'summary'));
    this.string(op.description, pointer(at, 'description'));
    this.strings(op.tags, pointer(at, 'tags'));
    if (op.deprecated !== undefined && typeof op.deprecated !== 'boolean')
      this.invalid(pointer(at, 'deprecated'), 'true or false');
    this.oneOf(op['x-ms-trigger'], pointer(at, 'x-ms-trigger'), ['single', 'batch']);
    if (op['x-ms-pageable'] !== undefined && !isObject(op['x-ms-pageable']))
      this.invalid(pointer(at, 'x-ms-pageable'), 'an object { nextLinkName }');
    if (op['x-ms-api-annotation'] !== undefined)
      this.keys(op['x-ms-api-annotation'], pointer(at, 'x-ms-api-annotation'), 'apiAnnotation');
    this.list(op.parameters, pointer(at, 'parameters'), (p, pat) => this.parameter(p, pat, true));
    if (!isObject(op.responses)) return this.invalid(pointer(at, 'responses'), 'an object of responses');
    this.map(op.responses, pointer(at, 'responses'), (r, rat) => this.response(r, rat, true));
  }

  parameter(p: unknown, at: string, refAllowed: boolean): void {
    if (isObject(p) && '$ref' in p) {
      if (!refAllowed) return this.unsupported(pointer(at, '$ref'), 'a $ref as a shared parameter');
      if (typeof p.$ref !== 'string') return this.invalid(pointer(at, '$ref'), 'a string');
      for (const k of Object.keys(p)) if (k !== '$ref') this.unsupported(pointer(at, k), `"${k}" beside a $ref`);
      return;
    }
    if (!this.keys(p, at, 'parameter')) return;
    this.string(p.name, pointer(at, 'name'), false);
    this.oneOf(p.in, pointer(at, 'in'), ['path', 'query', 'header', 'formData', 'body']);
    if (p.in === 'body') {
      if (p.schema === undefined) this.invalid(pointer(at, 'schema'), 'a schema (a body parameter needs one)');
      else this.schema(p.schema, pointer(at, 'schema'));
      for (const k of PRIMITIVE)
        if (k in p) this.unsupported(pointer(at, k), `"${k}" on a body parameter (it belongs in its schema)`);
    } else {
      if ('schema' in p) this.unsupported(pointer(at, 'schema'), 'a schema on a non-body parameter');
      if (p.items !== undefined) this.items(p.items, pointer(at, 'items'));
    }
    if (p.required !== undefined && typeof p.required !== 'boolean')
      this.invalid(pointer(at, 'required'), 'true or false');
  }

  items(v: unknown, at: string): void {
    if (!this.keys(v, at, 'items')) return;
    if (v.items !== undefined) this.items(v.items, pointer(at, 'items'));
  }

  response(r: unknown, at: string, refAllowed: boolean): void {
    if (isObject(r) && '$ref' in r) {
      if (!refAllowed) return this.unsupported(pointer(at, '$ref'), 'a $ref as a shared response');
      for (const k of Object.keys(r)) if (k !== '$ref') this.unsupported(pointer(at, k), `"${k}" beside a $ref`);
      return;
    }
    if (!this.keys(r, at, 'response')) return;
    this.string(r.description, pointer(at, 'description'), false);
    if (r.schema !== undefined) this.schema(r.schema, pointer(at, 'schema'));
    this.headers(r.headers, pointer(at, 'headers'));
  }

  headers(v: unknown, at: string): void {
    this.map(v, at, (h, hat) => {
      if (this.keys(h, hat, 'header') && h.items !== undefined) this.items(h.items, pointer(hat, 'items'));
    });
  }

  schema(s: unknown, at: string): void {
    if (!this.keys(s, at, 'schema')) return;
    // A list of types (JSON Schema's spelling of nullable, in a few certified connectors) is kept
    // verbatim with a warning; the validators' findings on it are baselined.
    if (
      isArray(s.type) &&
      s.type.length > 0 &&
      s.type.every((x) => x === 'null' || (SCHEMA_TYPES as readonly unknown[]).includes(x))
    )
      this.report('import-type-list', { types: JSON.stringify(s.type) }, pointer(at, 'type'));
    else this.oneOf(s.type, pointer(at, 'type'), SCHEMA_TYPES);
    if (s.items !== undefined) {
      if (isArray(s.items)) this.unsupported(pointer(at, 'items'), 'a tuple (array-valued items)');
      else this.schema(s.items, pointer(at, 'items'));
    }
    this.map(s.properties, pointer(at, 'properties'), (p, pat) => this.schema(p, pat));
    if (isObject(s.additionalProperties)) this.schema(s.additionalProperties, pointer(at, 'additionalProperties'));
    else if (s.additionalProperties !== undefined && typeof s.additionalProperties !== 'boolean')
      this.invalid(pointer(at, 'additionalProperties'), 'a schema or a boolean');
    this.list(s.allOf, pointer(at, 'allOf'), (x, xat) => this.schema(x, xat));
    this.strings(s.required, pointer(at, 'required'));
    if (s.enum !== undefined && !isArray(s.enum)) this.invalid(pointer(at, 'enum'), 'an array');
  }

  securityScheme(s: unknown, at: string): void {
    if (!isObject(s)) return this.invalid(at, 'a security scheme object');
    if (s.type === 'basic' || s.type === 'apiKey' || s.type === 'oauth2') this.keys(s, at, s.type);
    else this.invalid(pointer(at, 'type'), 'one of "basic", "apiKey", "oauth2"');
  }
  securityRequirement(s: unknown, at: string): void {
    if (!isObject(s)) return this.invalid(at, 'a security requirement object');
    for (const [k, v] of Object.entries(s)) this.strings(v ?? null, pointer(at, k));
  }

  // ---- apiProperties ----
  properties(doc: unknown): void {
    if (!isObject(doc)) return this.invalid('', 'an object with "properties"');
    // Keys beside `properties` are kept verbatim at the root (DeclaredConnector.propertiesRoot),
    // listed in one warning; a credential there has no secret('ENV') slot, so it is refused.
    const root = Object.keys(doc).filter((k) => k !== 'properties');
    for (const k of root) {
      const at = credentialIn(doc[k], pointer('', k));
      if (at !== undefined) this.secret(at, 'a credential beside "properties" in apiProperties');
    }
    if (root.length) this.report('import-properties-root-kept', { keys: root.join(', ') }, pointer('', root[0]!));
    const p = doc.properties;
    if (!isObject(p)) return this.invalid('/properties', 'an object (properties)');
    // A key the model has no field for is kept verbatim (the rebuilt file equals the source) and
    // listed in one warning: nothing is dropped, nothing is kept unseen.
    const kept = Object.keys(p).filter((k) => !SETS.properties.has(k) && !k.startsWith('x-'));
    for (const k of Object.keys(p)) if (k.startsWith('x-')) this.vendor.set(k, (this.vendor.get(k) ?? 0) + 1);
    if (kept.length) this.report('import-properties-kept', { keys: kept.join(', ') }, pointer('/properties', kept[0]!));
    this.string(p.stackowner, '/properties/stackowner');
    // Absent in some published connectors: the import goes on and the build reports it (baselined).
    this.string(p.iconBrandColor, '/properties/iconBrandColor');
    this.strings(p.capabilities, '/properties/capabilities');
    this.strings(p.scriptOperations, '/properties/scriptOperations');
    this.string(p.publisher, '/properties/publisher');
    this.string(p.stackOwner, '/properties/stackOwner');
    const parameter = (c: unknown, at: string): void => {
      if (!isObject(c) || typeof c.type !== 'string') return this.invalid(at, 'a connection parameter with a "type"');
      // Secrets never reach generated files. An OAuth clientSecret becomes secret('ENV')
      // (src/import/secrets.ts); a securestring default has no such place, so it is refused.
      if (c.type === 'securestring' && c.defaultValue !== undefined && c.defaultValue !== '')
        this.secret(pointer(at, 'defaultValue'), 'a default value of a securestring parameter');
    };
    this.map(p.connectionParameters, '/properties/connectionParameters', parameter);
    if (
      p.connectionParameterSets !== undefined &&
      this.keys(p.connectionParameterSets, '/properties/connectionParameterSets', 'connectionParameterSets')
    ) {
      this.list(p.connectionParameterSets.values, '/properties/connectionParameterSets/values', (v, at) => {
        if (!isObject(v) || typeof v.name !== 'string' || !isObject(v.parameters))
          return this.invalid(at, 'a parameter set { name, parameters }');
        this.map(v.parameters, pointer(at, 'parameters'), parameter);
      });
    }
    this.list(p.policyTemplateInstances, '/properties/policyTemplateInstances', (x, at) => this.policy(x, at));
  }

  policy(x: unknown, at: string): void {
    if (!this.keys(x, at, 'policy')) return;
    if (typeof x.templateId !== 'string') return this.invalid(pointer(at, 'templateId'), 'a string');
    if (!isObject(x.parameters)) return this.invalid(pointer(at, 'parameters'), 'an object of template parameters');
    const operations = 'x-ms-apimTemplate-operationName';
    if (operations in x.parameters)
      this.strings(x.parameters[operations], pointer(pointer(at, 'parameters'), operations));
    // Written back verbatim (keptPolicy() in the descriptor), with a warning each.
    for (const u of unreadPolicyParts(x))
      this.report('import-policy-kept', { reason: u.reason }, u.path.reduce<string>(pointer, at));
  }

  vendorDiagnostic(): Diagnostic[] {
    if (this.vendor.size === 0) return [];
    const keys = [...this.vendor]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${k} (${n})`)
      .join(', ');
    return [diagnostic('import-vendor-extensions', { keys }, { connector: this.connector, file: this.file })];
  }
}

export function checkSwagger(doc: unknown, connector: string, file: string): Diagnostic[] {
  const c = new Checker(connector, file);
  c.root(doc);
  return [...c.diagnostics, ...c.vendorDiagnostic()];
}

export function checkApiProperties(doc: unknown, connector: string, file: string): Diagnostic[] {
  const c = new Checker(connector, file);
  c.properties(doc);
  return [...c.diagnostics, ...c.vendorDiagnostic()];
}
