/**
 * Turns positions in the transpiled descriptor bundle back into the author's .ts file, line and
 * column, through the bundle's inline source map (Node caches it once source maps are enabled).
 */
import { findSourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteCapture, SourceSite } from '../model/source-site';

function toPath(source: string): string {
  return source.startsWith('file:') ? fileURLToPath(source) : path.resolve(source);
}

/** The bundle position (1-based) as a position in the author's source, when the map knows it. */
export function originalSite(bundleFile: string, line: number, column: number): SourceSite | undefined {
  const map = findSourceMap(bundleFile);
  if (!map) return undefined;
  const entry = map.findEntry(line - 1, column - 1) as {
    originalSource?: string;
    originalLine?: number;
    originalColumn?: number;
  };
  if (!entry?.originalSource || entry.originalLine === undefined) return undefined;
  return { file: toPath(entry.originalSource), line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}

/** The first stack frame that runs inside `bundleFile`, as raw bundle positions. */
function bundleFrame(bundleFile: string): { line: number; column: number } | undefined {
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
  for (const f of frames) {
    if (f.getFileName() === bundleFile) return { line: f.getLineNumber() ?? 1, column: f.getColumnNumber() ?? 1 };
  }
  return undefined;
}

/** A capture for src/model/source-site: positions are taken now and mapped only when asked for. */
export function bundleSiteCapture(bundleFile: string): SiteCapture {
  return () => {
    const at = bundleFrame(bundleFile);
    if (!at) return undefined;
    let site: SourceSite | undefined | null = null;
    return () => {
      if (site === null) site = originalSite(bundleFile, at.line, at.column);
      return site;
    };
  };
}
