/**
 * Turns positions in the transpiled descriptor bundle back into the author's .ts file, line and
 * column, through the bundle's inline source map. The map is registered here and parsed only
 * when a position is asked for: enabling Node's source maps instead would make every later
 * module load and every formatted stack in the process pay for them.
 */
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteCapture, SourceSite } from '../model/source-site';

/** A map's source, which esbuild writes relative to the bundle's folder. */
function toPath(source: string, bundleFile: string): string {
  return source.startsWith('file:') ? fileURLToPath(source) : path.resolve(path.dirname(bundleFile), source);
}

const INLINE_MAP = '//# sourceMappingURL=data:application/json;base64,';
const maps = new Map<string, { payload: string; map?: SourceMap | null }>();

/** Remembers the inline source map at the end of `code`, the bundle that runs as `bundleFile`. */
export function registerBundleMap(bundleFile: string, code: string): void {
  const at = code.lastIndexOf(INLINE_MAP);
  if (at >= 0) maps.set(bundleFile, { payload: code.slice(at + INLINE_MAP.length).trim() });
  else maps.delete(bundleFile);
}

function mapOf(bundleFile: string): SourceMap | undefined {
  const entry = maps.get(bundleFile);
  if (!entry) return undefined;
  if (entry.map === undefined) {
    try {
      entry.map = new SourceMap(JSON.parse(Buffer.from(entry.payload, 'base64').toString('utf8')));
    } catch {
      entry.map = null;
    }
  }
  return entry.map ?? undefined;
}

/** The bundle position (1-based) as a position in the author's source, when the map knows it. */
export function originalSite(bundleFile: string, line: number, column: number): SourceSite | undefined {
  const map = mapOf(bundleFile);
  if (!map) return undefined;
  const entry = map.findEntry(line - 1, column - 1) as {
    originalSource?: string;
    originalLine?: number;
    originalColumn?: number;
  };
  if (!entry?.originalSource || entry.originalLine === undefined) return undefined;
  return {
    file: toPath(entry.originalSource, bundleFile),
    line: entry.originalLine + 1,
    column: (entry.originalColumn ?? 0) + 1,
  };
}

/**
 * The first stack frame that runs inside `bundleFile`. Its line and column are read only when a
 * diagnostic asks for them: V8 finds a frame's position by walking its function's source
 * position table, which for the bundle's top-level code grows with the connector, so reading it
 * for every descriptor call made loading quadratic in the number of operations.
 */
function bundleFrame(bundleFile: string): NodeJS.CallSite | undefined {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  // Structured frames are cheap and carry positions without formatting a string per frame.
  Error.prepareStackTrace = (_e, frames) => frames;
  Error.stackTraceLimit = 16;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  Error.captureStackTrace(holder);
  const frames = holder.stack ?? [];
  Error.prepareStackTrace = prepare;
  Error.stackTraceLimit = limit;
  return frames.find((f) => f.getFileName() === bundleFile);
}

/** A capture for src/model/source-site: the frame is taken now, its position read and mapped only when asked for. */
export function bundleSiteCapture(bundleFile: string): SiteCapture {
  return () => {
    const frame = bundleFrame(bundleFile);
    if (!frame) return undefined;
    let site: SourceSite | undefined | null = null;
    return () => {
      if (site === null) site = originalSite(bundleFile, frame.getLineNumber() ?? 1, frame.getColumnNumber() ?? 1);
      return site;
    };
  };
}
