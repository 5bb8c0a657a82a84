/**
 * The certification package: an outer zip with intro.md and the Package Deployer package, whose
 * assets folder carries the connector solution pcdk builds and the flow solution the author
 * exported. The Package Deployer package itself (`pac package` + `dotnet publish`) and the flow
 * (a real flow that uses the connector) cannot be synthesised, so they are inputs; pcdk puts the
 * freshly built connector solution in, replacing the solution zips already there, and zips the
 * result deterministically.
 */
import * as path from 'node:path';
import { assertSafeRelativePath } from '../io/atomic-write';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { readZip, ZipReadError, type ZipEntry } from './zip-read';
import { zipFiles } from './zip';

export interface InputFile {
  /** Path as given (for messages) */
  path: string;
  bytes: Uint8Array;
}

export interface CertificationInputs {
  pdpkg: InputFile;
  flowSolution: InputFile;
}

export interface CertificationPackage {
  fileName: string;
  packageFileName: string;
  /** outer entry path -> bytes */
  files: Map<string, string | Uint8Array>;
  /** the files of the rebuilt Package Deployer package (path -> bytes) */
  packageFiles: Map<string, Uint8Array>;
  /** what was replaced in the Package Deployer package */
  notes: string[];
}

export const INTRO_FILE = 'intro.md';
export const DEFAULT_ASSETS_FOLDER = 'PkgAssets';

export async function buildCertificationPackage(
  connectorId: string,
  solution: { fileName: string; bytes: Uint8Array },
  inputs: CertificationInputs,
  intro: string,
): Promise<{ pkg?: CertificationPackage; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const pdpkgName = path.basename(inputs.pdpkg.path);
  const flowName = path.basename(inputs.flowSolution.path);
  for (const [opt, name] of [
    ['--pdpkg', pdpkgName],
    ['--flow-solution', flowName],
  ] as const) {
    if (!name.toLowerCase().endsWith('.zip'))
      diagnostics.push(
        diagnostic(
          'pack-setting-invalid',
          { setting: opt, value: name, reason: 'the file must be a .zip' },
          { connector: connectorId, field: opt.slice(2) },
        ),
      );
  }
  if (flowName === solution.fileName) {
    diagnostics.push(
      diagnostic(
        'pack-setting-invalid',
        {
          setting: '--flow-solution',
          value: flowName,
          reason: `it has the same file name as the connector solution; rename one (see --solution)`,
        },
        { connector: connectorId, field: 'flow-solution' },
      ),
    );
  }
  for (const [input, file] of [[inputs.flowSolution, flowName]] as const) {
    try {
      await readZip(input.bytes);
    } catch (e) {
      if (!(e instanceof ZipReadError)) throw e;
      diagnostics.push(diagnostic('cert-zip-unreadable', { reason: e.message }, { connector: connectorId, file }));
    }
  }
  let entries: ZipEntry[] | undefined;
  try {
    entries = await readZip(inputs.pdpkg.bytes);
  } catch (e) {
    if (!(e instanceof ZipReadError)) throw e;
    diagnostics.push(
      diagnostic('cert-zip-unreadable', { reason: e.message }, { connector: connectorId, file: pdpkgName }),
    );
  }
  for (const e of (entries ?? []).filter((x) => !x.dir)) {
    try {
      assertSafeRelativePath(e.path);
    } catch {
      diagnostics.push(diagnostic('zip-path-unsafe', { path: e.path }, { connector: connectorId, file: pdpkgName }));
    }
  }
  if (!entries || diagnostics.length) return { diagnostics };

  const folders = [
    ...new Set(entries.filter((e) => e.path.includes('/')).map((e) => e.path.slice(0, e.path.indexOf('/')))),
  ].sort();
  const assets = folders.includes(DEFAULT_ASSETS_FOLDER)
    ? DEFAULT_ASSETS_FOLDER
    : (folders[0] ?? DEFAULT_ASSETS_FOLDER);
  const notes: string[] = [];
  const packageFiles = new Map<string, Uint8Array>();
  for (const e of entries) {
    // Folders are implied by the paths of the files in them.
    if (e.dir) continue;
    const inAssets = e.path.startsWith(`${assets}/`) && !e.path.slice(assets.length + 1).includes('/');
    // Solution zips already in the package are what ours and the given flow replace.
    if (inAssets && e.path.toLowerCase().endsWith('.zip')) {
      notes.push(`replaced ${pdpkgName}/${e.path}`);
      continue;
    }
    packageFiles.set(e.path, e.data);
  }
  packageFiles.set(`${assets}/${solution.fileName}`, solution.bytes);
  packageFiles.set(`${assets}/${flowName}`, inputs.flowSolution.bytes);
  const packageZip = await zipFiles(packageFiles);
  const files = new Map<string, string | Uint8Array>([
    [INTRO_FILE, intro],
    [pdpkgName, packageZip],
  ]);
  return {
    pkg: { fileName: `${connectorId}-certification.zip`, packageFileName: pdpkgName, files, packageFiles, notes },
    diagnostics,
  };
}
