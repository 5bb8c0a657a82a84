/**
 * pcdk's own package folder, found from this file whether it runs compiled (lib/...), bundled
 * (lib/cli/run.bundle.js) or from source under a test runner (src/...).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

export function ownPackageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        if ((JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === 'pcdk') return (root = dir);
      } catch {
        // not ours; keep looking
      }
    }
    if (path.dirname(dir) === dir) return (root = path.resolve(__dirname, '..', '..'));
  }
}

export function ownVersion(): string {
  try {
    return (
      (JSON.parse(fs.readFileSync(path.join(ownPackageRoot(), 'package.json'), 'utf8')) as { version?: string })
        .version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
}
