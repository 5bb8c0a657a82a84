#!/usr/bin/env node
/**
 * Bundles the compiled CLI (lib/cli/run.js and everything it requires) into
 * lib/cli/run.bundle.js, which lib/cli/bin.js starts. Commands still load lazily inside the
 * bundle. Left outside: packages too large to parse on every start that only some commands need
 * (typescript, the pack and import libraries) and those that find files beside themselves (esbuild
 * locates its binary, typescript7 its compiler, ajv/package.json marks the cache folder).
 */
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const lib = path.join(__dirname, '..', 'lib', 'cli');
esbuild.buildSync({
  entryPoints: [path.join(lib, 'run.js')],
  outfile: path.join(lib, 'run.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's CommonJS build loads its parts with a dynamic require; its ES module build bundles.
  mainFields: ['module', 'main'],
  external: [
    'typescript',
    'typescript7',
    'esbuild',
    'ajv/package.json',
    'archiver',
    'jszip',
    'yaml',
    'fast-xml-parser',
    'openapi3-ts',
  ],
  logLevel: 'warning',
  legalComments: 'none',
});
