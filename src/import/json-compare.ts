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

/**
 * jsonDifferences(asWritten(written), parsed, limit) without making the copy: `written` is read as
 * JSON.stringify would write it (undefined, function and symbol members absent, such array items
 * null, non-finite numbers null), `parsed` as parsed JSON. The importer compares every typed-form
 * candidate this way, and the copy was most of the comparison's cost. Pointers are built only for
 * the differences reported.
 */
export function writtenDifferences(written: unknown, parsed: unknown, limit = 20): string[] {
  const out: string[] = [];
  const path: (string | number)[] = [];
  const here = (): string => path.reduce<string>((at, k) => pointer(at, k), '') || '/';
  const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  const walk = (a: unknown, b: unknown): void => {
    if (out.length >= limit) return;
    if (a !== null && typeof a === 'object' && typeof (a as { toJSON?: unknown }).toJSON === 'function') {
      // Rare in emitted documents (a Date, say): the exact written form, the slow way.
      a = asWritten(a);
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b)) {
        out.push(here());
        return;
      }
      if (a.length !== b.length) {
        path.push('length');
        out.push(here());
        path.pop();
      }
      for (let i = 0; i < Math.min(a.length, b.length) && out.length < limit; i++) {
        path.push(i);
        walk(skipped(a[i]) ? null : a[i], b[i]);
        path.pop();
      }
      return;
    }
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      const ao = a as Record<string, unknown>;
      const bo = b as Record<string, unknown>;
      let shared = 0;
      for (const k of Object.keys(ao)) {
        const v = ao[k];
        if (skipped(v)) continue;
        path.push(k);
        if (!Object.hasOwn(bo, k)) out.push(here());
        else {
          shared++;
          walk(v, bo[k]);
        }
        path.pop();
        if (out.length >= limit) return;
      }
      // Keys only the parsed side has (a cheap count first: usually there are none).
      if (shared === Object.keys(bo).length) return;
      for (const k of Object.keys(bo)) {
        if (Object.hasOwn(ao, k) && !skipped(ao[k])) continue;
        path.push(k);
        out.push(here());
        path.pop();
        if (out.length >= limit) return;
      }
      return;
    }
    const value = typeof a === 'number' && !Number.isFinite(a) ? null : a;
    if (!Object.is(value, b) && !(value === 0 && b === 0)) out.push(here());
  };
  walk(skipped(written) ? undefined : written, parsed);
  return out;
}
