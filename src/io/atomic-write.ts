/**
 * Atomic output. A folder is written beside its target under a temporary name and swapped in
 * with renames, so a build that fails (or is killed) while writing leaves the previous output
 * exactly as it was and never a half-written mix.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type FileMap = ReadonlyMap<string, string | Uint8Array>;

/** Relative, forward-slash, no `..`, no absolute paths: refuses to write outside the folder. */
export function assertSafeRelativePath(rel: string): void {
  if (
    !rel ||
    rel.startsWith('/') ||
    /^[A-Za-z]:/.test(rel) ||
    rel.split(/[\\/]/).some((seg) => seg === '..' || seg === '')
  ) {
    throw new Error(`refusing to write "${rel}": output paths must be relative and stay inside the output folder`);
  }
}

export function writeDirAtomic(target: string, files: FileMap): void {
  for (const rel of files.keys()) assertSafeRelativePath(rel);
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, `.${path.basename(target)}.tmp-`));
  try {
    // mkdtemp creates 0700; the output is an ordinary folder (umask still applies to files).
    fs.chmodSync(tmp, 0o755);
    // Each folder made once: an imported connector writes dozens of files into operations/.
    const made = new Set<string>([tmp]);
    for (const rel of [...files.keys()].sort()) {
      const dest = path.join(tmp, rel);
      const dir = path.dirname(dest);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      fs.writeFileSync(dest, files.get(rel)!);
    }
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = `${target}.old-${process.pid}-${Date.now()}`;
  const hadOld = fs.existsSync(target);
  if (hadOld) fs.renameSync(target, old);
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    if (hadOld) fs.renameSync(old, target);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
}

/** One file, written to a temporary sibling and renamed over the target. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
