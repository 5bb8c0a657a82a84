/**
 * OAuth client secrets in a source apiProperties: where each one is, and the environment
 * variable its descriptor names instead (`secret('ZOO_CLIENT_SECRET')`). Only places and names
 * leave this module: the values stay in the source the import read, in memory.
 */
import { isArray, isObject } from '../swagger/found';
import { pointer } from './check';

export interface SecretSlot {
  /** JSON pointer into apiProperties.json. */
  readonly pointer: string;
  /** Keys from the apiProperties root down to clientSecret. */
  readonly path: readonly (string | number)[];
  /** The environment variable the descriptor names. */
  readonly env: string;
}

/** Every non-empty OAuth clientSecret, in document order: connectionParameters, then each parameter set. */
export function secretSlots(apiProperties: unknown, id: string): SecretSlot[] {
  const found: (string | number)[][] = [];
  const props = isObject(apiProperties) ? apiProperties.properties : undefined;
  if (!isObject(props)) return [];
  const scan = (params: unknown, at: (string | number)[]): void => {
    if (!isObject(params)) return;
    for (const [name, p] of Object.entries(params)) {
      const oauth = isObject(p) ? p.oAuthSettings : undefined;
      if (isObject(oauth) && typeof oauth.clientSecret === 'string' && oauth.clientSecret !== '')
        found.push([...at, name, 'oAuthSettings', 'clientSecret']);
    }
  };
  scan(props.connectionParameters, ['properties', 'connectionParameters']);
  const sets = props.connectionParameterSets;
  if (isObject(sets) && isArray(sets.values)) {
    sets.values.forEach((v, i) => {
      if (isObject(v)) scan(v.parameters, ['properties', 'connectionParameterSets', 'values', i, 'parameters']);
    });
  }
  const base = `${id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_CLIENT_SECRET`;
  return found.map((path, i) => ({
    path,
    pointer: path.reduce<string>((at, k) => pointer(at, k), ''),
    env: i === 0 ? base : `${base}_${i + 1}`,
  }));
}

/** The value at `path`, read from the source for the round trip's in-memory environment. */
export function valueAt(doc: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = doc;
  for (const k of path) cur = isObject(cur) || isArray(cur) ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

/** A copy of `doc` with the string at each path emptied: the source as a build writes it. */
export function withoutSecrets(doc: unknown, paths: readonly (readonly (string | number)[])[]): unknown {
  if (paths.length === 0) return doc;
  const copy = structuredClone(doc);
  for (const p of paths) {
    const holder = valueAt(copy, p.slice(0, -1));
    const key = p[p.length - 1]!;
    if ((isObject(holder) || isArray(holder)) && typeof (holder as Record<string | number, unknown>)[key] === 'string')
      (holder as Record<string | number, unknown>)[key] = '';
  }
  return copy;
}
