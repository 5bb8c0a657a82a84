/**
 * The certification package layout, checked the way Microsoft's ConnectorPackageValidator.ps1
 * checks it (reference/power-platform.md §5), but reporting every deviation instead of stopping
 * at the first:
 *
 *   <outer>.zip            exactly one *.md and one *.zip, no folders
 *   └── <package>.zip      exactly one folder (PkgAssets)
 *       └── PkgAssets/     no sub-folders; 2 solution zips (3 with an AI plugin)
 *           └── <solution>.zip  [Content_Types].xml, customizations.xml, solution.xml;
 *               classified by customizations.xml: Connector only = connector solution,
 *               Connector + Workflows = flow solution, Connector + aicopilot_aiplugin = plugin;
 *               each needs the matching folders (Connector/, Workflows/, aiplugins/, aipluginoperations/).
 */
import type { Diagnostic, Location } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { hasContent, xmlElements } from './xml-nodes';
import { isUnsafeZipPath, readZip, type ZipEntry, ZipReadError } from './zip-read';

export interface CertificationCheckOptions {
  /** The connector has an AI plugin: a third (plugin) solution is required. */
  plugin?: boolean;
  /** Label for diagnostics' connector field (the connector id, or the zip's name). */
  connector?: string;
}

export type SolutionKind = 'connector' | 'flow' | 'plugin' | 'other';

export interface SolutionSummary {
  path: string;
  kind: SolutionKind;
}

export interface CertificationCheckResult {
  diagnostics: Diagnostic[];
  /** The package zip and assets folder found, and each solution's classification. */
  packageZip?: string;
  assetsFolder?: string;
  solutions: SolutionSummary[];
}

export const REQUIRED_SOLUTION_FILES = ['[Content_Types].xml', 'customizations.xml', 'solution.xml'] as const;

interface Level {
  /** files directly in the folder */
  files: ZipEntry[];
  /** names of the sub-folders directly in it */
  folders: string[];
}

/** What Expand-Archive would put directly in `prefix` (folders implied by deeper paths). */
function level(entries: readonly ZipEntry[], prefix = ''): Level {
  const files: ZipEntry[] = [];
  const folders = new Set<string>();
  for (const e of entries) {
    if (!e.path.startsWith(prefix)) continue;
    const rest = e.path.slice(prefix.length);
    if (!rest) continue; // the folder's own entry
    const slash = rest.indexOf('/');
    if (slash === -1) files.push(e);
    else folders.add(rest.slice(0, slash));
  }
  return { files, folders: [...folders].sort() };
}

const ext = (name: string, e: string): boolean => name.toLowerCase().endsWith(e);
const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** What the level checks share: where findings go, and how a nested zip is opened. */
interface CheckContext {
  out: CertificationCheckResult;
  loc(file: string): Location;
  add(d: Diagnostic): void;
  open(data: Uint8Array, file: string): Promise<ZipEntry[] | undefined>;
}

function checkContext(connector: string): CheckContext {
  const out: CertificationCheckResult = { diagnostics: [], solutions: [] };
  const loc = (file: string): Location => ({ connector, file });
  const add = (d: Diagnostic): void => {
    out.diagnostics.push(d);
  };
  const open = async (data: Uint8Array, file: string): Promise<ZipEntry[] | undefined> => {
    try {
      const entries = await readZip(data);
      for (const e of entries)
        if (isUnsafeZipPath(e.path)) add(diagnostic('zip-path-unsafe', { path: e.path }, loc(file)));
      return entries.filter((e) => !isUnsafeZipPath(e.path));
    } catch (e) {
      if (!(e instanceof ZipReadError)) throw e;
      add(diagnostic('cert-zip-unreadable', { reason: e.message }, loc(file)));
      return undefined;
    }
  };
  return { out, loc, add, open };
}

