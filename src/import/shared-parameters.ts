/**
 * The source's shared parameters (#/parameters/...) as named constants in parameters.ts: each one
 * `sharedParameter('key', 'name', query(t.string(...)))` where that parameter rebuilds the source
 * entry exactly, so that operations use the constant itself (`params: { id: parameters.id }`) and
 * the swagger still writes `{ "$ref": "#/parameters/key" }` there; the document's `parameters`
 * map holds parameterObject() of each (the entry derived from the constant, never a copy), and
 * the rest declared verbatim, each with the reason.
 */
import { bodyParameterObject, parameterObject } from '../emit/swagger';
import { sharedBody, sharedBodyOf, sharedParameter, type SharedBodyMark } from '../model/declared';
import type { Param } from '../model/operation';
import type { SchemaObject } from '../model/schema';
import { isObject, type JsonObject } from '../swagger/found';
import { writtenDifferences } from './json-compare';
import { NameScope, identifierFrom } from './names';
import { call, code } from './ts-writer';
import { BODY_KEYS, bodyLabels, typedParameter } from './typed-operation';
import { putOwn, typedSchema, type Typed, type Uses } from './typed-schema';

type Obj = JsonObject;

export interface SharedParameterConst {
  key: string;
  /** The constant's identifier in parameters.ts. */
  id: string;
  /** The typed form (`sharedParameter(...)` code and its value), when it rebuilds the source exactly. */
  typed?: Typed;
  /** Why the parameter stays declared verbatim, when it does. */
  why?: string;
  source: unknown;
}

/**
 * A typed shared parameter as an operation uses it: under its name, by its constant; a shared
 * body (`body` set) as the operation's body, its mark saying whether the entry requires it.
 */
export interface SharedParameterUse extends Typed {
  name: string;
  body?: SharedBodyMark;
}

export interface SharedParameters {
  consts: SharedParameterConst[];
  /** Helpers parameters.ts calls. */
  uses: Uses;
  /** The typed constants by the `$ref` that names them, as operations write them (`parameters.id`). */
  byRef: Map<string, SharedParameterUse>;
}

/** Names parameters.ts binds itself: a parameter's constant must not shadow them. */
export const PARAMETERS_FILE_NAMES = [
  'parameters',
  'sharedParameter',
  'parameterObject',
  'sharedBody',
  'bodyParameterObject',
  'schemas',
  'path',
  'query',
  'header',
  'formData',
  't',
  'declaredSchema',
  'ParameterObject',
];

/** The reference operations use to reach a shared parameter's constant (`parameters.id`). */
export const PARAMETERS_NAMESPACE = 'parameters';

/** sharedBody()'s options for a source body parameter, or why it cannot be typed. */
function bodyOptions(source: Obj): Omit<SharedBodyMark, 'ref' | 'name'> | string {
  // Vendor keys are added as declared; a standard key sharedBody() does not write keeps it declared.
  const extra = Object.keys(source).filter((k) => !BODY_KEYS.has(k));
  const standard = extra.find((k) => !k.startsWith('x-'));
  if (standard !== undefined) return `a body parameter with "${standard}", which sharedBody() cannot write`;
  if (source.required !== undefined && typeof source.required !== 'boolean')
    return 'a body parameter whose "required" is not true or false';
  const labels = bodyLabels(source);
  if (!labels) return 'a body parameter whose description, x-ms-summary or x-ms-visibility the model cannot hold';
  const keys: Obj = {};
  for (const k of extra) putOwn(keys, k, source[k]);
  return {
    ...(source.required !== undefined ? { required: source.required } : {}),
    ...labels,
    ...(extra.length ? { keys } : {}),
  };
}

/**
 * `schemas`: the typed shared definitions by reference, which a shared body's schema uses as
 * constants (`schemas.Pet`).
 */
export function sharedParameters(parameters: Obj | undefined, schemas?: ReadonlyMap<string, Typed>): SharedParameters {
  const scope = new NameScope(PARAMETERS_FILE_NAMES);
  const consts: SharedParameterConst[] = [];
  const uses: Uses = new Set();
  const byRef = new Map<string, SharedParameterUse>();
  for (const [key, source] of Object.entries(parameters ?? {})) {
    const id = scope.claim(identifierFrom(key, 'parameter'));
    const entry: SharedParameterConst = { key, id, source };
    consts.push(entry);
    const local: Uses = new Set();
    if (isObject(source) && source.in === 'body') {
      const ref = sharedBodyConst(entry, source, local, schemas);
      if (ref) {
        for (const u of local) uses.add(u);
        byRef.set(ref.ref, ref.use);
      }
      continue;
    }
    const typed = isObject(source) ? typedParameter(source, local) : undefined;
    if (!isObject(source) || !typed || typeof source.name !== 'string') {
      entry.why = 'holds a key or value path()/query()/header()/formData() cannot write';
      continue;
    }
    const options: Obj = {};
    if (source.required === undefined) options.requiredOmitted = true;
    if (source.in === 'path' && source['x-ms-url-encoding'] === undefined) options.urlEncodingOmitted = true;
    if (typed.extra) options.keys = typed.extra;
    const value = sharedParameter(key, source.name, typed.value as Param, options);
    const diff = writtenDifferences(parameterObject(value), source, 1)[0];
    if (diff !== undefined) {
      entry.why = `the typed form would rebuild it differently at ${diff || '/'}`;
      continue;
    }
    for (const u of local) uses.add(u);
    uses.add('sharedParameter');
    uses.add('parameterObject');
    const args = Object.keys(options).length ? [key, source.name, typed.code, options] : [key, source.name, typed.code];
    entry.typed = { code: call('sharedParameter', ...args), value };
    byRef.set(`#/parameters/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, {
      name: source.name,
      code: code(`${PARAMETERS_NAMESPACE}.${id}`),
      value,
    });
  }
  return { consts, uses, byRef };
}

/**
 * A shared body parameter as `sharedBody('key', 'name', <schema>, {...})`, when bodyParameterObject()
 * of it rebuilds the source entry exactly; otherwise `entry.why` says why it stays declared.
 */
function sharedBodyConst(
  entry: SharedParameterConst,
  source: Obj,
  local: Uses,
  schemas: ReadonlyMap<string, Typed> | undefined,
): { ref: string; use: SharedParameterUse } | undefined {
  const options = bodyOptions(source);
  if (typeof options === 'string') {
    entry.why = options;
    return undefined;
  }
  const schema = typeof source.name === 'string' ? typedSchema(source.schema, local, schemas) : undefined;
  if (!schema || !isObject(schema.value) || typeof source.name !== 'string') {
    entry.why = 'a body parameter whose schema the t.* builders cannot write';
    return undefined;
  }
  const value = sharedBody(entry.key, source.name, schema.value as SchemaObject, options);
  const diff = writtenDifferences(bodyParameterObject(value), source, 1)[0];
  if (diff !== undefined) {
    entry.why = `the typed form would rebuild it differently at ${diff || '/'}`;
    return undefined;
  }
  local.add('sharedBody');
  local.add('bodyParameterObject');
  const args = Object.keys(options).length
    ? [entry.key, source.name, schema.code, options]
    : [entry.key, source.name, schema.code];
  entry.typed = { code: call('sharedBody', ...args), value };
  const mark = sharedBodyOf(value)!;
  return {
    ref: mark.ref,
    use: { name: source.name, code: code(`${PARAMETERS_NAMESPACE}.${entry.id}`), value, body: mark },
  };
}
