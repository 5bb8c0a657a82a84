/**
 * What the load caches (./bundle-cache, ./typecheck-record) check a kept answer against: a
 * file's size and a hash of its bytes (modification times are not trusted to say a file is
 * unchanged: a save within the same tick, a checkout, a copy that keeps times all defeat them),
 * a folder's sorted names, and the files a tsconfig `extends`.
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

/** Whether `file` (or folder) was modified after `since` (ms since the epoch); false when it does not exist. */
export function modifiedAfter(file: string, since: number): boolean {
  try {
    return fs.statSync(file).mtimeMs > since;
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
