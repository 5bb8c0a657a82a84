/**
 * Chooses how an imported operation is written. The typed form (`params: { id: path(t.string(...)) }`,
 * `body: t.object(...)`, `responses: { 200: t.partial(...) }`) is what an author would write and
 * what gives the generated client typed inputs and outputs; the declared form
 * (`declared: { operation: { parameters: [...], responses: {...} } }`) is the source verbatim. Each candidate is emitted with the real
 * emitter and compared with the source operation (parsed JSON, key order ignored: the round-trip
 * normalization); the first equal one wins, so typing never changes what ships:
 *   typed parameters + typed responses, typed parameters + declared responses,
 *   declared parameters + typed responses, all declared.
 */
import { operationJson } from '../emit/swagger';
import {
  bodyInputs,
  formData,
  header,
  isWholeBody,
  operation,
  path,
  query,
  response,
  type OperationSpec,
} from '../model/operation';
import type { SharedBodyMark } from '../model/declared';
import type { SchemaObject, Visibility } from '../model/schema';
import { REASONS, isVisibility } from '../swagger/constants';
import { isArray, isObject, type JsonObject } from '../swagger/found';
import { writtenDifferences } from './json-compare';
import { call } from './ts-writer';
import { dynamicValuesFrom, putOwn, typedSchema, type Typed, type Uses } from './typed-schema';

type Obj = JsonObject;

/**
 * The shared definitions and parameters written as constants (shared-schemas.ts,
 * shared-parameters.ts), by the `$ref` that names them: an operation uses the constant instead.
 */
export interface SharedRefs {
  schemas?: ReadonlyMap<string, Typed>;
  /** Shared parameters' constants; a shared body's carries its mark. */
  parameters?: ReadonlyMap<string, Typed & { name: string; body?: SharedBodyMark }>;
  responses?: ReadonlyMap<string, Typed>;
}

/** What pcdk writes for a non-body parameter (src/emit/swagger.ts paramJson), by source key. */
const PARAM_SCHEMA_KEYS = [
  'type',
  'format',
  'enum',
  'default',
  'items',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'x-nullable',
];
const PARAM_KEYS = new Set([
  'name',
  'in',
  'required',
  'x-ms-summary',
  'description',
  'x-ms-url-encoding',
  'x-ms-visibility',
  'x-ms-dynamic-values',
  'x-ms-test-value',
  ...PARAM_SCHEMA_KEYS,
]);
/** The keys of a body parameter the model writes (name, labels, required, schema). */
export const BODY_KEYS = new Set([
  'name',
  'in',
  'required',
  'schema',
  'description',
  'x-ms-summary',
  'x-ms-visibility',
]);
const RESPONSE_KEYS = new Set(['description', 'schema', 'x-ms-summary', 'headers', 'examples']);
/** A vendor key on a response other than x-ms-summary (which `summary` writes): kept as a declared key. */
const isVendorKey = (k: string): boolean => k.startsWith('x-') && k !== 'x-ms-summary';

