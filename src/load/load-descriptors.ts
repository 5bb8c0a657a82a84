/**
 * Loads a connector's descriptors from their TypeScript source, every time: esbuild bundles
 * `definitions/<id>/connector.ts` with the files it imports (about 50 ms, no type-check), and the
 * bundle runs as one CommonJS module. The bundle is kept between builds (./bundle-cache), and
 * used again only while every file it was made from has the same content, so no copy can go stale.
 *
 * Whatever goes wrong on the author's side (a syntax error, an import that does not resolve, a
 * throw while the descriptors run, a missing default export) comes back as a diagnostic with the
 * .ts file, line and column: never a stack trace. `import ... from 'pcdk'` gets the pcdk that is
 * running, so descriptors and the build share one model.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import type { BuildOptions } from 'esbuild';
import type { Connector } from '../model/connector';
import { setSiteCapture } from '../model/source-site';
import type { Diagnostic } from '../diagnostics';
import { cachedBundle, keepBundle } from './bundle-cache';
import { diagnostic } from './diagnostics';
import { bundleSiteCapture, registerBundleMap } from './source-map-sites';
import { thrownDiagnostic } from './thrown-error';
import { undefinedValues } from './undefined-values';

export interface LoadedDescriptors {
  connector?: Connector;
  diagnostics: Diagnostic[];
  /** connector.ts, absolute. */
  entry: string;
  /** Every source file the bundle was made from, absolute. */
  sources: string[];
}

type EsbuildMessage = { text: string; location: { file: string; line: number; column: number } | null };

/** `pcdk` and `pcdk/...` resolve to the running pcdk, whose public entry is src/index. */
function publicApi(): unknown {
  return require('../index');
}

export function connectorEntry(definitionsDir: string, id: string): string {
  return path.resolve(definitionsDir, id, 'connector.ts');
}

/**
 * What esbuild is asked for, less `write` and `metafile`, which loading always sets. Part of the
 * bundle cache's key: a change here (or in esbuild's version) makes every kept bundle unused.
 */
function bundleOptions(entry: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: `${entry}.js`,
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    absWorkingDir: path.dirname(entry),
  };
}

export interface LoadOptions {
  /**
   * Work to do while esbuild bundles in its own process (the build loads its pipeline's modules
   * there); called only when the bundle is not kept from an earlier load.
   */
  whileBundling?: () => void;
}

export async function loadDescriptors(
  id: string,
  definitionsDir: string,
  options: LoadOptions = {},
): Promise<LoadedDescriptors> {
  const entry = connectorEntry(definitionsDir, id);
  const at = (file: string, line = 1, column = 1) => ({ connector: id, source: { file, line, column } });
  if (!fs.existsSync(entry)) {
    // Located at the file to create, so an editor opens (or offers to create) it.
    return {
      entry,
      sources: [],
      diagnostics: [diagnostic('descriptor-entry-missing', { id, entry: relative(entry) }, at(entry))],
    };
  }

  const bundling = bundleOptions(entry);
  let code: string;
  let sources: string[];
  const kept = cachedBundle(entry, bundling);
  if (kept) {
    // Nothing the last bundle was made from changed: esbuild is not even loaded.
    ({ code, sources } = kept);
  } else {
    const esbuild = require('esbuild') as typeof import('esbuild');
    const startedAt = Date.now();
    try {
      // The async API: esbuild's sync calls start a worker thread first, about 70 ms more per process.
      const building = esbuild.build({ ...bundling, write: false, metafile: true });
      try {
        options.whileBundling?.();
      } catch {
        // The caller meets the same failure when it needs that work done.
      }
      const out = await building;
      code = out.outputFiles[0]!.text;
      sources = Object.keys(out.metafile.inputs).map((f) => path.resolve(path.dirname(entry), f));
    } catch (e) {
      // Failures are never kept: the author sees esbuild's own diagnostics every time.
      const errors = ((e as { errors?: EsbuildMessage[] }).errors ?? []).map((m) => {
        const loc = m.location;
        const file = loc ? path.resolve(path.dirname(entry), loc.file) : entry;
        const unresolved = /^Could not resolve "(.*)"/.exec(m.text);
        return unresolved
          ? diagnostic(
              'descriptor-import-unresolved',
              { specifier: unresolved[1]! },
              at(file, loc?.line, (loc?.column ?? 0) + 1),
            )
          : diagnostic('descriptor-syntax-error', { message: m.text }, at(file, loc?.line, (loc?.column ?? 0) + 1));
      });
      if (errors.length === 0)
        errors.push(diagnostic('descriptor-syntax-error', { message: (e as Error).message }, at(entry)));
      return { entry, sources: [entry], diagnostics: errors };
    }
    // Kept even when the descriptors then throw: the bundle is right, the author's code is not.
    keepBundle(entry, bundling, { code, sources }, sources, startedAt);
  }

  // Positions in thrown errors and in descriptor values are mapped back to the .ts sources.
  registerBundleMap(entry, code);
  const mod = new Module(entry, module);
  mod.filename = entry;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(entry));
  const ownRequire = mod.require.bind(mod);
  mod.require = ((specifier: string) => (specifier === 'pcdk' ? publicApi() : ownRequire(specifier))) as NodeJS.Require;
  setSiteCapture(bundleSiteCapture(entry));
  try {
    (mod as unknown as { _compile(code: string, file: string): void })._compile(code, entry);
  } catch (e) {
    return { entry, sources, diagnostics: [thrownDiagnostic(id, e, sources, entry)] };
  } finally {
    setSiteCapture(undefined);
  }

  const exported = (mod.exports as { default?: unknown }).default;
  if (!exported || (exported as Connector).kind !== 'connector') {
    const where = defaultExportSite(entry);
    return {
      entry,
      sources,
      diagnostics: [
        diagnostic('descriptor-export-missing', { entry: relative(entry) }, at(entry, where.line, where.column)),
      ],
    };
  }
  const connector = exported as Connector;
  const holes = undefinedValues(connector).map((h) =>
    diagnostic(
      'descriptor-threw',
      {
        message: `ReferenceError: ${h.what} is undefined when the descriptors ran: it is used before its definition, or its module is part of an import cycle`,
      },
      { connector: id, source: h.site ?? { file: entry, line: 1, column: 1 } },
    ),
  );
  if (holes.length > 0) return { entry, sources, diagnostics: holes };
  return { entry, sources, connector, diagnostics: [] };
}

/** Where connector.ts writes `export default`, else its first line. */
function defaultExportSite(entry: string): { line: number; column: number } {
  let text = '';
  try {
    text = fs.readFileSync(entry, 'utf8');
  } catch {
    return { line: 1, column: 1 };
  }
  const m = /^([ \t]*)export\s+default\b/m.exec(text);
  if (!m) return { line: 1, column: 1 };
  return { line: text.slice(0, m.index).split('\n').length, column: m[1]!.length + 1 };
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
