/**
 * Loads a descriptor folder written by pcdk import (connector.ts and the files it imports) by
 * transpiling each file with the typescript package and evaluating it in a tiny CommonJS loader.
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

type TS = typeof import('typescript');
let tsModule: TS | undefined;
function ts(): TS {
  return (tsModule ??= require('typescript') as TS);
}

const BUILTINS: Record<string, unknown> = { 'node:fs': fs, 'node:path': path, fs, path };

/** A descriptor folder that cannot be loaded: an import it may not make, or no connector exported. */
export class DescriptorLoadError extends PcdkError {
  override name = 'DescriptorLoadError' as const;
}

export function transpileDescriptor(source: string, fileName: string): string {
  const t = ts();
  return t.transpileModule(source, {
    fileName,
    compilerOptions: { module: t.ModuleKind.CommonJS, target: t.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
}

export function loadDescriptorFolder(dir: string): Connector {
  const root = path.resolve(dir);
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const load = (file: string): Record<string, unknown> => {
    const hit = cache.get(file);
    if (hit) return hit.exports;
    const mod = { exports: {} as Record<string, unknown> };
    cache.set(file, mod);
    const js = transpileDescriptor(fs.readFileSync(file, 'utf8'), file);
    const requireFn = (spec: string): unknown => {
      if (spec in BUILTINS) return BUILTINS[spec];
      if (spec === 'pcdk') return model;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const candidate = [`${target}.ts`, path.join(target, 'index.ts')].find((f) => fs.existsSync(f));
        if (!candidate || path.relative(root, candidate).startsWith('..')) {
          throw new DescriptorLoadError(
            `${path.relative(root, file)}: cannot import "${spec}" (only files inside the definition folder; the model is import { ... } from 'pcdk')`,
          );
        }
        return load(candidate);
      }
      throw new DescriptorLoadError(
        `${path.relative(root, file)}: cannot import "${spec}" (descriptors import only 'pcdk', node:fs and node:path: write import { ... } from 'pcdk')`,
      );
    };
    const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${js}\n})`, {
      filename: file,
    }) as (e: unknown, r: unknown, m: unknown, f: string, d: string) => void;
    wrapper(mod.exports, requireFn, mod, file, path.dirname(file));
    return mod.exports;
  };
  const c = load(path.join(root, 'connector.ts')).default as Connector | undefined;
  if (c?.kind !== 'connector')
    throw new DescriptorLoadError(`${path.join(dir, 'connector.ts')} must export default defineConnector({...})`);
  return c;
}