/** `params` (+ `body`, `bodyRequired`) for a source parameter list, or undefined. */
export function typedParameters(
  parameters: unknown,
  method: string,
  uses: Uses,
  shared?: SharedRefs,
): { fields: Map<string, Typed>; declared: Obj; count: number; typed: number } | undefined {
  if (!isArray(parameters)) return undefined;
  const params: Typed = { code: {}, value: {} };
  const fields = new Map<string, Typed>([['params', params]]);
  // What the typed parameters cannot say themselves (DeclaredOperation.bodyParameter, requiredOmitted).
  const declared: Obj = {};
  const requiredOmitted: string[] = [];
  const urlEncodingOmitted: string[] = [];
  const parameterKeys: Obj = {};
  const names = new Set<string>();
  const bodyNames: string[] = [];
  for (const [i, p] of parameters.entries()) {
    // A shared parameter written as a constant: the constant itself, under its name (it emits the $ref).
    const hit =
      isObject(p) && typeof p.$ref === 'string' && Object.keys(p).length === 1
        ? shared?.parameters?.get(p.$ref)
        : undefined;
    if (hit?.body) {
      // A shared body's constant is the operation's body; the swagger writes the $ref where the source has it.
      if (fields.has('body') || declared.body !== undefined || method === 'get') return undefined;
      if (i !== parameters.length - 1) declared.bodyIndex = i;
      uses.add('parameters');
      // An input named like a parameter is caught below, once every name is known.
      bodyNames.push(...bodyInputNames(hit.value as SchemaObject));
      fields.set('body', hit);
      // What the client requires follows the entry: optional unless it says required.
      if (hit.body.required !== true) fields.set('bodyRequired', { code: false, value: false });
      continue;
    }
    if (hit && !names.has(hit.name)) {
      names.add(hit.name);
      uses.add('parameters');
      putParam(params, hit.name, hit);
      continue;
    }
    if (!isObject(p) || typeof p.name !== 'string') return undefined;
    if (p.in === 'body') {
      // The model wants one body, an object whose properties are not also parameters (they become
      // the client's inputs side by side; checked below, once every name is known), and none on GET.
      if (
        fields.has('body') ||
        declared.body !== undefined ||
        method === 'get' ||
        (p.required !== undefined && typeof p.required !== 'boolean')
      )
        return undefined;
      // The emitter writes the body last: where the source lists it otherwise is declared.
      if (i !== parameters.length - 1) declared.bodyIndex = i;
      const local: Uses = new Set();
      const schema = typedSchema(p.schema, local, shared?.schemas);
      // The schema as typed: a shared definition's constant stands for the object its $ref names.
      const body = schema && isObject(schema.value) ? schema.value : undefined;
      // The client's inputs from the body: an object's properties, any other body whole as `body`.
      const inputs = body ? bodyInputNames(body as SchemaObject) : [];
      const laterNames = parameters
        .slice(i + 1)
        .flatMap((q) => (isObject(q) && typeof q.name === 'string' ? [q.name] : []));
      if (!schema || !body || inputs.some((k) => names.has(k) || laterNames.includes(k))) {
        // What the model cannot type (inputs named like a parameter) is declared verbatim beside
        // the typed parameters.
        declared.body = p;
        continue;
      }
      for (const u of local) uses.add(u);
      bodyNames.push(...inputs);
      const bodyParameter = bodyParameterSpec(p);
      if (!bodyParameter) return undefined;
      fields.set('body', schema);
      if (!p.required) fields.set('bodyRequired', { code: false, value: false });
      // Absent `required` (Swagger: false) is written as bodyRequired: false, left out again by declared.requiredOmitted.
      if (p.required === undefined) requiredOmitted.push(p.name);
      if (Object.keys(bodyParameter).length) declared.bodyParameter = bodyParameter;
      continue;
    }
    const param = typedParameter(p, uses);
    if (!param || names.has(p.name)) return undefined;
    names.add(p.name);
    if (p.required === undefined) requiredOmitted.push(p.name);
    if (p.in === 'path' && p['x-ms-url-encoding'] === undefined) urlEncodingOmitted.push(p.name);
    if (param.extra) Object.defineProperty(parameterKeys, p.name, { value: param.extra, enumerable: true });
    putParam(params, p.name, param);
  }
  if (bodyNames.some((k) => names.has(k))) return undefined;
  if (requiredOmitted.length) declared.requiredOmitted = requiredOmitted;
  if (urlEncodingOmitted.length) declared.urlEncodingOmitted = urlEncodingOmitted;
  if (Object.keys(parameterKeys).length) declared.parameterKeys = parameterKeys;
  const count = parameters.length;
  return { fields, declared, count, typed: declared.body ? count - 1 : count };
}

/** Adds one parameter to `params` (code and value), as an own data property whatever its name. */
function putParam(params: Typed, name: string, param: Typed): void {
  for (const side of ['code', 'value'] as const) putOwn(params[side] as Obj, name, param[side]);
}

/** The names the client takes the body's values under (the model's bodyInputs). */
function bodyInputNames(body: SchemaObject): string[] {
  return Object.keys(bodyInputs({ body }).properties);
}

/** The body parameter's name and labels as DeclaredOperation.bodyParameter, or undefined when not expressible. */
function bodyParameterSpec(p: Obj): Obj | undefined {
  if (Object.keys(p).some((k) => !BODY_KEYS.has(k))) return undefined;
  const labels = bodyLabels(p);
  if (!labels) return undefined;
  return p.name !== 'body' ? { name: p.name, ...labels } : labels;
}

