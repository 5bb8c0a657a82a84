/**
 * Compiling the official schemas with ajv costs about 0.3 s, more than the rest of a build.
 * A compiled validator (ajv's "standalone" code) is found, in order:
 * 1. shipped with pcdk: generated when the package is built (scripts/generate-shipped.js) for
 *    the schemas pcdk was built against, so the first build after `npm install` costs what a
 *    warm build costs;
 * 2. in the on-disk cache, keyed by the schema source text, pcdk's patches and the ajv version,
 *    for schemas pcdk was not built against (a newer `--schemas` folder);
 * 3. compiled now, and written to that cache.
 * Each step is an optimisation only: any problem falls through to compiling in memory.
 */
import * as fs from 'node:fs';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { cacheEnabled, cacheFile, writeCacheEntry } from '../io/content-cache';
import { shippedValidator } from './shipped-validators';

const FORMAT = 'pcdk-ajv-cache-2';

export type CompileValidator = () => { ajv: Ajv; validate: ValidateFunction };

/** ajv's standalone module text for a compiled validator. */
export function standaloneCode(compiled: { ajv: Ajv; validate: ValidateFunction }): string {
  const generate = (require('ajv/dist/standalone') as { default: (a: Ajv, v: ValidateFunction) => string }).default;
  return generate(compiled.ajv, compiled.validate);
}

/**
 * `keyMaterial` must change whenever the compiled schema would (its source text plus the
 * version of any patch applied to it); `compile` is only called on a miss.
 */
export function compileCached(label: string, keyMaterial: string, compile: CompileValidator): ValidateFunction {
  const shipped = shippedValidator(label, keyMaterial);
  if (shipped) return shipped;
  if (!cacheEnabled()) return compile().validate;
  const version = (require('ajv/package.json') as { version: string }).version;
  const file = cacheFile(label, `${FORMAT}\0${version}\0${keyMaterial}`, '.js');
  try {
    return load(fs.readFileSync(file, 'utf8'));
  } catch {
    // Not cached yet (or unreadable): compile below.
  }
  const compiled = compile();
  try {
    writeCacheEntry(file, standaloneCode(compiled));
  } catch {
    // Standalone code generation failed: keep the in-memory validator.
  }
  return compiled.validate;
}

function load(code: string): ValidateFunction {
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  // The generated code requires ajv's runtime helpers and ajv-formats, resolved from here.
  new Function('require', 'module', 'exports', code)(require, mod, mod.exports);
  const fn = (mod.exports.default ?? mod.exports) as ValidateFunction;
  if (typeof fn !== 'function') throw new Error('bad cache entry');
  return fn;
}
