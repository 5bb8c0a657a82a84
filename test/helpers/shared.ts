/** Locates ../shared (or PCDK_SHARED) for conformance tests, and refuses to run without it. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function sharedDir(): string {
  const dir = path.resolve(process.env.PCDK_SHARED ?? path.join(__dirname, '..', '..', '..', 'shared'));
  if (!fs.existsSync(path.join(dir, 'DESIGN.md'))) {
    throw new Error(
      `conformance tests need the shared folder: ${dir} is missing. Put it beside the repo or set PCDK_SHARED.`,
    );
  }
  return dir;
}

export function readShared(...parts: string[]): string {
  return fs.readFileSync(path.join(sharedDir(), ...parts), 'utf8');
}
export function readSharedJson<T = any>(...parts: string[]): T {
  return JSON.parse(readShared(...parts)) as T;
}
