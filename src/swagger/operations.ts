/** The operations of a found document, as every reader walks them. */
import { METHODS, type HttpMethod } from './constants';
import type { PathItem, SwaggerDocument, SwaggerOperation } from './document';
import { isObject, type Found } from './found';

export interface FoundOperation {
  path: string;
  method: HttpMethod;
  item: Found<PathItem>;
  op: Found<SwaggerOperation>;
}

/**
 * Path by path in document order, methods in METHODS order. A path item or operation that is not
 * an object is no operation (certification reports the shape through the official schema).
 */
export function foundOperations(doc: Found<SwaggerDocument>): FoundOperation[] {
  const out: FoundOperation[] = [];
  if (!isObject(doc.paths)) return out;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) out.push({ path, method, item, op });
    }
  }
  return out;
}
