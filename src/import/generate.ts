/**
 * Turns a checked swagger + apiProperties into descriptor source a person can maintain:
 *   connector.ts            defineConnector({...}): auth, and under `declared` the document root and apiProperties
 *   schemas.ts              shared definitions (#/definitions/...), one named const each
 *   parameters.ts           shared parameters (#/parameters/...), one named const each
 *   responses.ts            shared responses (#/responses/...), one named const each
 *                           (typed where that rebuilds the entry exactly: operations then use the
 *                           const by name and the swagger still writes the $ref; else declared
 *                           verbatim with the reason, shared-*.ts)
 *   operations/<group>.ts   one file per tag (or first path segment), one const per operation
 *   script.csx, icon.png    copied byte for byte
 * Pure: values in, file map out. Every name from the source goes through names.ts and every
 * string through ts-writer.ts.
 */
import { CATEGORIES } from '../model/connector';
import type { ApiPropertiesDocument } from '../swagger/api-properties';
import { isMethod, isVisibility } from '../swagger/constants';
import type { SwaggerDocument } from '../swagger/document';
import { isArray, isObject, type Found, type JsonObject } from '../swagger/found';
import { NameScope, fileBaseFrom, identifierFrom } from './names';
import type { SecretSlot } from './secrets';
import { PARAMETERS_NAMESPACE, sharedParameters, type SharedParameters } from './shared-parameters';
import { RESPONSES_NAMESPACE, sharedResponses, type SharedResponses } from './shared-responses';
import { SCHEMAS_NAMESPACE, sharedSchemas, type SharedSchemas } from './shared-schemas';
import { unreadPolicyParts } from './check';
import { Call, call, code, commentText, literal, stringLiteral } from './ts-writer';
import {
  addToShare,
  chooseOperationForm,
  emptyTypedShare,
  type OperationForm,
  type SharedRefs,
  type TypedShare,
} from './typed-operation';

type Obj = JsonObject;

export interface GenerateInput {
  id: string;
  /** Where the source came from, for the header comment (a folder name, never a full path). */
  sourceName: string;
  /** Both checked by check.ts first: read as found all the same, every value guarded. */
  swagger: Found<SwaggerDocument>;
  apiProperties: Found<ApiPropertiesDocument>;
  script?: string;
  icon?: Uint8Array;
  /** Import specifier of the model from the output folder: 'pcdk', as an author's descriptors import it. */
  modelImport: string;
  /** OAuth client secrets of the source: written as secret('ENV'), never as their value. */
  secrets?: readonly SecretSlot[];
}

const OPERATION_CORE = new Set([
  'summary',
  'description',
  'operationId',
  'tags',
  'parameters',
  'responses',
  'deprecated',
  'x-ms-visibility',
]);

interface OpEntry {
  path: string;
  method: string;
  op: Obj;
  pathItem?: Obj;
  constName: string;
  group: string;
}

function header(lines: string[]): string {
  return `/**\n${lines.map((l) => ` * ${commentText(l, 200)}`).join('\n')}\n */\n`;
}

/**
 * schemas.ts: each shared definition as a constant, typed (`sharedSchema('Pet', t.object(...))`,
 * which operations use as `schemas.Pet`) where that rebuilds it exactly, else declared verbatim
 * with the reason; then the document's `definitions` map of them.
 */
function schemasFile(shared: SharedSchemas, modelImport: string): string {
  const consts = shared.consts.map((c) =>
    c.typed
      ? `export const ${c.id} = ${literal(c.typed.code)};\n`
      : `// Declared verbatim: ${commentText(c.why ?? '')}.\nexport const ${c.id}: DeclaredSchema = ${literal(c.source)};\n`,
  );
  const mapEntries: Record<string, unknown> = {};
  const byName = new Map(shared.consts.map((c) => [c.name, c]));
  for (const c of shared.names.map((n) => byName.get(n)!)) {
    const value = code(c.typed ? `definitionObject(${c.id})` : c.id);
    // defineProperty, not assignment: a definition named "__proto__" must stay an own entry.
    Object.defineProperty(mapEntries, c.name, { value, enumerable: true, writable: true, configurable: true });
  }
  const helpers = ['sharedSchema', 'definitionObject', 't', 'declaredSchema'].filter((h) => shared.uses.has(h));
  return [
    header([
      'Shared schemas (#/definitions/...): operations use the typed ones by name, and the swagger writes',
      'a $ref to the definition there; the others are declared verbatim, with the reason.',
    ]),
    `import { ${[...helpers, 'type DeclaredSchema'].join(', ')} } from ${stringLiteral(modelImport)};\n\n`,
    consts.join('\n'),
    `\nexport const definitions: Record<string, DeclaredSchema> = ${literal(mapEntries)};\n`,
  ].join('');
}

