/** The runtime's TypeScript sources, the input of the client bundle (kept apart so reading them
 * does not load the compiler). They ship in the package as src/runtime/*.ts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ownPackageRoot } from '../io/own-package';

/** Reads src/runtime/*.ts from pcdk's package folder. */
export function readRuntimeSources(): Map<string, string> {
  const dir = path.join(ownPackageRoot(), 'src', 'runtime');
  if (!fs.existsSync(path.join(dir, 'index.ts'))) throw new Error(`pcdk: ${dir}/index.ts is missing; reinstall pcdk`);
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir).sort())
    if (f.endsWith('.ts')) out.set(f.replace(/\.ts$/, ''), fs.readFileSync(path.join(dir, f), 'utf8'));
  return out;
}
