/**
 * Documents as found: a swagger or apiProperties read from disk or handed in by a user promises
 * nothing, so readers that walk any connector folder (certification, diff, the docs rows, OpenAPI
 * 3) see it through Found<T>: the keys of the Swagger type T, each holding `unknown`. A misspelt
 * key does not compile; a value is used only after a guard from here says what it is.
 */

/** A JSON object as parsed: keys to values of any JSON type. */
export type JsonObject = { [key: string]: unknown };

type KeysOf<T> = T extends unknown ? keyof T : never;
/** T's keys (of every member, for a union such as ParameterObject), with nothing promised about their values. */
export type Found<T> = { readonly [K in KeysOf<T>]?: unknown };

/** Swagger's objects (documents, operations, schemas...) are JSON objects: never null, never arrays. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Array.isArray without its `any[]`. */
export function isArray(v: unknown): v is readonly unknown[] {
  return Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The entries of `v` when it is an object, else none: how readers walk a map that may be missing or malformed. */
export function entriesOf(v: unknown): [string, unknown][] {
  return isObject(v) ? Object.entries(v) : [];
}

/** The items of `v` when it is an array, else none. */
export function itemsOf(v: unknown): readonly unknown[] {
  return isArray(v) ? v : [];
}
