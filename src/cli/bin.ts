#!/usr/bin/env node
/**
 * The `pcdk` executable. It starts the CLI from one bundled file when the package has it
 * (lib/cli/run.bundle.js, made by scripts/bundle-cli.js at compile time): a Node start then reads
 * one file instead of resolving and compiling some 200 modules, which is most of a build's time.
 * On Node 22 and later, V8's compile cache also keeps the compiled code between runs.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

(Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const bundle = path.join(__dirname, 'run.bundle.js');
const { run } = require(fs.existsSync(bundle) ? bundle : './run') as typeof import('./run');
run();
