/**
 * Local `$ref`s of an API description: `#/components/schemas/Pet` (OpenAPI 3) and
 * `#/definitions/Pet` (Swagger 2.0) name shared schemas, which become named constants; any other
 * local pointer is followed. External references (other files, URLs) are not fetched: an import
 * reads one file, so a description cannot make pcdk read or download anything else.
 */
import { isArray, isObject, type JsonObject } from '../../swagger/found';
import type { DescriptionVersion } from './read-description';

/** The pointer prefix of shared schemas in each format. */
export function schemaPrefix(version: DescriptionVersion): string {
  return version === '2.0' ? '#/definitions/' : '#/components/schemas/';
}

function decodeToken(t: string): string {
  let s = t;
  try {
    s = decodeURIComponent(t);
  } catch {
    // Not percent-encoded after all: the token as written.
  }
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value a local JSON pointer (`#/a/b`) names in `doc`, or undefined (external, missing). */
export function resolvePointer(doc: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const tokens = ref.slice(1).split('/').slice(1).map(decodeToken);
  let cur: unknown = doc;
  for (const t of tokens) {
    if (isObject(cur) && Object.hasOwn(cur, t)) cur = cur[t];
    else if (isArray(cur) && /^\d+$/.test(t)) cur = cur[Number(t)];
    else return undefined;
  }
  return cur;
}

/** The shared schema a ref names (`Pet`), when it names one directly. */
export function componentName(ref: string, version: DescriptionVersion): string | undefined {
  const prefix = schemaPrefix(version);
  if (!ref.startsWith(prefix)) return undefined;
  const rest = ref.slice(prefix.length);
  return rest.includes('/') ? undefined : decodeToken(rest);
}

/** Follows `$ref`s (parameters, request bodies, responses) to the object they name; undefined when one is unresolvable or loops. */
export function deref(doc: JsonObject, v: unknown): JsonObject | undefined {
  let cur = v;
  for (let i = 0; i < 32 && isObject(cur); i++) {
    if (typeof cur.$ref !== 'string') return cur;
    cur = resolvePointer(doc, cur.$ref);
  }
  return undefined;
}
