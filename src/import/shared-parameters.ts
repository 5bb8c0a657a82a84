/**
 * The source's shared parameters (#/parameters/...) as named constants in parameters.ts: each one
 * `sharedParameter('key', 'name', query(t.string(...)))` where that parameter rebuilds the source
 * entry exactly, so that operations use the constant itself (`params: { id: parameters.id }`) and
 * the swagger still writes `{ "$ref": "#/parameters/key" }` there; the document's `parameters`
 * map holds parameterObject() of each (the entry derived from the constant, never a copy), and
 * the rest declared verbatim, each with the reason.
 */
import { parameterObject } from '../emit/swagger';
import { sharedParameter } from '../model/declared';
import type { Param } from '../model/operation';
import { isObject, type JsonObject } from '../swagger/found';
import { writtenDifferences } from './json-compare';
import { NameScope, identifierFrom } from './names';
import { call, code } from './ts-writer';
import { typedParameter } from './typed-operation';
import type { Typed, Uses } from './typed-schema';

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

/** A typed shared parameter as an operation uses it: under its name, by its constant. */
export interface SharedParameterUse extends Typed {
  name: string;
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
  'path',
  'query',
  'header',
  't',
  'declaredSchema',
  'ParameterObject',
];

/** The reference operations use to reach a shared parameter's constant (`parameters.id`). */
export const PARAMETERS_NAMESPACE = 'parameters';

export function sharedParameters(parameters: Obj | undefined): SharedParameters {
  const scope = new NameScope(PARAMETERS_FILE_NAMES);
  const consts: SharedParameterConst[] = [];
  const uses: Uses = new Set();
  const byRef = new Map<string, SharedParameterUse>();
  for (const [key, source] of Object.entries(parameters ?? {})) {
    const id = scope.claim(identifierFrom(key, 'parameter'));
    const entry: SharedParameterConst = { key, id, source };
    consts.push(entry);
    const local: Uses = new Set();
    const typed = isObject(source) && source.in !== 'body' ? typedParameter(source, local) : undefined;
    if (!isObject(source) || !typed || typeof source.name !== 'string') {
      entry.why =
        isObject(source) && source.in === 'body'
          ? 'a body parameter: an operation types its body itself'
          : 'holds a key or value path()/query()/header() cannot write';
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
