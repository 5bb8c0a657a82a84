/**
 * The round-trip normalization, on its own so that both the round trip and the importer's choice
 * of typed forms (typed-operation.ts) compare the same way: parsed JSON values, key order ignored;
 * array order, every key, every value and every type count.
 */
import { pointer } from './check';

/** JSON pointers where `a` and `b` differ as JSON values (key order ignored), at most `limit`. */
export function jsonDifferences(a: unknown, b: unknown, limit = 20, at = '', out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) {
      out.push(at || '/');
      return out;
    }
    if (a.length !== b.length) out.push(`${at}/length`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) jsonDifferences(a[i], b[i], limit, pointer(at, i), out);
    return out;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) {
      if (!Object.hasOwn(ao, k) || !Object.hasOwn(bo, k)) out.push(pointer(at, k));
      else jsonDifferences(ao[k], bo[k], limit, pointer(at, k), out);
      if (out.length >= limit) break;
    }
    return out;
  }
  if (!Object.is(a, b) && !(a === 0 && b === 0)) out.push(at || '/');
  return out;
}

/** What JSON.stringify + JSON.parse makes of a value: what the written file holds. */
export function asWritten(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v)) as unknown;
}
