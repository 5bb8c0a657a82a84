#!/usr/bin/env node
/**
 * Runs one of the repository's TypeScript scripts (bench, fixture conversion) from source:
 * a require hook transpiles each .ts file with esbuild as it loads, so scripts need no compile
 * step and keep their own __dirname. Usage: node scripts/run-ts.js scripts/bench.ts [args...]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

process.setSourceMapsEnabled(true);
require.extensions['.ts'] = (module, file) => {
  const { code } = esbuild.transformSync(fs.readFileSync(file, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: file,
    sourcemap: 'inline',
  });
  module._compile(code, file);
};
const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node scripts/run-ts.js <script.ts> [args...]\n');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
