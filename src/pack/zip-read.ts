/**
 * Reading zips back (for `pack --check` and for repackaging a Package Deployer package). Entry
 * names are taken as stored (jszip's unsafeOriginalName), so a `..` or absolute path is seen and
 * reported instead of being silently normalised away.
 */
import type JSZip from 'jszip';
import { PcdkError } from '../errors';

export interface ZipEntry {
  /** The name as stored in the archive, forward slashes; a folder entry ends with "/". */
  path: string;
  data: Buffer;
  /** An explicit folder entry: extracting it creates a folder even when it holds no files. */
  dir?: true;
}

export class ZipReadError extends PcdkError {
  override name = 'ZipReadError' as const;
}

/**
 * Limits on one archive (nested zips are read one level at a time, each under the same limits).
 * A certification package holds two or three solutions of a few files each, a swagger of at most
 * 1 MB and an icon; 256 MiB and 10,000 entries leave ample room while keeping a crafted zip from
 * exhausting memory.
 */
export const ZIP_LIMITS = { maxBytes: 256 * 1024 * 1024, maxEntries: 10_000 } as const;

/** The uncompressed size the zip's central directory declares for an entry (jszip keeps it, untyped). */
function declaredSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && size > 0 ? size : 0;
}

/** One entry's data; a corrupt entry (bad CRC, bad deflate stream, wrong size) is a ZipReadError. */
async function inflate(file: JSZip.JSZipObject, stored: string): Promise<Buffer> {
  try {
    return await file.async('nodebuffer');
  } catch (e) {
    throw new ZipReadError(`${stored} cannot be unpacked (${(e as Error).message})`);
  }
}

/** Entries in archive order, explicit folder entries included (they count as folders once extracted). */
export async function readZip(bytes: Uint8Array): Promise<ZipEntry[]> {
  let zip: JSZip;
  try {
    // Loaded on first use: `pcdk --help` registers the pack command without reading any zip.
    const JSZipClass = require('jszip') as typeof JSZip;
    zip = await JSZipClass.loadAsync(bytes, { createFolders: false });
  } catch (e) {
    throw new ZipReadError(`not a readable zip archive (${(e as Error).message})`);
  }
  const files = Object.values(zip.files);
  // A zip is user input: refuse a bomb by the sizes its directory declares, before inflating
  // anything (jszip then fails an entry whose data inflates past its declared size).
  if (files.length > ZIP_LIMITS.maxEntries)
    throw new ZipReadError(`it holds ${files.length} entries; at most ${ZIP_LIMITS.maxEntries} are read`);
  const declared = files.reduce((n, f) => n + declaredSize(f), 0);
  if (declared > ZIP_LIMITS.maxBytes)
    throw new ZipReadError(
      `its entries unpack to ${declared} bytes; at most ${ZIP_LIMITS.maxBytes} are read (a zip bomb, or not a connector package)`,
    );
  const out: ZipEntry[] = [];
  for (const file of files) {
    const stored = (file.unsafeOriginalName ?? file.name).replace(/\\/g, '/');
    if (file.dir) out.push({ path: stored.endsWith('/') ? stored : `${stored}/`, data: Buffer.alloc(0), dir: true });
    else out.push({ path: stored, data: await inflate(file, stored) });
  }
  return out;
}

/** True for names that would escape the folder they are extracted into. */
export function isUnsafeZipPath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').some((seg) => seg === '..');
}
