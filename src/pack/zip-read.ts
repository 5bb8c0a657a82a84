/**
 * Reading zips back (for `pack --check` and for repackaging a Package Deployer package). Entry
 * names are taken as stored (jszip's unsafeOriginalName), so a `..` or absolute path is seen and
 * reported instead of being silently normalised away.
 */
import JSZip from 'jszip';
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

/** Entries in archive order, explicit folder entries included (they count as folders once extracted). */
export async function readZip(bytes: Uint8Array): Promise<ZipEntry[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { createFolders: false });
  } catch (e) {
    throw new ZipReadError(`not a readable zip archive (${(e as Error).message})`);
  }
  const out: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    const stored = (file.unsafeOriginalName ?? file.name).replace(/\\/g, '/');
    if (file.dir) out.push({ path: stored.endsWith('/') ? stored : `${stored}/`, data: Buffer.alloc(0), dir: true });
    else out.push({ path: stored, data: await file.async('nodebuffer') });
  }
  return out;
}

/** True for names that would escape the folder they are extracted into. */
export function isUnsafeZipPath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').some((seg) => seg === '..');
}
