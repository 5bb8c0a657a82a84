/**
 * A content-addressed cache for expensive, deterministic steps (compiling validators, type-checking
 * the generated client). Entries live in <project>/node_modules/.cache/pcdk (or PCDK_CACHE_DIR),
 * are keyed by a hash of everything the result depends on, and are written atomically. The cache
 * is an optimisation only: PCDK_NO_CACHE=1 turns it off, and any read or write problem falls back
 * to doing the work.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ownPackageRoot } from './own-package';

export function cacheDir(): string {
  if (process.env.PCDK_CACHE_DIR) return process.env.PCDK_CACHE_DIR;
  return path.join(path.dirname(path.dirname(require.resolve('ajv/package.json'))), '.cache', 'pcdk');
}

export function cacheEnabled(): boolean {
  return !process.env.PCDK_NO_CACHE;
}

export function cacheFile(label: string, keyMaterial: string, ext: string): string {
  const key = crypto.createHash('sha256').update(`${label}\0${keyMaterial}`).digest('hex').slice(0, 32);
  return path.join(cacheDir(), `${label}-${key}${ext}`);
}

export function writeCacheEntry(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch {
    // A read-only install still works; it just redoes the work every time.
  }
}

/**
 * Entries pcdk ships, made when the package is built (scripts/generate-shipped.js runs the same
 * code with the cache pointed here), so a first build after `npm install` finds them too.
 */
export function shippedCacheDir(): string {
  return path.join(ownPackageRoot(), 'lib', 'generated', 'cache');
}

/** The JSON result of `produce()`, from the cache when an entry for this key exists. */
export function cachedJson<T>(label: string, keyMaterial: string, produce: () => T): T {
  if (!cacheEnabled()) return produce();
  const { file, hit } = lookup<T>(label, keyMaterial, true);
  if (hit) return hit.value;
  const value = produce();
  writeCacheEntry(file, JSON.stringify(value));
  return value;
}

/** cachedJson for work that is asynchronous (esbuild's service calls); not looked up in the shipped entries. */
export async function cachedJsonAsync<T>(label: string, keyMaterial: string, produce: () => Promise<T>): Promise<T> {
  if (!cacheEnabled()) return produce();
  const { file, hit } = lookup<T>(label, keyMaterial, false);
  if (hit) return hit.value;
  const value = await produce();
  writeCacheEntry(file, JSON.stringify(value));
  return value;
}

/** The entry's file, and its value when one can be read (shipped entries first, when asked). */
function lookup<T>(label: string, keyMaterial: string, shipped: boolean): { file: string; hit?: { value: T } } {
  const file = cacheFile(label, keyMaterial, '.json');
  const places = shipped ? [path.join(shippedCacheDir(), path.basename(file)), file] : [file];
  for (const entry of places) {
    try {
      return { file, hit: { value: JSON.parse(fs.readFileSync(entry, 'utf8')) as T } };
    } catch {
      // Miss or unreadable entry.
    }
  }
  return { file };
}
