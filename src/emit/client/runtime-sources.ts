/** The runtime's TypeScript sources, the input of the client bundle (kept apart so reading them
 * does not load the compiler). */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Reads src/runtime/*.ts (found from this file, compiled under lib/ or run from source). */
export function readRuntimeSources(): Map<string, string> {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'src', 'runtime');
    if (fs.existsSync(path.join(candidate, 'index.ts'))) {
      const out = new Map<string, string>();
      for (const f of fs.readdirSync(candidate).sort()) if (f.endsWith('.ts')) out.set(f.replace(/\.ts$/, ''), fs.readFileSync(path.join(candidate, f), 'utf8'));
      return out;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('pcdk: cannot find src/runtime/index.ts to embed in the client');
    dir = up;
  }
}
