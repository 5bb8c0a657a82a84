/** A throw while the descriptors ran, as a diagnostic at the author's line. */
import * as path from 'node:path';
import { types } from 'node:util';
import type { SourceSite } from '../model/source-site';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { originalSite } from './source-map-sites';

/**
 * A throw while the descriptors ran: the message, at the first frame in the author's files. The
 * bundle runs in Node's main realm, which need not be the realm this module runs in (under a
 * test runner's vm context `instanceof Error` is false for its errors), so errors are recognized
 * by their brand, not by instanceof.
 */
export function thrownDiagnostic(id: string, e: unknown, sources: string[], entry: string): Diagnostic {
  const error = e instanceof Error || types.isNativeError(e) ? (e as Error) : undefined;
  const site = (error && thrownSite(error, new Set(sources), entry)) ?? { file: entry, line: 1, column: 1 };
  // A package import esbuild left to Node (packages are external) that is not installed.
  const missing =
    (error as { code?: unknown } | undefined)?.code === 'MODULE_NOT_FOUND'
      ? /^Cannot find module '([^']+)'/.exec(error!.message)
      : null;
  if (missing)
    return diagnostic('descriptor-import-unresolved', { specifier: missing[1]! }, { connector: id, source: site });
  const message = error ? `${error.name}: ${error.message}` : `threw ${safeString(e)}`;
  return diagnostic('descriptor-threw', { message }, { connector: id, source: site });
}

/**
 * The first frame of a thrown error that runs in the author's files. Its structured frames are
 * read when the stack was not formatted yet: the bundle's frames carry bundle positions, mapped
 * here through its source map, so the answer does not depend on who formats stack strings (a test
 * runner's own hook does not know the bundle).
 */
function thrownSite(error: Error, own: Set<string>, bundle: string): SourceSite | undefined {
  const frames = callSites(error);
  if (frames) {
    for (const f of frames) {
      const file = f.getFileName();
      const line = f.getLineNumber();
      const column = f.getColumnNumber();
      if (file !== bundle || !line || !column) continue;
      const site = originalSite(bundle, line, column);
      if (site && own.has(site.file)) return site;
    }
    return undefined;
  }
  // Already formatted (the descriptors read .stack themselves): the bundle's frames still carry
  // bundle positions, mapped here; a frame elsewhere in the author's files is taken as it is.
  const stack = typeof error.stack === 'string' ? error.stack : '';
  for (const line of stack.split('\n')) {
    const m = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!m) continue;
    const file = path.resolve(m[1]!);
    const site =
      file === bundle
        ? originalSite(bundle, Number(m[2]), Number(m[3]))
        : { file, line: Number(m[2]), column: Number(m[3]) };
    if (site && own.has(site.file)) return site;
  }
  return undefined;
}

/** The error's structured stack frames, if its stack has not been formatted yet. */
function callSites(error: Error): NodeJS.CallSite[] | undefined {
  const RealmError = realmError(error);
  const prepare = RealmError.prepareStackTrace;
  RealmError.prepareStackTrace = (_e, frames) => frames;
  try {
    const frames: unknown = error.stack;
    return Array.isArray(frames) ? (frames as NodeJS.CallSite[]) : undefined;
  } catch {
    return undefined;
  } finally {
    RealmError.prepareStackTrace = prepare;
  }
}

/** The Error constructor of the realm `error` was made in: its prepareStackTrace formats the stack. */
function realmError(error: Error): ErrorConstructor {
  for (let proto: unknown = Object.getPrototypeOf(error); proto; proto = Object.getPrototypeOf(proto)) {
    const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as ErrorConstructor | undefined;
    if (ctor?.name === 'Error' && typeof ctor.captureStackTrace === 'function') return ctor;
  }
  return Error;
}

function safeString(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