/**
 * parameters.ts: each shared parameter as a constant, typed (`sharedParameter('key', 'name',
 * query(...))`, which operations use as `parameters.key`) where that rebuilds it exactly, else
 * declared verbatim with the reason; then the document's `parameters` map, whose typed entries
 * are parameterObject() of their constant.
 */
function parametersFile(shared: SharedParameters, modelImport: string): string {
  const consts = shared.consts.map((c) =>
    c.typed
      ? `export const ${c.id} = ${literal(c.typed.code)};\n`
      : `// Declared verbatim: ${commentText(c.why ?? '')}.\nexport const ${c.id}: ParameterObject = ${literal(c.source)};\n`,
  );
  const mapEntries: Record<string, unknown> = {};
  for (const c of shared.consts) {
    const derive = isObject(c.source) && c.source.in === 'body' ? 'bodyParameterObject' : 'parameterObject';
    const value = code(c.typed ? `${derive}(${c.id})` : c.id);
    Object.defineProperty(mapEntries, c.key, { value, enumerable: true, writable: true, configurable: true });
  }
  const order = [
    'sharedParameter',
    'parameterObject',
    'sharedBody',
    'bodyParameterObject',
    'path',
    'query',
    'header',
    'formData',
    't',
    'declaredSchema',
  ];
  const helpers = order.filter((h) => shared.uses.has(h));
  return [
    header([
      'Shared parameters (#/parameters/...): operations use the typed ones by name, and the swagger writes',
      'a $ref to the entry there; the others are declared verbatim, with the reason.',
    ]),
    `import { ${[...helpers, 'type ParameterObject'].join(', ')} } from ${stringLiteral(modelImport)};\n`,
    // A shared body's schema uses the shared definitions' constants.
    shared.uses.has('schemas') ? `import * as ${SCHEMAS_NAMESPACE} from './schemas';\n` : '',
    '\n',
    consts.join('\n'),
    `\nexport const parameters: Record<string, ParameterObject> = ${literal(mapEntries)};\n`,
  ].join('');
}

/**
 * responses.ts: each shared response as a constant, typed (`sharedResponse('key', {...})`, which
 * operations use as `responses.key`) where that rebuilds it exactly, else declared verbatim with
 * the reason; then the document's `responses` map, whose typed entries are responseObject() of
 * their constant.
 */
function responsesFile(shared: SharedResponses, modelImport: string): string {
  const consts = shared.consts.map((c) =>
    c.typed
      ? `export const ${c.id} = ${literal(c.typed.code)};\n`
      : `// Declared verbatim: ${commentText(c.why ?? '')}.\nexport const ${c.id}: ResponseObject = ${literal(c.source)};\n`,
  );
  const mapEntries: Record<string, unknown> = {};
  for (const c of shared.consts) {
    const value = code(c.typed ? `responseObject(${c.id})` : c.id);
    Object.defineProperty(mapEntries, c.key, { value, enumerable: true, writable: true, configurable: true });
  }
  const helpers = ['sharedResponse', 'responseObject', 't', 'declaredSchema'].filter((h) => shared.uses.has(h));
  return [
    header([
      'Shared responses (#/responses/...): operations use the typed ones by name, and the swagger writes',
      'a $ref to the entry there; the others are declared verbatim, with the reason.',
    ]),
    `import { ${[...helpers, 'type ResponseObject'].join(', ')} } from ${stringLiteral(modelImport)};\n`,
    shared.uses.has('schemas') ? `import * as ${SCHEMAS_NAMESPACE} from './schemas';\n` : '',
    '\n',
    consts.join('\n'),
    `\nexport const responses: Record<string, ResponseObject> = ${literal(mapEntries)};\n`,
  ].join('');
}

