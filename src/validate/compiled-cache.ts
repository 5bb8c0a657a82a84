/**
 * Compiling the official schemas with ajv costs about 0.3 s, more than the rest of a build.
 * Compile once and keep the generated validator code (ajv "standalone" output) on disk, keyed by
 * the schema source text, pcdk's patches and the ajv version, so later processes load it in
 * milliseconds without even parsing the schemas. The cache is an optimisation only: any problem
 * reading or writing it falls back to compiling in memory.
 */
import * as fs from 'node:fs';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { cacheEnabled, cacheFile, writeCacheEntry } from '../io/content-cache';

const FORMAT = 'pcdk-ajv-cache-2';

/**
 * `keyMaterial` must change whenever the compiled schema would (its source text plus the
 * version of any patch applied to it); `compile` is only called on a miss.
 */
export function compileCached(
  label: string,
  keyMaterial: string,
  compile: () => { ajv: Ajv; validate: ValidateFunction },
): ValidateFunction {
  if (!cacheEnabled()) return compile().validate;
  const version = (require('ajv/package.json') as { version: string }).version;
  const file = cacheFile(label, `${FORMAT}\0${version}\0${keyMaterial}`, '.js');
  try {
    return load(fs.readFileSync(file, 'utf8'));
  } catch {
    // Not cached yet (or unreadable): compile below.
  }
  const { ajv, validate } = compile();
  try {
    const standaloneCode = (require('ajv/dist/standalone') as { default: (a: Ajv, v: ValidateFunction) => string })
      .default;
    writeCacheEntry(file, standaloneCode(ajv, validate));
  } catch {
    // Standalone code generation failed: keep the in-memory validator.
  }
  return validate;
}

function load(code: string): ValidateFunction {
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  // The generated code requires ajv's runtime helpers and ajv-formats, resolved from here.
  new Function('require', 'module', 'exports', code)(require, mod, mod.exports);
  const fn = (mod.exports.default ?? mod.exports) as ValidateFunction;
  if (typeof fn !== 'function') throw new Error('bad cache entry');
  return fn;
}
