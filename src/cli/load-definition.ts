/**
 * Finds and loads a connector's descriptors: `definitions/<id>/connector.ts` (default export).
 * pcdk's own build loads the JavaScript tsc compiled into lib/; any other definitions folder is
 * loaded from TypeScript source through a require hook that transpiles with the typescript
 * package (loaded only then).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connector } from '../model/connector';

export class UserError extends Error {
  override name = 'UserError';
}

/** Repository root: lib/src/cli -> ../../.. when compiled, src/cli -> ../.. under ts-jest. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

let hookInstalled = false;
function installTsHook(): void {
  if (hookInstalled) return;
  hookInstalled = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const ext = require.extensions as unknown as Record<string, (m: NodeModule & { _compile(code: string, file: string): void }, file: string) => void>;
  ext['.ts'] = (m, file) => {
    const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    m._compile(out.outputText, file);
  };
}

export function loadConnector(id: string, definitionsDir?: string): Connector {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new UserError(`"${id}" is not a connector id (lower-case letters, digits and dashes)`);
  const root = packageRoot();
  const compiled = path.join(root, 'lib', 'definitions', id, 'connector.js');
  const sourceDir = definitionsDir ?? path.join(root, 'definitions');
  const source = path.join(sourceDir, id, 'connector.ts');
  let file: string;
  if (!definitionsDir && fs.existsSync(compiled) && __filename.endsWith('.js')) file = compiled;
  else if (fs.existsSync(source)) {
    installTsHook();
    file = source;
  } else {
    throw new UserError(`no connector "${id}": expected ${path.relative(process.cwd(), source)} exporting defineConnector(...) as default`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as { default?: Connector };
  const c = mod.default;
  if (!c || c.kind !== 'connector') {
    throw new UserError(`${path.relative(process.cwd(), file)} must export default defineConnector({...})`);
  }
  return c;
}
