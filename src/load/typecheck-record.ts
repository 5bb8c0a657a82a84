/**
 * The record of a clean type-check, so that a build in which nothing the compiler read has
 * changed does not start it: even with its incremental state, the native compiler parses every
 * file again to find that out (about 70 ms for ConvertKit, 100 beside a build on two cores),
 * which was most of a `pcdk build` with nothing changed.
 *
 * Only a check that found nothing is recorded, with everything that could change its answer:
 *  - the compiler (its package version) and the check's tsconfig with every file it extends;
 *  - every file of the program, from the compiler's own list (its .tsbuildinfo), by size and hash,
 *    except its bundled lib files, which come with its version, and every package.json it read;
 *  - the names in each program file's folder and the one above it, and in the node_modules and
 *    node_modules/@types folders of every folder above: a file or package added where module
 *    resolution or automatic type inclusion would find it changes a listing;
 *  - the names in any typeRoots folder the options set.
 * Anything that differs, or a record that cannot be read, means running the compiler; a file
 * modified while the compiler ran means no record (RACY_MS, as for the descriptor bundle).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheEnabled, writeCacheEntry } from '../io/content-cache';
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

/** Bump when what a record holds, or how it is checked, changes. */
const FORMAT = 1;

interface CleanCheck {
  format: number;
  compiler: string;
  files: FileRecord[];
  dirs: DirRecord[];
}

/** The compiler's own list of what it read, from its .tsbuildinfo. */
interface BuildInfo {
  fileNames?: unknown;
  packageJsons?: unknown;
  options?: { typeRoots?: unknown };
}

function recordFile(config: string): string {
  return config.replace(/\.tsconfig\.json$/, '.clean.json');
}

/** Whether the check `config` describes was clean, and nothing it read has changed since. */
export function recordedClean(config: string, compiler: string): boolean {
  if (!cacheEnabled()) return false;
  try {
    const r = JSON.parse(fs.readFileSync(recordFile(config), 'utf8')) as CleanCheck;
    return (
      r.format === FORMAT &&
      r.compiler === compiler &&
      Array.isArray(r.files) &&
      r.files.every(sameFile) &&
      Array.isArray(r.dirs) &&
      r.dirs.every(sameDir)
    );
  } catch {
    return false;
  }
}

/**
 * Folders whose names decide what the program's imports and automatic types resolve to: each
 * program file's folder and the one above it (relative imports), and the node_modules and
 * node_modules/@types folders of every folder above a program file (packages and types found by
 * walking up). Not those folders themselves: a parent such as /tmp changes all the time and
 * decides nothing.
 */
function resolutionDirs(programFiles: string[]): string[] {
  const dirs = new Set<string>();
  const walked = new Set<string>();
  for (const f of programFiles) {
    dirs.add(path.dirname(f));
    dirs.add(path.dirname(path.dirname(f)));
    for (let d = path.dirname(f); !walked.has(d); d = path.dirname(d)) {
      walked.add(d);
      if (path.basename(d) !== 'node_modules') {
        dirs.add(path.join(d, 'node_modules'));
        dirs.add(path.join(d, 'node_modules', '@types'));
      }
      if (path.dirname(d) === d) break;
    }
  }
  return [...dirs].sort();
}

/**
 * Records a clean check: `config` is the check's tsconfig, `buildInfo` the compiler's state file
 * it just wrote, `startedAt` Date.now() from before it started. Never throws.
 */
export function recordClean(config: string, buildInfo: string, compiler: string, startedAt: number): void {
  if (!cacheEnabled()) return;
  try {
    const info = JSON.parse(fs.readFileSync(buildInfo, 'utf8')) as BuildInfo;
    const base = path.dirname(buildInfo);
    if (!Array.isArray(info.fileNames) || !info.fileNames.every((f) => typeof f === 'string')) return;
    const listed = (xs: unknown): string[] =>
      Array.isArray(xs) ? xs.filter((x): x is string => typeof x === 'string').map((x) => path.resolve(base, x)) : [];
    // A bare lib.*.d.ts is one of the compiler's own libs: its version stands for it.
    const program = (info.fileNames as string[])
      .filter((f) => !/^lib\.[^/\\]*\.d\.ts$/.test(f))
      .map((f) => path.resolve(base, f));
    const read = [...extendedConfigs(config), ...program, ...listed(info.packageJsons)];
    const dirs = [...resolutionDirs(program), ...listed(info.options?.typeRoots)];
    // The check's own config is left out of this: pcdk wrote it before the compiler started.
    const recent = (): boolean => [...read, ...dirs].some((f) => racy(f, startedAt));
    if (recent()) return;
    const files = [config, ...read].map(fileRecord);
    const record: CleanCheck = { format: FORMAT, compiler, files, dirs: dirs.map(dirRecord) };
    // A program file that cannot be read now cannot be checked later.
    if (files.some(([f, size]) => size < 0 && program.includes(f))) return;
    if (recent()) return;
    writeCacheEntry(recordFile(config), JSON.stringify(record));
  } catch {
    // Recorded or not, the check's answer stands.
  }
}

/** Forgets the record (a check that found something, or failed to run). */
export function forgetClean(config: string): void {
  try {
    fs.rmSync(recordFile(config), { force: true });
  } catch {
    // Nothing to forget.
  }
}
