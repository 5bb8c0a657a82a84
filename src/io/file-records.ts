/**
 * What the caches that keep an answer (the descriptor bundle, the clean type-check, the build
 * record) check it against: a file's size and a hash of its bytes (modification times are not
 * trusted to say a file is unchanged: a save within the same tick, a checkout, a copy that keeps
 * times all defeat them), a folder's sorted names, and the files a tsconfig `extends`; and the one
 * rule for when an answer must not be kept at all (racy()).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** [file, size, sha1]: size -1 and hash '' when it did not exist or could not be read. */
export type FileRecord = [string, number, string];
/** [folder, sha1 of its sorted names]: '' when it could not be listed. */
export type DirRecord = [string, string];

export function sha1(data: string | Uint8Array): string {
  return crypto.createHash('sha1').update(data).digest('hex');
}

export function fileRecord(file: string): FileRecord {
  try {
    const bytes = fs.readFileSync(file);
    return [file, bytes.length, sha1(bytes)];
  } catch {
    return [file, -1, ''];
  }
}

export function sameFile(r: FileRecord): boolean {
  const [file, size, hash] = r;
  if (size < 0) return !fs.existsSync(file);
  try {
    // Size first: a different size is a change without reading the file.
    if (fs.statSync(file).size !== size) return false;
  } catch {
    return false;
  }
  return fileRecord(file)[2] === hash;
}

export function dirRecord(dir: string): DirRecord {
  try {
    // Dot files are left out: editors' swap and lock files come and go, and no import names them.
    const names = fs
      .readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .sort();
    return [dir, sha1(names.join('\0'))];
  } catch {
    return [dir, ''];
  }
}

export function sameDir([dir, hash]: DirRecord): boolean {
  return dirRecord(dir)[1] === hash;
}

/**
 * A file modified this close to (or after) the start of the work that read it may have changed
 * while it was read, so the answer is not kept: the record would hold the newer content beside
 * an answer from the older. Generous, for file systems whose clock is not this machine's. So work
 * started within a second of an edit (as under --watch) keeps nothing, and costs only a stat per
 * file; the next run with nothing changed keeps its answer.
 */
export const RACY_MS = 1000;

/** Whether an mtime (ms since the epoch) is too recent for work started at `startedAt` to be kept. */
export function racyTime(mtimeMs: number, startedAt: number): boolean {
  return mtimeMs > startedAt - RACY_MS;
}

/** Whether `file` (or folder) is too recent for work started at `startedAt` to be kept (RACY_MS); false when it does not exist. */
export function racy(file: string, startedAt: number): boolean {
  try {
    return racyTime(fs.statSync(file).mtimeMs, startedAt);
  } catch {
    return false;
  }
}

/** The tsconfig files `file` extends, transitively (not `file` itself); those that do not resolve are left out. */
export function extendedConfigs(file: string): string[] {
  const out: string[] = [];
  const visit = (f: string, depth: number): void => {
    if (depth > 8) return;
    for (const spec of tsconfigExtends(f)) {
      const target = resolveExtends(path.dirname(f), spec);
      if (target && !out.includes(target) && target !== file) {
        out.push(target);
        visit(target, depth + 1);
      }
    }
  };
  visit(file, 0);
  return out;
}

/** The `extends` of a tsconfig (a string or a list), read loosely: tsconfig allows comments. */
function tsconfigExtends(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const m = /"extends"\s*:\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\])/.exec(text);
  if (!m) return [];
  return [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1]!);
}

function resolveExtends(dir: string, spec: string): string | undefined {
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const file = path.resolve(dir, spec);
    return file.endsWith('.json') || fs.existsSync(file) ? file : `${file}.json`;
  }
  try {
    return require.resolve(spec, { paths: [dir] });
  } catch {
    try {
      return require.resolve(`${spec}/tsconfig.json`, { paths: [dir] });
    } catch {
      return undefined;
    }
  }
}
