/**
 * Loads a descriptor folder written by pcdk import (connector.ts and the files it imports) by
 * transpiling each file with esbuild (type annotations stripped, no type-check; the typescript
 * package took about twenty times as long) and evaluating it in a tiny CommonJS loader.
 * Unlike Node's require hook this also works inside jest and never caches across loads, and it
 * confines the descriptor: relative imports must stay inside the folder, 'pcdk' (the only way a
 * descriptor imports the model, as an author's does) is served by the running pcdk, and only
 * node:fs and node:path are available.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { Connector } from '../model/connector';
import * as model from '../index';
import { PcdkError } from '../errors';
import { plainModule, type PlainModule } from './plain-module';

type Esbuild = typeof import('esbuild');
let esbuildModule: Esbuild | undefined;
function esbuild(): Esbuild {
  return (esbuildModule ??= require('esbuild') as Esbuild);
}

const BUILTINS: Record<string, unknown> = { 'node:fs': fs, 'node:path': path, fs, path };

/** A descriptor folder that cannot be loaded: an import it may not make, or no connector exported. */
export class DescriptorLoadError extends PcdkError {
  override name = 'DescriptorLoadError' as const;
}

/**
 * A module is strict code; esbuild's CommonJS output of one does not say so (the typescript
 * package's did). Prefixed on the first line, so line numbers stay.
 */
const strict = (js: string) => `'use strict'; ${js}`;

export function transpileDescriptor(source: string, fileName: string): string {
  return strict(
    esbuild().transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2022', sourcefile: fileName }).code,
  );
}

/** The .ts files of a descriptor folder (not node_modules or dot folders), absolute. */
function folderSources(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(f);
    }
  };
  walk(root);
  return out;
}

type Wrapper = (e: unknown, r: unknown, m: unknown, f: string, d: string) => void;
const compile = (js: string, file: string): Wrapper =>
  vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${js}\n})`, {
    filename: file,
  }) as Wrapper;

/** The file as a plain module, compiled, when it is one; TypeScript syntax the scan let through fails to compile. */
function asPlain(source: string, file: string): Prepared {
  const plain = plainModule(source);
  if (!plain) return { source };
  try {
    return { source, plain, wrapper: compile(plain.js, file) };
  } catch {
    // A SyntaxError (of whichever realm: under jest it is not this one's): esbuild's way after all,
    // which reports the file's real problem, if any, as before.
    return { source };
  }
}

interface Prepared {
  source: string;
  /** The file read as plain JavaScript (plain-module.ts), when it is, and compiled. */
  plain?: PlainModule;
  wrapper?: Wrapper;
  /** esbuild's output for it otherwise. */
  js?: string;
}

/**
 * Every .ts file of the folder read, and made ready to evaluate: as plain JavaScript when it is
 * (plain-module.ts), the rest transpiled in one esbuild call, file by file exactly as
 * transpileDescriptor does (no bundling: each file is still evaluated, and its imports checked, by
 * the loader below). One call instead of one per file: each costs a round trip to the esbuild
 * service. Anything unexpected (a syntax error, an unreadable folder) leaves files unprepared,
 * and the loader reads and transpiles them one by one as it meets them.
 */
function prepareFolder(root: string): Map<string, Prepared> {
  const out = new Map<string, Prepared>();
  let files: string[];
  try {
    files = folderSources(root);
    for (const f of files) {
      out.set(f, asPlain(fs.readFileSync(f, 'utf8'), f));
    }
  } catch {
    return new Map();
  }
  const rest = files.filter((f) => !out.get(f)!.plain);
  if (rest.length === 0) return out;
  try {
    const outdir = path.join(root, '.pcdk-transpiled');
    const result = esbuild().buildSync({
      entryPoints: rest.map((f, i) => ({ in: f, out: `f${i}` })),
      bundle: false,
      format: 'cjs',
      target: 'es2022',
      loader: { '.ts': 'ts' },
      write: false,
      outdir,
      logLevel: 'silent',
    });
    const byOut = new Map(result.outputFiles.map((o) => [o.path, o.text]));
    for (const [i, f] of rest.entries()) {
      const js = byOut.get(path.join(outdir, `f${i}.js`));
      if (js !== undefined) out.get(f)!.js = strict(js);
    }
  } catch {
    // A file esbuild rejects: transpiled (and reported) on its own when the loader reaches it.
  }
  return out;
}

/** A plain module would read the names of a module that is still loading: start over without plain modules. */
class PlainImportCycle extends Error {}

export function loadDescriptorFolder(dir: string): Connector {
  const root = path.resolve(dir);
  const prepared = prepareFolder(root);
  let c: Connector | undefined;
  try {
    c = loadFolder(root, prepared, true);
  } catch (e) {
    if (!(e instanceof PlainImportCycle)) throw e;
    c = loadFolder(root, prepared, false);
  }
  if (c?.kind !== 'connector')
    throw new DescriptorLoadError(`${path.join(dir, 'connector.ts')} must export default defineConnector({...})`);
  return c;
}

function loadFolder(root: string, prepared: Map<string, Prepared>, usePlain: boolean): Connector | undefined {
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const loading = new Set<string>();
  const load = (file: string): Record<string, unknown> => {
    const hit = cache.get(file);
    if (hit) return hit.exports;
    const mod = { exports: {} as Record<string, unknown> };
    cache.set(file, mod);
    const p = prepared.get(file) ?? asPlain(fs.readFileSync(file, 'utf8'), file);
    const plain = usePlain ? p.plain : undefined;
    const wrapper = (plain && p.wrapper) || compile(p.js ?? transpileDescriptor(p.source, file), file);
    const requireFn = (spec: string): unknown => {
      if (spec in BUILTINS) return BUILTINS[spec];
      if (spec === 'pcdk') return model;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        // The folder's files were listed once (prepareFolder); the disk is asked only beyond them.
        const candidate = [`${target}.ts`, path.join(target, 'index.ts')].find(
          (f) => prepared.has(f) || fs.existsSync(f),
        );
        if (!candidate || path.relative(root, candidate).startsWith('..')) {
          throw new DescriptorLoadError(
            `${path.relative(root, file)}: cannot import "${spec}" (only files inside the definition folder; the model is import { ... } from 'pcdk')`,
          );
        }
        if (plain?.readsImports && loading.has(candidate)) throw new PlainImportCycle();
        return load(candidate);
      }
      throw new DescriptorLoadError(
        `${path.relative(root, file)}: cannot import "${spec}" (descriptors import only 'pcdk', node:fs and node:path: write import { ... } from 'pcdk')`,
      );
    };
    loading.add(file);
    wrapper(mod.exports, requireFn, mod, file, path.dirname(file));
    loading.delete(file);
    return mod.exports;
  };
  return load(path.join(root, 'connector.ts')).default as Connector | undefined;
}