function operationSource(
  e: OpEntry,
  definitions: Obj | undefined,
  shared: SharedRefs,
): { text: string; form: OperationForm } {
  const op = e.op;
  const doc = [typeof op.summary === 'string' && op.summary ? op.summary : String(op.operationId)];
  const form = chooseOperationForm(op, declaredOperationSpec(op, e.method, e.path, e.pathItem), definitions, shared);
  // What stays declared verbatim says why, in the operation's doc comment.
  for (const w of form.why) doc.push(`Declared verbatim: ${w}.`);
  return { text: `${header(doc)}export const ${e.constName} = operation(${literal(form.spec)});\n`, form };
}

/**
 * The operation() argument that declares the source operation verbatim: the authored fields an
 * operation needs (id, method, path, summary, ...) and, under `declared`, the source's parameters,
 * responses and every other key as written.
 */
export function declaredOperationSpec(op: Obj, method: string, path: string, pathItem?: Obj): Obj {
  const spec: Record<string, unknown> = { id: op.operationId, method, path };
  const omitted: string[] = [];
  // Keys of the source operation written as they are (DeclaredOperation.operation).
  const keys: Obj = {};
  if (typeof op.summary === 'string') spec.summary = op.summary;
  else {
    spec.summary = '';
    omitted.push('summary');
  }
  if (typeof op.description === 'string') spec.description = op.description;
  else {
    spec.description = '';
    omitted.push('description');
  }
  // An empty tag list is the source's to keep: an authored one is left out.
  if (isArray(op.tags) && op.tags.length > 0) spec.tags = op.tags;
  else if (op.tags !== undefined) keys.tags = op.tags;
  if (op.deprecated !== undefined) spec.deprecated = op.deprecated;
  const vis = op['x-ms-visibility'];
  if (isVisibility(vis)) spec.visibility = vis;
  else if (vis !== undefined) keys['x-ms-visibility'] = vis;
  if (op.parameters !== undefined) keys.parameters = op.parameters;
  else omitted.push('parameters');
  spec.responses = {};
  keys.responses = op.responses;
  for (const [key, value] of Object.entries(op)) if (!OPERATION_CORE.has(key)) keys[key] = value;
  const declared: Obj = {};
  if (omitted.length) declared.omitted = omitted;
  declared.operation = keys;
  if (pathItem) declared.pathItem = pathItem;
  spec.declared = declared;
  return spec;
}

/** The model helpers an operations file calls, in one fixed order (noUnusedLocals: only those used). */
const HELPER_ORDER = ['operation', 'path', 'query', 'header', 'formData', 'response', 't', 'declaredSchema'];
/** Names an operations file binds besides the helpers: an operation const must not shadow them. */
const OPERATIONS_FILE_NAMES = [...HELPER_ORDER, SCHEMAS_NAMESPACE, PARAMETERS_NAMESPACE, RESPONSES_NAMESPACE];

const staticSegments = (path: string): string[] => path.split('/').filter((s) => s && !s.includes('{'));

/** How many leading static segments every path shares (`/api/v5/...`): they say nothing about the resource. */
function commonPrefixLength(paths: string[]): number {
  const split = paths.map(staticSegments);
  let n = 0;
  while (split.every((segs) => segs.length > n + 1 && segs[n] === split[0]![n])) n++;
  return n;
}

/** The file an operation goes to: its first tag, else the first path segment that names a resource. */
function groupOf(path: string, op: Obj, skip: number): string {
  const tags = op.tags;
  if (isArray(tags) && typeof tags[0] === 'string' && tags[0].trim()) return tags[0];
  return staticSegments(path)[skip] ?? staticSegments(path)[0] ?? 'root';
}

function metadataValue(meta: unknown, name: string): string | undefined {
  if (!isArray(meta)) return undefined;
  const hit = meta.find(
    (m) => isObject(m) && typeof m.propertyName === 'string' && m.propertyName.toLowerCase() === name.toLowerCase(),
  );
  return isObject(hit) && typeof hit.propertyValue === 'string' ? hit.propertyValue : undefined;
}

export function generateDescriptorFiles(input: GenerateInput): Map<string, string | Uint8Array> {
  return generateDescriptors(input).files;
}

