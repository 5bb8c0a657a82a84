/**
 * V8's code cache for pcdk's own bundles on Node versions without `module.enableCompileCache`
 * (Node 20). Compiling the command bundle and the shipped validators (about 1.5 MB of
 * JavaScript) and then, lazily, each function they run was the largest single cost of a warm
 * `pcdk build`. Node 22 and later keep that work between runs themselves (bin.ts enables it);
 * here the same is done by hand for files under pcdk's lib/ folder: each is compiled with the
 * cached data of its last run, and where there was none (or V8 rejected it), the data is written
 * when the process exits, once the functions the command ran are compiled and so in it.
 *
 * The cache is an optimisation only: it is keyed by the file's path, size and mtime and the Node
 * version, and any problem reading or writing it just compiles as Node would.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CodeCacheStats {
  /** Files compiled with accepted cached data. */
  hits: string[];
  /** Files compiled without (none yet, or rejected); their data is written at exit. */
  misses: string[];
}

type CompileHook = (module: Module, filename: string) => void;
interface ModuleInternals {
  _extensions: Record<string, CompileHook>;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _cache: Record<string, Module>;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
}

/**
 * Serves every `.js` file under `root` from the code cache in `cacheDir`. Returns counters a
 * test (or PCDK_DEBUG) can read.
 */
export function installCodeCache(root: string, cacheDir: string): CodeCacheStats {
  const internals = Module as unknown as ModuleInternals;
  const stats: CodeCacheStats = { hits: [], misses: [] };
  const pending: Array<{ script: vm.Script; file: string }> = [];
  const compileJs = internals._extensions['.js']!;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;

  internals._extensions['.js'] = (module, filename) => {
    if (!filename.startsWith(prefix)) return compileJs(module, filename);
    let source: string;
    let cacheFile: string;
    try {
      const stat = fs.statSync(filename);
      source = fs.readFileSync(filename, 'utf8');
      const key = `${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}`;
      const rel = path.relative(root, filename).replace(/[\\/]/g, '__');
      cacheFile = path.join(cacheDir, `${rel}-${key}.v8`);
    } catch {
      return compileJs(module, filename);
    }
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // No cached data yet.
    }
    const script = new vm.Script(Module.wrap(source.startsWith('#!') ? `//${source}` : source), {
      filename,
      cachedData,
    });
    if (cachedData && !script.cachedDataRejected) stats.hits.push(filename);
    else {
      stats.misses.push(filename);
      pending.push({ script, file: cacheFile });
    }
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, requireFor(module, internals), module, filename, path.dirname(filename));
  };

  process.once('exit', () => {
    for (const { script, file } of pending) {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.tmp-${process.pid}`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, file);
      } catch {
        // A read-only install still works; it compiles every time.
      }
    }
  });
  return stats;
}

/** What Node gives a module as `require` (Node's own builder is internal). */
function requireFor(module: Module, internals: ModuleInternals): NodeJS.Require {
  const req = ((id: string) => module.require(id)) as NodeJS.Require;
  req.resolve = ((request: string, options?: unknown) =>
    internals._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  req.resolve.paths = (request: string) => internals._resolveLookupPaths(request, module);
  req.cache = internals._cache as NodeJS.Require['cache'];
  req.main = require.main;
  return req;
}
