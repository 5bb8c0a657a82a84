/**
 * The descriptor bundle, kept between builds so that loading descriptors none of whose sources
 * changed does not load or start esbuild: waiting for esbuild's service process to start and
 * bundle was most of what loading the descriptors cost (about 55 ms of a 350 ms warm `pcdk build`).
 *
 * This helps a rebuild with nothing changed (CI, `pcdk build` run again, a build after
 * `pcdk validate`), not the author's loop of "edit a descriptor, rebuild": there a source did
 * change, so the entry is stale and esbuild runs as before (and the entry is rewritten).
 *
 * An entry is found by a key made of the esbuild version, the build options and the entry path,
 * and holds the bundle, its source list, and what the bundle was made from, each checked on use:
 *  - every input esbuild read (its metafile), by size and a hash of its bytes. Modification times
 *    are not trusted to say a file is unchanged (a save within the same tick, a checkout, a copy
 *    that keeps times all defeat them), so every input is read and hashed: for ConvertKit, 30
 *    small files in about a millisecond. An edit that adds an import changes the importing file, so a new
 *    input is caught there; a deleted input fails its read.
 *  - the files esbuild reads beside the sources without listing them as inputs: tsconfig.json
 *    (its `paths` decide what `import ... from 'pcdk'` means, and it can change the output),
 *    jsconfig.json and package.json in each source's folder and every folder above, and the
 *    files a tsconfig `extends`, by hash, or by their absence.
 *  - the names in each source's folder and the folder above: a file added beside a source can
 *    change what an import resolves to (`./types` meaning types.ts rather than types/index.ts).
 * Anything that differs, or an entry that cannot be read or parsed, means "no entry": esbuild
 * runs. Only successful bundles are kept; a syntax error or an unresolved import always goes
 * through esbuild, so its diagnostics are esbuild's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheEnabled, cacheFile, writeCacheEntry } from '../io/content-cache';
import {
  dirRecord,
  extendedConfigs,
  fileRecord,
  racy,
  sameDir,
  sameFile,
  type DirRecord,
  type FileRecord,
} from '../io/file-records';

/** Bump when what an entry holds, or how it is checked, changes. */
const FORMAT = 1;

export interface DescriptorBundle {
  /** The CommonJS bundle, with its inline source map. */
  code: string;
  /** Every source file the bundle was made from, absolute. */
  sources: string[];
}

interface Entry {
  format: number;
  key: string;
  inputs: FileRecord[];
  configs: FileRecord[];
  dirs: DirRecord[];
  sources: string[];
  code: string;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json', 'package.json'];

function keyMaterial(entry: string, options: object): string {
  return JSON.stringify({ format: FORMAT, esbuild: esbuildVersion(), entry, options });
}

/** Read from its package.json: loading esbuild itself is what a cache hit saves. */
function esbuildVersion(): string {
  return (require('esbuild/package.json') as { version: string }).version;
}

function entryFile(key: string): string {
  return cacheFile('descriptors', key, '.json');
}

/** The config files esbuild may read for these sources, and the files a tsconfig extends. */
function configFiles(sources: string[]): string[] {
  const dirs = new Set<string>();
  for (const s of sources) {
    for (let d = path.dirname(s); !dirs.has(d); d = path.dirname(d)) {
      dirs.add(d);
      if (path.dirname(d) === d) break;
    }
  }
  const files = new Set<string>();
  for (const d of [...dirs].sort()) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(d, name);
      files.add(file);
      if (name !== 'package.json') for (const extended of extendedConfigs(file)) files.add(extended);
    }
  }
  return [...files];
}

/** Each source's folder and the one above it. */
function listedDirs(sources: string[]): string[] {
  const dirs = new Set<string>();
  for (const s of sources) {
    dirs.add(path.dirname(s));
    dirs.add(path.dirname(path.dirname(s)));
  }
  return [...dirs].sort();
}

/** The bundle kept for this entry and these options, when nothing it was made from changed. */
export function cachedBundle(entry: string, options: object): DescriptorBundle | undefined {
  if (!cacheEnabled()) return undefined;
  try {
    const key = keyMaterial(entry, options);
    const e = JSON.parse(fs.readFileSync(entryFile(key), 'utf8')) as Entry;
    if (e.format !== FORMAT || e.key !== key || typeof e.code !== 'string' || !Array.isArray(e.sources)) {
      return undefined;
    }
    if (!e.inputs.every(sameFile) || !e.configs.every(sameFile)) return undefined;
    if (!e.dirs.every(sameDir)) return undefined;
    return { code: e.code, sources: e.sources };
  } catch {
    // No entry, or one that cannot be read or parsed: bundle again.
    return undefined;
  }
}

/**
 * Keeps a bundle esbuild just made. `inputs` are the metafile's inputs, absolute; `startedAt`
 * is Date.now() from before the bundling began (a source as recent as that keeps nothing: RACY_MS). Never throws: a cache that cannot
 * be written only means bundling again next time.
 */
export function keepBundle(
  entry: string,
  options: object,
  bundle: DescriptorBundle,
  inputs: string[],
  startedAt: number,
): void {
  if (!cacheEnabled()) return;
  try {
    const recent = (f: string): boolean => racy(f, startedAt);
    // Checked before reading (an edit-then-build loop stops here, having hashed nothing) and
    // again after, since a source written between the two checks is read in its newer content.
    if (inputs.some(recent)) return;
    const records = inputs.map(fileRecord);
    // An input that is not a readable file (a plugin's virtual module) cannot be checked later.
    if (records.some(([, size]) => size < 0)) return;
    const configs = configFiles(inputs).map(fileRecord);
    const dirs = listedDirs(inputs);
    const listings = dirs.map(dirRecord);
    if ([...inputs, ...configs.filter(([, s]) => s >= 0).map(([f]) => f), ...dirs].some(recent)) return;
    const key = keyMaterial(entry, options);
    const e: Entry = {
      format: FORMAT,
      key,
      inputs: records,
      configs,
      dirs: listings,
      sources: bundle.sources,
      code: bundle.code,
    };
    writeCacheEntry(entryFile(key), JSON.stringify(e));
  } catch {
    // Kept or not, the bundle is used.
  }
}