export function generateDescriptors(input: GenerateInput): {
  files: Map<string, string | Uint8Array>;
  typed: TypedShare;
} {
  const files = new Map<string, string | Uint8Array>();
  const typed = emptyTypedShare();
  const { swagger, modelImport } = input;
  const paths: Obj = isObject(swagger.paths) ? swagger.paths : {};
  const { entries, empty } = operationEntries(paths);
  const groups = groupFiles(entries);
  const definitions = isObject(swagger.definitions) ? swagger.definitions : undefined;
  const schemas = sharedSchemas(definitions);
  const shared = {
    schemas,
    parameters: sharedParameters(isObject(swagger.parameters) ? swagger.parameters : undefined, schemas.byRef),
    responses: sharedResponses(isObject(swagger.responses) ? swagger.responses : undefined, schemas.byRef),
  };
  const refs: SharedRefs = {
    schemas: shared.schemas.byRef,
    parameters: shared.parameters.byRef,
    responses: shared.responses.byRef,
  };
  writeOperationFiles(groups, operationsModelImport(modelImport), files, typed, definitions, refs);
  const { document, imports } = declaredDocument(swagger, empty, modelImport, files, shared);
  for (const g of groups.values()) imports.push(`import * as ${g.ns} from './operations/${g.base}';`);
  const props = withKeptPolicies(
    withoutSecrets(isObject(input.apiProperties.properties) ? input.apiProperties.properties : {}, input.secrets ?? []),
  );
  const spec = connectorSpec(input, props, entries, groups);
  // Keys beside `properties` in the source (checked free of credentials by ./check).
  const root = Object.fromEntries(Object.entries(input.apiProperties).filter(([k]) => k !== 'properties'));
  const propertiesRoot = Object.keys(root).length ? root : undefined;
  if (propertiesRoot) (spec.declared as Obj).propertiesRoot = code('propertiesRoot');
  if (input.script !== undefined) {
    spec.script = { file: 'script.csx', source: code("readFileSync(join(__dirname, 'script.csx'), 'utf8')") };
    files.set('script.csx', input.script);
  }
  if (input.icon !== undefined) {
    spec.icon = code("new Uint8Array(readFileSync(join(__dirname, 'icon.png')))");
    files.set('icon.png', input.icon);
  }
  files.set('connector.ts', connectorFile(input, imports, document, props, spec, propertiesRoot));
  return { files, typed };
}

/**
 * The properties with each policy instance the platform's template would not read written as
 * keptPolicy(why, instance): the instance as declared, its reason beside it (./check warns).
 */
function withKeptPolicies(props: Obj): Obj {
  const instances = props.policyTemplateInstances;
  if (!isArray(instances)) return props;
  let kept = false;
  const written = instances.map((x) => {
    const unread = isObject(x) ? unreadPolicyParts(x) : [];
    if (unread.length === 0) return x;
    kept = true;
    return call('keptPolicy', unread.map((u) => u.reason).join('; '), x);
  });
  return kept ? { ...props, policyTemplateInstances: written } : props;
}

/**
 * The properties with each secret replaced by secret('ENV'): copies along each secret's path
 * only, so the value never reaches the generated text.
 */
function withoutSecrets(props: Obj, secrets: readonly SecretSlot[]): Obj {
  const root: Obj = { ...props };
  for (const s of secrets) {
    // s.path starts at the apiProperties root: ['properties', ...].
    let cur: Obj | unknown[] = root;
    const keys = s.path.slice(1);
    keys.forEach((k, i) => {
      const container = cur as Record<string | number, unknown>;
      if (i === keys.length - 1) container[k] = code(`secret(${stringLiteral(s.env)})`);
      else {
        const next = container[k];
        const copy = isArray(next) ? [...next] : { ...(next as Obj) };
        container[k] = copy;
        cur = copy;
      }
    });
  }
  return root;
}

/** Import specifier of src/model from operations/: a package name reads the same, a relative path moves one level up. */
function operationsModelImport(modelImport: string): string {
  if (!modelImport.startsWith('.')) return modelImport;
  return modelImport.startsWith('./') ? `.${modelImport}` : `../${modelImport}`;
}

