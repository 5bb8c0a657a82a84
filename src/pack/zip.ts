/**
 * Deterministic zips with archiver. Every entry gets the same date and mode and the entries are
 * written in sorted order, so the same files always give byte-identical archives (a rebuild can
 * be compared by sha256, and a package checked in CI does not churn).
 */
import type archiverType from 'archiver';
import { PassThrough } from 'node:stream';
import { assertSafeRelativePath, type FileMap } from '../io/atomic-write';

/** 2000-01-01 UTC: any fixed date after the DOS epoch (1980) would do; archiver stores UTC. */
export const ZIP_ENTRY_DATE = new Date('2000-01-01T00:00:00Z');
export const ZIP_ENTRY_MODE = 0o644;

export function toBytes(data: string | Uint8Array): Buffer {
  return typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Zips `files` (relative path -> bytes) in memory. Refuses absolute paths and `..`. */
export async function zipFiles(files: FileMap): Promise<Buffer> {
  const names = [...files.keys()].sort();
  for (const name of names) assertSafeRelativePath(name);
  // Loaded here, not with the module: archiver and its dependencies take about 80 ms to load, and
  // `pcdk --help` registers the pack command without writing any zip.
  const archiver = require('archiver') as typeof archiverType;
  return new Promise((resolve, reject) => {
    const archive = archiver('zip', { zlib: { level: 9 } });
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    sink.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
    archive.on('warning', reject);
    archive.pipe(sink);
    for (const name of names) {
      archive.append(toBytes(files.get(name)!), { name, date: ZIP_ENTRY_DATE, mode: ZIP_ENTRY_MODE });
    }
    void archive.finalize();
  });
}
