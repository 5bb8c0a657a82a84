#!/usr/bin/env node
/**
 * The `pcdk` executable. It starts the CLI from bundles when the package has them
 * (lib/cli/run.bundle.js and one lib/cli/commands/<name>.bundle.js per command, made by
 * scripts/bundle-cli.js at compile time): a Node start then reads the code one command needs
 * instead of resolving and compiling some 200 modules. V8 keeps the compiled code between runs:
 * Node 22 and later through its compile cache, Node 20 through ./code-cache.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
if (enableCompileCache) enableCompileCache();
else if (!process.env.PCDK_NO_CACHE) {
  try {
    const { installCodeCache } = require('./code-cache') as typeof import('./code-cache');
    // Beside the validator cache (src/io/content-cache.ts): <project>/node_modules/.cache/pcdk.
    const cache =
      process.env.PCDK_CACHE_DIR ??
      path.join(path.dirname(path.dirname(require.resolve('ajv/package.json'))), '.cache', 'pcdk');
    installCodeCache(path.join(__dirname, '..'), path.join(cache, 'v8'));
  } catch {
    // Without the cache pcdk compiles as Node does.
  }
}
const bundle = path.join(__dirname, 'run.bundle.js');
const { run } = require(fs.existsSync(bundle) ? bundle : './run') as typeof import('./run');
run();