/** Every operation of the source, in document order, and the paths that hold none. */
function operationEntries(paths: Obj): { entries: OpEntry[]; empty: Obj } {
  const entries: OpEntry[] = [];
  // The helpers an operations file imports: an operation const must not shadow them.
  const constScope = new NameScope(OPERATIONS_FILE_NAMES);
  const empty: Obj = {};
  const skip = commonPrefixLength(Object.keys(paths));
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const extra: Obj = {};
    for (const [k, v] of Object.entries(item)) if (!isMethod(k)) extra[k] = v;
    if (!Object.keys(item).some(isMethod)) {
      empty[path] = item;
      continue;
    }
    let first = true;
    for (const method of Object.keys(item)) {
      const op = item[method];
      if (!isMethod(method) || !isObject(op)) continue;
      entries.push({
        path,
        method,
        op,
        pathItem: first && Object.keys(extra).length ? extra : undefined,
        constName: constScope.claim(identifierFrom(String(op.operationId), 'operation')),
        group: groupOf(path, op, skip),
      });
      first = false;
    }
  }
  return { entries, empty };
}

interface GroupFile {
  base: string;
  /** The namespace connector.ts imports the file as. */
  ns: string;
  ops: OpEntry[];
}

/** One operations file per group, with a file name and a namespace that clash with nothing. */
function groupFiles(entries: OpEntry[]): Map<string, GroupFile> {
  const fileScope = new NameScope();
  const groups = new Map<string, GroupFile>();
  // Names connector.ts binds itself: a group must not shadow them.
  const nsScope = new NameScope([
    'document',
    'properties',
    'definitions',
    'parameters',
    'responses',
    'readFileSync',
    'join',
    'DocumentSpec',
    'PropertiesSpec',
  ]);
  for (const e of entries) {
    let g = groups.get(e.group);
    if (!g) {
      const base = fileScope.claim(fileBaseFrom(e.group), '-');
      g = { base, ns: nsScope.claim(identifierFrom(base, 'operations')), ops: [] };
      groups.set(e.group, g);
    }
    g.ops.push(e);
  }
  return groups;
}

function writeOperationFiles(
  groups: Map<string, GroupFile>,
  opsModel: string,
  files: Map<string, string | Uint8Array>,
  typed: TypedShare,
  definitions: Obj | undefined,
  shared: SharedRefs,
): void {
  for (const g of groups.values()) {
    const sources = g.ops.map((e) => operationSource(e, definitions, shared));
    const uses = new Set(['operation', ...sources.flatMap((o) => [...o.form.uses])]);
    for (const o of sources) addToShare(typed, o.form);
    const helpers = HELPER_ORDER.filter((h) => uses.has(h)).join(', ');
    const sharedImports = [
      uses.has('schemas') ? `import * as ${SCHEMAS_NAMESPACE} from '../schemas';\n` : '',
      uses.has('parameters') ? `import * as ${PARAMETERS_NAMESPACE} from '../parameters';\n` : '',
      uses.has('responses') ? `import * as ${RESPONSES_NAMESPACE} from '../responses';\n` : '',
    ].join('');
    files.set(
      `operations/${g.base}.ts`,
      `import { ${helpers} } from ${stringLiteral(opsModel)};\n${sharedImports}\n${sources.map((o) => o.text).join('\n')}`,
    );
  }
}

/**
 * The swagger root as declared (DocumentSpec), with the shared definitions, parameters and
 * responses written to files of their own and referenced by name.
 */
function declaredDocument(
  swagger: Found<SwaggerDocument>,
  empty: Obj,
  modelImport: string,
  files: Map<string, string | Uint8Array>,
  shared: { schemas: SharedSchemas; parameters: SharedParameters; responses: SharedResponses },
): { document: Obj; imports: string[] } {
  const imports: string[] = [];
  const document: Obj = {};
  for (const [k, v] of Object.entries(swagger)) {
    if (k === 'swagger' || k === 'paths') continue;
    document[k] = v;
  }
  if (Object.keys(empty).length) document.pathsWithoutOperations = empty;
  const componentFiles: Record<'definitions' | 'parameters' | 'responses', [string, () => string]> = {
    definitions: ['schemas', () => schemasFile(shared.schemas, modelImport)],
    parameters: ['parameters', () => parametersFile(shared.parameters, modelImport)],
    responses: ['responses', () => responsesFile(shared.responses, modelImport)],
  };
  for (const [key, [file, text]] of Object.entries(componentFiles)) {
    const v = swagger[key as keyof typeof componentFiles];
    if (!isObject(v)) continue;
    if (Object.keys(v).length === 0) {
      document[key] = {};
      continue;
    }
    files.set(`${file}.ts`, text());
    imports.push(`import { ${key} } from './${file}';`);
    document[key] = code(key);
  }
  return { document, imports };
}

