#!/usr/bin/env node
/**
 * The `pcdk` executable. It starts the CLI from bundles when the package has them
 * (lib/cli/run.bundle.js and one lib/cli/commands/<name>.bundle.js per command, made by
 * scripts/bundle-cli.js at compile time): a Node start then reads the code one command needs
 * instead of resolving and compiling some 200 modules. V8 keeps the compiled code between runs
 * in the v8 folder of pcdk's cache: Node 22 and later through its compile cache (unless
 * NODE_COMPILE_CACHE names another folder), Node 20 through ./code-cache.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

const enableCompileCache = (Module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
if (!process.env.PCDK_NO_CACHE) {
  try {
    // Beside pcdk's other caches (src/io/content-cache.ts): <project>/node_modules/.cache/pcdk, or
    // PCDK_CACHE_DIR, so that removing that folder (or pointing it elsewhere) makes a first build
    // truly first, on every Node version.
    const v8Cache = path.join(
      process.env.PCDK_CACHE_DIR ||
        path.join(path.dirname(path.dirname(require.resolve('ajv/package.json'))), '.cache', 'pcdk'),
      'v8',
    );
    if (!enableCompileCache) {
      const { installCodeCache } = require('./code-cache') as typeof import('./code-cache');
      installCodeCache(path.join(__dirname, '..'), v8Cache);
    } else if (process.env.NODE_COMPILE_CACHE) {
      // The user's own choice of folder (Node's documented override) stands.
      enableCompileCache();
    } else enableCompileCache(v8Cache);
  } catch {
    // Without the cache pcdk compiles as Node does.
  }
}
const bundle = path.join(__dirname, 'run.bundle.js');
const { run } = require(fs.existsSync(bundle) ? bundle : './run') as typeof import('./run');
run();
