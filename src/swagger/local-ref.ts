/**
 * Follows local `$ref`s (#/definitions/..., #/parameters/..., #/responses/...) inside one
 * swagger document, the only kind Power Platform allows. Shared by the docs-page rows, the
 * breaking-change diff and the certification rules. A reference can point anywhere, so what it
 * leads to is a JsonObject: the caller reads it as the Found<> kind it expects.
 */
import { isObject, type JsonObject } from './found';

/**
 * The object `node` stands for after following its `$ref` chain, with the JSON pointer where it
 * was found; undefined for a non-local, dangling or looping reference.
 */
export function resolveLocalRef(
  doc: unknown,
  node: unknown,
  pointer = '',
): { node: JsonObject; pointer: string } | undefined {
  let cur = node;
  let at = pointer;
  const seen = new Set<string>();
  while (isObject(cur) && typeof cur.$ref === 'string') {
    const ref = cur.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) return undefined;
    seen.add(ref);
    let target: unknown = doc;
    for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[segment(part)] : undefined;
    cur = target;
    at = ref.slice(1);
  }
  return isObject(cur) ? { node: cur, pointer: at } : undefined;
}

/** One pointer segment of a `$ref` (a URI fragment): %-decoded, then ~1 and ~0 unescaped. */
function segment(part: string): string {
  let decoded = part;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    // A bad %-escape ("%zz") is not an error here: the segment is looked up as written.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `node` with its `$ref`s followed inside `doc`; undefined when it is not an object or leads nowhere. */
export type Resolve = (node: unknown) => JsonObject | undefined;

export function localResolver(doc: unknown): Resolve {
  return (node) => resolveLocalRef(doc, node)?.node;
}