/**
 * The certification package's layout, level by level, as ConnectorPackageValidator.ps1 checks
 * it: the outer zip (one intro .md, one package zip), the Package Deployer package (one assets
 * folder), the assets (the solution zips and ImportConfig.xml), and each solution.
 */
export async function checkCertificationPackage(
  bytes: Uint8Array,
  zipName: string,
  o: CertificationCheckOptions = {},
): Promise<CertificationCheckResult> {
  const cx = checkContext(o.connector ?? zipName);
  const pkg = await checkOuterZip(cx, bytes, zipName);
  if (!pkg) return cx.out;
  const pkgPath = `${zipName}/${pkg.path}`;
  cx.out.packageZip = pkg.path;
  const inner = await cx.open(pkg.data, pkgPath);
  if (!inner) return cx.out;
  const assets = checkPackageZip(cx, inner, pkgPath);
  if (!assets) return cx.out;
  cx.out.assetsFolder = assets;
  const assetsPath = `${pkgPath}/${assets}`;

  const l3 = level(inner, `${assets}/`);
  if (l3.folders.length)
    cx.add(diagnostic('cert-assets-has-folders', { folders: l3.folders.join(', ') }, cx.loc(assetsPath)));
  const solutionZips = l3.files.filter((f) => ext(f.path, '.zip'));
  const expected = o.plugin ? 3 : 2;
  if (solutionZips.length !== expected)
    cx.add(diagnostic('cert-solution-count', { count: solutionZips.length, expected }, cx.loc(assetsPath)));
  for (const sol of solutionZips)
    cx.out.solutions.push({
      path: sol.path,
      kind: await checkSolution(cx, sol, `${pkgPath}/${sol.path}`, o.plugin === true),
    });
  if (solutionZips.length) checkSolutionKinds(cx, o.plugin === true, assetsPath);
  cx.out.diagnostics.push(...checkImportConfig(inner, assets, solutionZips, cx.out.solutions, cx.loc(assetsPath)));
  return cx.out;
}

/** Level 1: only files, one intro .md and one package zip; returns that zip. */
async function checkOuterZip(cx: CheckContext, bytes: Uint8Array, zipName: string): Promise<ZipEntry | undefined> {
  const outer = await cx.open(bytes, zipName);
  if (!outer) return undefined;
  const l1 = level(outer);
  if (l1.folders.length)
    cx.add(diagnostic('cert-outer-has-folders', { folders: l1.folders.join(', ') }, cx.loc(zipName)));
  const mds = l1.files.filter((f) => ext(f.path, '.md'));
  const zips = l1.files.filter((f) => ext(f.path, '.zip'));
  if (mds.length !== 1) cx.add(diagnostic('cert-intro-count', { count: mds.length }, cx.loc(zipName)));
  if (zips.length !== 1) cx.add(diagnostic('cert-package-zip-count', { count: zips.length }, cx.loc(zipName)));
  return zips[0];
}

/** Level 2: the Package Deployer package holds one assets folder; returns its name. */
function checkPackageZip(cx: CheckContext, inner: ZipEntry[], pkgPath: string): string | undefined {
  const l2 = level(inner);
  if (l2.folders.length !== 1)
    cx.add(
      diagnostic(
        'cert-assets-folder-count',
        { count: l2.folders.length, folders: l2.folders.join(', ') || 'none' },
        cx.loc(pkgPath),
      ),
    );
  if (!l2.folders.length) return undefined;
  return l2.folders.includes('PkgAssets') ? 'PkgAssets' : l2.folders[0]!;
}

