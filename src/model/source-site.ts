/**
 * Where in the author's TypeScript each descriptor value was written, so that a diagnostic can
 * name `operations/forms.ts:41:16` rather than a place in the generated swagger. The model only
 * asks a capture function, set by whoever loads descriptors (src/load), and keeps the answer in a
 * WeakMap: descriptor values stay plain data, and nothing is captured when nobody asks.
 */

/** A position in an author's source file: 1-based line and column. */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Returns a resolver for the caller's position, or undefined when the caller is not descriptor code. */
export type SiteCapture = () => (() => SourceSite | undefined) | undefined;

interface SiteRegistry {
  capture: SiteCapture | undefined;
  readonly sites: WeakMap<object, () => SourceSite | undefined>;
}

// One registry per process, not per copy of this module: the CLI's bundles each carry their own
// copy (the command that loads descriptors, the pipeline that reports on them), as does an
// author's project that resolves 'pcdk' to another install. A registered symbol is the same in
// all of them, as the model's brands are.
const REGISTRY = Symbol.for('pcdk.sourceSites');
const registry: SiteRegistry = ((globalThis as { [REGISTRY]?: SiteRegistry })[REGISTRY] ??= {
  capture: undefined,
  sites: new WeakMap(),
});
const sites = registry.sites;

/** Installs (or with undefined removes) the capture used while descriptors load. */
export function setSiteCapture(c: SiteCapture | undefined): void {
  registry.capture = c;
}

/** Records where `value` was made. Resolution is lazy: only values that get a diagnostic pay for it. */
export function noteSite<T extends object>(value: T): T {
  const capture = registry.capture;
  if (capture && !sites.has(value)) {
    const resolve = capture();
    if (resolve) sites.set(value, resolve);
  }
  return value;
}

export function siteOf(value: unknown): SourceSite | undefined {
  return value && typeof value === 'object' ? sites.get(value)?.() : undefined;
}

/** `to` was made from `from` by pcdk itself (a named copy): it was written where `from` was. */
export function copySite<T extends object>(from: object, to: T): T {
  const resolve = sites.get(from);
  if (resolve) sites.set(to, resolve);
  return to;
}