/**
 * The defineConnector() argument: the authored fields derived from the source for the readme,
 * reference page and client, and `declared` for what is emitted.
 */
function connectorSpec(input: GenerateInput, props: Obj, entries: OpEntry[], groups: Map<string, GroupFile>): Obj {
  const { swagger } = input;
  const info: Obj = isObject(swagger.info) ? swagger.info : {};
  const contact: Obj = isObject(info.contact) ? info.contact : {};
  const meta = swagger['x-ms-connector-metadata'];
  const categories = (metadataValue(meta, 'Categories') ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => (CATEGORIES as readonly string[]).includes(s));
  const schemes = isArray(swagger.schemes) ? swagger.schemes.filter((s) => s === 'https' || s === 'http') : [];
  return {
    id: input.id,
    title: code('document.info.title'),
    description: typeof info.description === 'string' ? code("document.info.description ?? ''") : '',
    version: code('document.info.version'),
    host: typeof swagger.host === 'string' ? code("document.host ?? ''") : '',
    basePath: typeof swagger.basePath === 'string' ? code("document.basePath ?? '/'") : '/',
    schemes: schemes.length ? schemes : ['https'],
    contact: { name: str(contact.name), url: str(contact.url), email: str(contact.email) },
    metadata: {
      website: metadataValue(meta, 'Website') ?? '',
      privacyPolicy: metadataValue(meta, 'Privacy policy') ?? '',
      categories,
    },
    publisher: str(props.publisher),
    stackOwner: str(props.stackOwner),
    // Absent from some published apiProperties (the build then reports it, baselined).
    iconBrandColor: code("properties.iconBrandColor ?? ''"),
    operations: entries.map((e) => code(`${groups.get(e.group)!.ns}.${e.constName}`)),
    readme: { prerequisites: '', obtainingCredentials: '', knownIssues: '' },
    declared: { document: code('document'), properties: code('properties') },
  };
}

const usesKeptPolicy = (props: Obj): boolean =>
  isArray(props.policyTemplateInstances) &&
  props.policyTemplateInstances.some((x) => x instanceof Call && x.callee === 'keptPolicy');

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function connectorFile(
  input: GenerateInput,
  imports: string[],
  document: Obj,
  properties: Obj,
  spec: Obj,
  propertiesRoot: Obj | undefined,
): string {
  const info: Obj = isObject(input.swagger.info) ? input.swagger.info : {};
  const needsFs = input.script !== undefined || input.icon !== undefined;
  return [
    header([
      `${str(info.title)}: imported by pcdk from ${input.sourceName}.`,
      '`declared` holds the swagger root and apiProperties exactly as declared (what is emitted);',
      'title, contact, metadata and the like in defineConnector are derived from them for the readme, reference page and client.',
    ]),
    `import { defineConnector, ${usesKeptPolicy(properties) ? 'keptPolicy, ' : ''}${input.secrets?.length ? 'secret, ' : ''}type DocumentSpec, type PropertiesSpec } from ${stringLiteral(input.modelImport)};\n`,
    needsFs ? "import { readFileSync } from 'node:fs';\nimport { join } from 'node:path';\n" : '',
    imports.length ? `${imports.join('\n')}\n` : '',
    `\nconst document: DocumentSpec = ${literal(document)};\n`,
    `\nconst properties: PropertiesSpec = ${literal(properties)};\n`,
    propertiesRoot
      ? `\n/** Beside "properties" at the root of the source's apiProperties.json: kept as declared. */\nconst propertiesRoot = ${literal(propertiesRoot)};\n`
      : '',
    `\nexport default defineConnector(${literal(spec)});\n`,
  ].join('');
}