/** One solution zip: its required files, what customizations.xml says it holds, and the folders that needs. */
async function checkSolution(cx: CheckContext, sol: ZipEntry, solPath: string, plugin: boolean): Promise<SolutionKind> {
  const entries = await cx.open(sol.data, solPath);
  if (!entries) return 'other';
  const top = level(entries);
  const names = new Set(top.files.map((f) => f.path));
  const missing = REQUIRED_SOLUTION_FILES.filter((f) => !names.has(f));
  if (missing.length) {
    cx.add(diagnostic('cert-solution-files-missing', { missing: missing.join(', ') }, cx.loc(solPath)));
    return 'other';
  }
  const xml = top.files
    .find((f) => f.path === 'customizations.xml')!
    .data.toString('utf8')
    .replace(/^\uFEFF/, '');
  const parsed = xmlElements(xml);
  if (!parsed.elements) {
    cx.add(
      diagnostic('cert-customizations-invalid', { reason: parsed.error! }, cx.loc(`${solPath}/customizations.xml`)),
    );
    return 'other';
  }
  const hasConnector = hasContent(parsed.elements, 'Connector');
  const hasWorkflows = hasContent(parsed.elements, 'Workflows');
  const hasPlugin = plugin && hasContent(parsed.elements, 'aicopilot_aiplugin');
  const needed = [
    ...(hasConnector || hasWorkflows || hasPlugin ? ['Connector'] : []),
    ...(hasWorkflows ? ['Workflows'] : []),
    ...(hasPlugin ? ['aiplugins', 'aipluginoperations'] : []),
  ];
  const absent = needed.filter((f) => !top.folders.includes(f));
  if (absent.length)
    cx.add(diagnostic('cert-solution-folder-missing', { folders: absent.join(', ') }, cx.loc(solPath)));
  if (!hasConnector) return 'other';
  if (hasWorkflows) return hasPlugin ? 'other' : 'flow';
  return hasPlugin ? 'plugin' : 'connector';
}

/** The solutions together: a connector solution, a flow solution, and the plugin's when declared. */
function checkSolutionKinds(cx: CheckContext, plugin: boolean, assetsPath: string): void {
  const kinds = new Set(cx.out.solutions.map((s) => s.kind));
  if (!kinds.has('connector')) cx.add(diagnostic('cert-connector-solution-missing', {}, cx.loc(assetsPath)));
  if (!kinds.has('flow')) cx.add(diagnostic('cert-flow-solution-missing', {}, cx.loc(assetsPath)));
  if (plugin && !kinds.has('plugin')) cx.add(diagnostic('cert-plugin-solution-missing', {}, cx.loc(assetsPath)));
}

/**
 * Beyond the script: Package Deployer imports the solutions ImportConfig.xml lists, in order, so
 * a solution zip it does not list is never imported, and the connector must come before the
 * flow that uses it.
 */
function checkImportConfig(
  inner: readonly ZipEntry[],
  assets: string,
  solutionZips: readonly ZipEntry[],
  solutions: readonly SolutionSummary[],
  where: Location,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const config = inner.find((e) => e.path.toLowerCase() === `${assets}/importconfig.xml`.toLowerCase());
  if (!config) return out;
  const text = config.data.toString('utf8').replace(/^\uFEFF/, '');
  const listed = [...text.matchAll(/solutionpackagefilename\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
  const at = { ...where, file: `${where.file}/${base(config.path)}` };
  for (const sol of solutionZips) {
    if (!listed.includes(base(sol.path)))
      out.push(
        diagnostic(
          'cert-import-config-mismatch',
          { reason: `${base(sol.path)} is not listed as a configsolutionfile, so Package Deployer will not import it` },
          at,
        ),
      );
  }
  const conn = solutions.find((s) => s.kind === 'connector');
  const flow = solutions.find((s) => s.kind === 'flow');
  if (conn && flow) {
    const ci = listed.indexOf(base(conn.path));
    const fi = listed.indexOf(base(flow.path));
    if (ci >= 0 && fi >= 0 && fi < ci)
      out.push(
        diagnostic(
          'cert-import-config-mismatch',
          {
            reason: `the flow solution ${base(flow.path)} is imported before the connector solution ${base(conn.path)}`,
          },
          at,
        ),
      );
  }
  return out;
}