/** A body parameter's description, x-ms-summary and x-ms-visibility as the model's fields, or undefined when one is malformed. */
export function bodyLabels(p: Obj): { description?: string; summary?: string; visibility?: Visibility } | undefined {
  const out: { description?: string; summary?: string; visibility?: Visibility } = {};
  for (const [key, field] of [
    ['description', 'description'],
    ['x-ms-summary', 'summary'],
  ] as const) {
    const v = p[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') return undefined;
    out[field] = v;
  }
  const visibility = p['x-ms-visibility'];
  if (visibility !== undefined) {
    if (!isVisibility(visibility)) return undefined;
    out.visibility = visibility;
  }
  return out;
}

/**
 * One non-body parameter as path()/query()/header() code and value, or undefined; `extra` holds
 * the keys those have no option for (collectionFormat, x-ms-dynamic-list, vendor keys), verbatim.
 */
export function typedParameter(p: Obj, uses: Uses): (Typed & { extra?: Obj }) | undefined {
  const extra: Obj = {};
  for (const [k, v] of Object.entries(p)) if (!PARAM_KEYS.has(k)) extra[k] = v;
  const loc = p.in;
  if (loc !== 'path' && loc !== 'query' && loc !== 'header' && loc !== 'formData') return undefined;
  // Absent `required` (Swagger: false) is expressible on query and header parameters only (declared.requiredOmitted).
  if (typeof p.required !== 'boolean' && (loc === 'path' || p.required !== undefined)) return undefined;
  // path() always writes required and single encoding (an absent one: declared.urlEncodingOmitted);
  // query()/header() never write an encoding: any other is a declared key.
  if (loc === 'path' && p.required !== true) return undefined;
  const encoding = p['x-ms-url-encoding'];
  if (encoding !== undefined && !(loc === 'path' && encoding === 'single')) extra['x-ms-url-encoding'] = encoding;
  const schemaSource: Obj = {};
  for (const k of PARAM_SCHEMA_KEYS) if (p[k] !== undefined) schemaSource[k] = p[k];
  // `x-nullable: false` (NSwag writes it on every parameter) says what an absent key says: the
  // schema types write nothing for it, so it is a declared key.
  if (p['x-nullable'] === false) {
    delete schemaSource['x-nullable'];
    extra['x-nullable'] = false;
  }
  if (p['x-ms-summary'] !== undefined) schemaSource.title = p['x-ms-summary'];
  if (p.description !== undefined) schemaSource.description = p.description;
  const schema = typedSchema(schemaSource, uses);
  if (!schema) return undefined;
  const options: Obj = {};
  if (loc !== 'path' && p.required) options.required = true;
  // A value the options cannot spell ("Advanced", dynamic values in the older short form) is a declared key.
  if (p['x-ms-visibility'] !== undefined) {
    if (isVisibility(p['x-ms-visibility'])) options.visibility = p['x-ms-visibility'];
    else extra['x-ms-visibility'] = p['x-ms-visibility'];
  }
  if (p['x-ms-dynamic-values'] !== undefined) {
    const d = dynamicValuesFrom(p['x-ms-dynamic-values']);
    if (d) options.dynamicValues = d;
    else extra['x-ms-dynamic-values'] = p['x-ms-dynamic-values'];
  }
  if (p['x-ms-test-value'] !== undefined) options.testValue = p['x-ms-test-value'];
  uses.add(loc);
  const args = Object.keys(options).length ? [schema.code, options] : [schema.code];
  const value = HELPERS[loc](schema.value as SchemaObject, options);
  return { code: call(loc, ...args), value, ...(Object.keys(extra).length ? { extra } : {}) };
}

const HELPERS: Record<'path' | 'query' | 'header' | 'formData', (s: SchemaObject, o: Obj) => unknown> = {
  path,
  query,
  header,
  formData,
};

/**
 * `responses` for a source response map, plus the headers and examples they cannot say
 * (DeclaredOperation.responses), or undefined when one entry needs the declared form.
 */
export function typedResponses(
  responses: unknown,
  uses: Uses,
  shared?: SharedRefs,
): (Typed & { declared: Obj }) | undefined {
  if (!isObject(responses)) return undefined;
  const code: Obj = {};
  const value: Obj = {};
  const declared: Obj = {};
  for (const [status, r] of Object.entries(responses)) {
    if (!(status === 'default' || /^[1-5]\d\d$/.test(status)) || !isObject(r)) return undefined;
    // A shared response written as a constant: the constant itself (it emits the $ref). The model
    // allows no schema under `default`.
    const hit = typeof r.$ref === 'string' && Object.keys(r).length === 1 ? shared?.responses?.get(r.$ref) : undefined;
    if (hit) {
      if (status === 'default' && isObject(hit.value) && hit.value.schema !== undefined) return undefined;
      uses.add('responses');
      code[status] = hit.code;
      value[status] = hit.value;
      continue;
    }
    if (typeof r.description !== 'string') return undefined;
    if (Object.keys(r).some((k) => !RESPONSE_KEYS.has(k) && !isVendorKey(k))) return undefined;
    if ((r.headers !== undefined && !isObject(r.headers)) || (r.examples !== undefined && !isObject(r.examples)))
      return undefined;
    // Declared extras (headers, examples, vendor keys such as NSwag's x-nullable) go to
    // declared.responses, verbatim.
    const extras: Obj = {};
    if (r.headers !== undefined) extras.headers = r.headers;
    if (r.examples !== undefined) extras.examples = r.examples;
    for (const k of Object.keys(r)) if (isVendorKey(k)) extras[k] = r[k];
    if (Object.keys(extras).length) declared[status] = extras;
    const plain = r['x-ms-summary'] === undefined;
    if (r['x-ms-summary'] !== undefined && (typeof r['x-ms-summary'] !== 'string' || r['x-ms-summary'] === ''))
      return undefined;
    let entry: Typed;
    if (r.schema === undefined) {
      // `default` documents errors only (DefaultResponseSpec): a plain { description }.
      const e: Obj = { description: r.description };
      if (r['x-ms-summary'] !== undefined) e.summary = r['x-ms-summary'];
      entry = { code: e, value: e };
    } else {
      if (status === 'default') {
        // The model forbids a schema there (certification rejects it): the schema is declared.
        declared[status] = { ...(declared[status] as Obj | undefined), schema: r.schema };
        const e: Obj = { description: r.description };
        if (r['x-ms-summary'] !== undefined) e.summary = r['x-ms-summary'];
        code[status] = e;
        value[status] = e;
        continue;
      }
      const schema = typedSchema(r.schema, uses, shared?.schemas);
      if (!schema) return undefined;
      const s = schema.value as Obj;
      // A bare schema reads as a ResponseSpec when it has a description but no type/properties.
      const bareOk =
        r.description === REASONS[status] &&
        plain &&
        !(typeof s.description === 'string' && !('type' in s) && !('properties' in s));
      if (bareOk) entry = schema;
      else if (plain) {
        uses.add('response');
        entry = {
          code: call('response', r.description, schema.code),
          value: response(r.description, schema.value as SchemaObject),
        };
      } else {
        const e: Obj = { description: r.description };
        if (r['x-ms-summary'] !== undefined) e.summary = r['x-ms-summary'];
        entry = { code: { ...e, schema: schema.code }, value: { ...e, schema: schema.value } };
      }
    }
    code[status] = entry.code;
    value[status] = entry.value;
  }
  return { code, value, declared };
}

export interface OperationForm {
  /** The operation() argument as literal()-able code. */
  spec: Obj;
  typedParameters: boolean;
  typedResponses: boolean;
  /** Parameters in the source operation, and how many of them are written typed. */
  parameters: { typed: number; total: number };
  /** Helper names the chosen form calls. */
  uses: Uses;
  /** Why the parameters or responses stay declared verbatim, when they do: one short reason each. */
  why: string[];
}

/**
 * The declared spec (source verbatim, as generate.ts builds it) with the typed pieces swapped in
 * where emitting them gives back the source operation exactly.
 */
export function chooseOperationForm(source: Obj, declared: Obj, definitions?: Obj, shared?: SharedRefs): OperationForm {
  const total = isArray(source.parameters) ? source.parameters.length : 0;
  const candidates: { params: boolean; responses: boolean }[] = [
    { params: true, responses: true },
    { params: true, responses: false },
    { params: false, responses: true },
  ];
  let firstDiff: string | undefined;
  // Each typed piece is worked out once, with the helpers it uses, whichever candidates try it.
  const paramUses: Uses = new Set();
  const responseUses: Uses = new Set();
  const paramsOnce = once(() => typedParameters(source.parameters, String(declared.method), paramUses, shared));
  const responsesOnce = once(() => typedResponses(source.responses, responseUses, shared));
  // The operation's own consumes, written as the typed field beside typed parameters.
  const ownConsumes = typedConsumes(declared);
  for (const c of candidates) {
    // An operation without parameters keeps `omitted: ['parameters']`: nothing to type there.
    if (c.params && source.parameters === undefined) continue;
    const params = c.params ? paramsOnce() : undefined;
    if (c.params && !params) continue;
    const responses = c.responses ? responsesOnce() : undefined;
    if (c.responses && !responses) continue;
    const uses: Uses = new Set([...(c.params ? paramUses : []), ...(c.responses ? responseUses : [])]);
    const code: Obj = {};
    const value: Obj = {};
    const consumes = params ? ownConsumes : undefined;
    for (const [k, v] of Object.entries(declared)) {
      if (k === 'responses' && params) {
        if (consumes) {
          code.consumes = consumes;
          value.consumes = consumes;
        }
        // The typed parameters stand where an author writes them: just before the responses.
        for (const [f, typed] of params.fields) {
          code[f] = typed.code;
          value[f] = typed.value;
        }
      }
      if (k === 'responses' && responses) {
        code.responses = responses.code;
        value.responses = responses.value;
      } else if (k === 'declared' && isObject(v)) {
        const d = typedDeclared(consumes ? withoutConsumes(v) : v, params?.declared, responses?.declared);
        if (d) {
          code.declared = d;
          value.declared = d;
        }
      } else {
        code[k] = v;
        value[k] = v;
      }
    }
    const emit = (v: Obj) =>
      operationJson(operation(v as unknown as OperationSpec<Record<never, never>, undefined, Record<never, never>>));
    const emitted = emit(value);
    const diff = writtenDifferences(emitted, source, 1)[0];
    if (diff !== undefined) {
      firstDiff ??= diff || '/';
      continue;
    }
    // x-ms-pageable becomes the next-link pagination that writes it, when it rebuilds equal:
    // the client then pages the list as Power Automate does.
    const paged = responses ? withNextLink(code, value, emitted as unknown as Obj, definitions) : undefined;
    // A body declared beside typed parameters: the parameters are typed in part only.
    const declaredBody = params?.declared.body !== undefined;
    const why = declaredReasons(source, declared, shared, { ...c, params: c.params && !declaredBody }, firstDiff);
    if (paged && writtenDifferences(emit(paged.value), source, 1).length === 0) {
      return {
        spec: paged.code,
        typedParameters: (c.params && !declaredBody) || source.parameters === undefined,
        typedResponses: c.responses,
        parameters: { typed: params?.typed ?? 0, total },
        uses,
        why,
      };
    }
    return {
      spec: code,
      typedParameters: (c.params && !declaredBody) || source.parameters === undefined,
      typedResponses: c.responses,
      parameters: { typed: params?.typed ?? 0, total },
      uses,
      why,
    };
  }
  return {
    spec: declared,
    typedParameters: source.parameters === undefined,
    typedResponses: false,
    parameters: { typed: 0, total },
    uses: new Set(),
    why: declaredReasons(source, declared, shared, { params: false, responses: false }, firstDiff),
  };
}

/** `f`'s result, worked out on the first call only (an undefined result included). */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

/** The source operation's own `consumes` (a list of media types), from the declared keys generate.ts wrote. */
function typedConsumes(spec: Obj): string[] | undefined {
  const op = isObject(spec.declared) && isObject(spec.declared.operation) ? spec.declared.operation : undefined;
  const c = op?.consumes;
  return isArray(c) && c.every((m) => typeof m === 'string') ? [...(c as string[])] : undefined;
}

/** The declared part without the operation's consumes (written by the typed field instead). */
function withoutConsumes(declared: Obj): Obj {
  if (!isObject(declared.operation)) return declared;
  const { consumes: _typed, ...operation } = declared.operation;
  const out: Obj = { ...declared, operation };
  if (Object.keys(operation).length === 0) delete out.operation;
  return out;
}

/**
 * One short reason for each of the parameters and responses that stay declared verbatim: the
 * first piece the typed form cannot write, else where its rebuild differs from the source.
 */
function declaredReasons(
  source: Obj,
  declared: Obj,
  shared: SharedRefs | undefined,
  typed: { params: boolean; responses: boolean },
  diff: string | undefined,
): string[] {
  const why: string[] = [];
  const differs = `the typed form would rebuild it differently${diff ? ` (at ${diff})` : ''}`;
  if (!typed.params && source.parameters !== undefined)
    why.push(`parameters: ${parameterReason(source.parameters, String(declared.method), shared) ?? differs}`);
  if (!typed.responses) why.push(`responses: ${responseReason(source.responses, shared) ?? differs}`);
  return why;
}

function parameterReason(parameters: unknown, method: string, shared: SharedRefs | undefined): string | undefined {
  if (!isArray(parameters)) return 'not a list';
  for (const [i, p] of parameters.entries()) {
    if (!isObject(p)) return `entry ${i} is not an object`;
    if (typeof p.$ref === 'string') {
      if (!shared?.parameters?.has(p.$ref)) return `${p.$ref} is declared verbatim (see its reason there)`;
      continue;
    }
    const name = typeof p.name === 'string' ? `"${p.name}"` : `entry ${i}`;
    if (p.in === 'body') {
      if (method === 'get') return `${name} is a body on GET`;
      const schema = typedSchema(p.schema, new Set(), shared?.schemas);
      if (!schema) {
        const ref = isObject(p.schema) ? p.schema.$ref : undefined;
        return typeof ref === 'string'
          ? `the body's ${ref} is declared verbatim (see its reason there)`
          : `the body's schema holds a key or value the schema types cannot hold`;
      }
      if (!isObject(schema.value)) return 'the body schema is not an object';
      if (!bodyParameterSpec(p)) return `${name}, the body, holds a key the body has no field for`;
      const whole = isWholeBody(schema.value as SchemaObject);
      const inputs = bodyInputNames(schema.value as SchemaObject);
      const clash = inputs.find((k) => parameters.some((q) => q !== p && isObject(q) && q.name === k));
      if (clash !== undefined)
        return whole
          ? `a parameter is named "${clash}", the client's input for a body that is not an object`
          : `the body property "${clash}" is also a parameter (the client's inputs would clash)`;
      continue;
    }
    if (!typedParameter(p, new Set()))
      return `${name} holds a key or value path()/query()/header()/formData() cannot write`;
  }
  return undefined;
}

function responseReason(responses: unknown, shared: SharedRefs | undefined): string | undefined {
  if (!isObject(responses)) return 'not an object';
  for (const [status, r] of Object.entries(responses)) {
    if (!isObject(r)) return `${status} is not an object`;
    if (typeof r.$ref === 'string') {
      const hit = shared?.responses?.get(r.$ref);
      if (!hit) return `${status}: ${r.$ref} is declared verbatim (see its reason there)`;
      if (status === 'default' && isObject(hit.value) && hit.value.schema !== undefined)
        return `default: ${r.$ref} has a schema, which the model forbids under default`;
      continue;
    }
    const extra = Object.keys(r).find((k) => !RESPONSE_KEYS.has(k) && !isVendorKey(k));
    if (extra) return `${status} holds ${extra}, which a typed response has no field for`;
    if (r.schema !== undefined && !typedSchema(r.schema, new Set(), shared?.schemas))
      return `the schema of ${status} holds a key or value the schema types cannot hold`;
  }
  return undefined;
}

/**
 * The declared part of a candidate: the source's verbatim parameters or responses dropped where
 * the typed ones replace them, and what those cannot say (body labels, absent `required`,
 * response headers and examples) added. Undefined when nothing is left to declare.
 */
function typedDeclared(declared: Obj, params: Obj | undefined, responses: Obj | undefined): Obj | undefined {
  const out: Obj = { ...declared };
  if (isObject(declared.operation)) {
    const { parameters, responses: verbatim, ...keys } = declared.operation;
    const operation: Obj = { ...keys };
    if (!params && parameters !== undefined) operation.parameters = parameters;
    if (!responses && verbatim !== undefined) operation.responses = verbatim;
    if (Object.keys(operation).length) out.operation = operation;
    else delete out.operation;
  }
  if (params) Object.assign(out, params);
  if (responses && Object.keys(responses).length) out.responses = responses;
  return Object.keys(out).length ? out : undefined;
}

/** A schema, or the #/definitions entry its $ref names (one level: what a list response is). */
function resolveLocal(s: unknown, definitions: Obj | undefined): Obj | undefined {
  if (!isObject(s)) return undefined;
  const ref = s.$ref;
  if (typeof ref !== 'string') return s;
  const m = /^#\/definitions\/(.+)$/.exec(ref);
  const name = m ? m[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
  const hit = name !== undefined && definitions && Object.hasOwn(definitions, name) ? definitions[name] : undefined;
  return isObject(hit) ? hit : undefined;
}

/**
 * The spec with `x-ms-pageable: { nextLinkName }` moved from the declared keys to
 * `pagination: { style: 'next-link', nextLinkPath, itemsPath }`, or undefined when the source says
 * more than a next-link name, or its typed success schema lacks the link property or has no single
 * array property to take the items from (x-ms-pageable itself names none).
 */
function withNextLink(code: Obj, value: Obj, emitted: Obj, definitions?: Obj): { code: Obj; value: Obj } | undefined {
  const declared = isObject(value.declared) ? value.declared : undefined;
  const op = declared && isObject(declared.operation) ? declared.operation : undefined;
  const pageable = op?.['x-ms-pageable'];
  if (!isObject(pageable) || Object.keys(pageable).length !== 1 || typeof pageable.nextLinkName !== 'string')
    return undefined;
  const nextLinkPath = pageable.nextLinkName;
  const responses = isObject(emitted.responses) ? emitted.responses : {};
  const success = Object.entries(responses).find(([status]) => /^2\d\d$/.test(status))?.[1];
  const schema = resolveLocal(isObject(success) ? success.schema : undefined, definitions);
  const props = schema && isObject(schema.properties) ? schema.properties : undefined;
  if (!props || !(nextLinkPath in props)) return undefined;
  const arrays = Object.entries(props).filter(([, v]) => isObject(v) && v.type === 'array');
  if (arrays.length !== 1) return undefined;
  const pagination = { style: 'next-link', nextLinkPath, itemsPath: arrays[0]![0] };
  const { 'x-ms-pageable': _moved, ...rest } = op!;
  const nextDeclared: Obj = { ...declared! };
  if (Object.keys(rest).length) nextDeclared.operation = rest;
  else delete nextDeclared.operation;
  const place = (o: Obj): Obj => {
    const out: Obj = {};
    for (const [k, v] of Object.entries(o)) {
      if (k === 'declared') {
        if (Object.keys(nextDeclared).length) out.declared = nextDeclared;
        continue;
      }
      out[k] = v;
      // Written where an author writes it: right after the responses.
      if (k === 'responses') out.pagination = pagination;
    }
    return out;
  };
  return { code: place(code), value: place(value) };
}

/** How much of an import is written in typed form, for the CLI summary and the conformance log. */
export interface TypedShare {
  operations: number;
  /** Parameters and responses both typed. */
  typedOperations: number;
  /** Exactly one of the two typed. */
  partlyTyped: number;
  parameters: number;
  typedParameters: number;
}
export const emptyTypedShare = (): TypedShare => ({
  operations: 0,
  typedOperations: 0,
  partlyTyped: 0,
  parameters: 0,
  typedParameters: 0,
});

export function addToShare(
  share: TypedShare,
  f: Pick<OperationForm, 'typedParameters' | 'typedResponses' | 'parameters'>,
): void {
  share.operations++;
  if (f.typedParameters && f.typedResponses) share.typedOperations++;
  else if (f.typedParameters || f.typedResponses) share.partlyTyped++;
  share.parameters += f.parameters.total;
  share.typedParameters += f.parameters.typed;
}
export function sumTypedShares(shares: readonly TypedShare[]): TypedShare {
  const out = emptyTypedShare();
  for (const s of shares) for (const k of Object.keys(out) as (keyof TypedShare)[]) out[k] += s[k];
  return out;
}
/** "typed 812/1234 operations (97 partly), 2100/2890 parameters". */
export function formatTypedShare(s: TypedShare): string {
  return `typed ${s.typedOperations}/${s.operations} operations (${s.partlyTyped} partly), ${s.typedParameters}/${s.parameters} parameters`;
}
