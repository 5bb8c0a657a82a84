/**
 * `pcdk pack`: every package for one connector, built in memory, read back and checked, and
 * written to dist/<id>/packages/ in one atomic step only when nothing is wrong, so a failed pack
 * leaves the previous packages as they were.
 *
 *   connector.zip               paconn / pac connector / manual upload
 *   <Solution>.zip              Dataverse solution for `pac solution import`
 *   azuredeploy.json            Logic Apps custom API (ARM)
 *   openapi.json, openapi.yaml  OpenAPI 3.0
 *   intro.md                    certification intro
 *   apiDefinition.swagger.*    with --format json / yaml
 *   <id>-certification.zip      with a Package Deployer package and a flow solution
 */
import * as path from 'node:path';
import type { Connector } from '../model/connector';
import { validateConnectorFiles } from '../synth/connector-folder-artifact';
import { jsonText } from '../emit/json';
import type { SwaggerDocument } from '../swagger/document';
import { isObject, type Found } from '../swagger/found';
import { writeDirAtomic } from '../io/atomic-write';
import { validateDescriptor } from '../validate/descriptor-rules';
import { KnownFindings } from '../validate/known-findings';
import { hasErrors, type Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { emitArmTemplate } from '../emit/arm-template';
import { checkArmTemplate } from './arm-template-check';
import { checkCertificationPackage } from './certification-check';
import { buildCertificationPackage, type CertificationInputs } from './certification-package';
import { connectorFolder, connectorZip, type ConnectorExtras, type ConnectorFolder } from './connector-package';
import { emitIntro } from '../emit/intro';
import { emitOpenApi3 } from '../emit/openapi3';
import { validateOpenApi3 } from './openapi3-check';
import { pngSize } from './png';
import { scanForSecrets, secretsFromEnv, withZipMembers } from './secret-scan';
import { buildSolutionPackage, solutionZip } from './solution-package';
import { resolveSolutionSettings, type SolutionOptions, type SolutionSettings } from './solution-settings';
import { swaggerFileName, swaggerText, yamlText, type SwaggerFormat } from './swagger-format';
import { zipFiles } from './zip';

export const PACKAGE_FILES = {
  connectorZip: 'connector.zip',
  armTemplate: 'azuredeploy.json',
  openapiJson: 'openapi.json',
  openapiYaml: 'openapi.yaml',
  intro: 'intro.md',
} as const;

export interface PackOptions {
  /** Output root: packages go to <outDir>/<id>/packages/. */
  outDir: string;
  extras?: ConnectorExtras & { iconPath?: string };
  solution?: SolutionOptions;
  /** Swagger formats also written beside the packages as apiDefinition.swagger.<format>. */
  formats?: readonly SwaggerFormat[];
  certification?: CertificationInputs & { plugin?: boolean };
  /** Folder with the official schemas (layer 3 on the connector files), when given. */
  schemasDir?: string;
  /** Environment searched for secret values (default process.env). */
  env?: NodeJS.ProcessEnv;
  dryRun?: boolean;
}

export interface PackResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** dist/<id>/packages */
  packagesDir: string;
  /** file name -> bytes, as written (or as they would be) */
  files: Map<string, Buffer>;
  notes: string[];
}

export async function packConnector(c: Connector, o: PackOptions): Promise<PackResult> {
  const packagesDir = path.join(o.outDir, c.id, 'packages');
  // An imported connector's known findings are warnings here as in build and validate; the
  // package layers' own checks (icon, solution, ARM, secrets) are never baselined.
  const known = KnownFindings.of(c);
  const result: PackResult = {
    ok: false,
    diagnostics: known.apply(validateDescriptor(c)),
    packagesDir,
    files: new Map(),
    notes: [],
  };
  const d = result.diagnostics;
  if (hasErrors(d)) return result;
  const extras = o.extras ?? {};
  d.push(...iconDiagnostics(c, extras));
  const settings = resolveSolutionSettings(c, o.solution);
  d.push(...settings.diagnostics);
  if (hasErrors(d)) return result;

  // 1. the paconn folder, validated like the build validates it
  const folder = connectorFolder(c, extras);
  d.push(...known.apply(await validateConnectorFiles(c.id, folder.files, o.schemasDir)));
  // The folder's own text read back, so every package carries what the folder holds.
  const parsed: unknown = JSON.parse(folder.swaggerText);
  const swagger: Found<SwaggerDocument> = isObject(parsed) ? parsed : {};
  const pkg = packageFiles(d);
  pkg.add(PACKAGE_FILES.connectorZip, await connectorZip(folder));
  // 2. the Dataverse solution
  const solution = await addSolution(pkg, c, folder, settings.settings!);
  // 3. the ARM template
  const template = emitArmTemplate(c, swagger, folder.apiProperties, folder.icon);
  d.push(...(await checkArmTemplate(template, { connector: c.id, file: PACKAGE_FILES.armTemplate })));
  pkg.add(PACKAGE_FILES.armTemplate, jsonText(template));
  // 4. OpenAPI 3.0, and the swagger in the extra formats
  await addOpenApi(pkg, c, swagger, folder.swaggerText, o.formats ?? []);
  // 5. intro.md and, given its inputs, the certification package
  const intro = emitIntro(c);
  pkg.add(PACKAGE_FILES.intro, intro);
  if (o.certification && solution)
    result.notes.push(...(await addCertificationPackage(pkg, c, solution, o.certification, intro)));

  // What is scanned is what would be written, every zip opened down to its innermost members.
  d.push(...scanForSecrets(await withZipMembers(pkg.files), secretsFromEnv(o.env ?? process.env), c.id));
  result.files = pkg.files;
  if (hasErrors(d)) return result;
  if (!o.dryRun) writeDirAtomic(packagesDir, pkg.files);
  result.ok = true;
  return result;
}

/** The package files being assembled, and where their findings go. */
interface PackageFiles {
  files: Map<string, Buffer>;
  diagnostics: Diagnostic[];
  add(name: string, data: string | Buffer): void;
}

function packageFiles(diagnostics: Diagnostic[]): PackageFiles {
  const files = new Map<string, Buffer>();
  return {
    files,
    diagnostics,
    add: (name, data) => {
      files.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    },
  };
}

/** Dataverse stores a connector icon as a PNG of at most 144x144. */
function iconDiagnostics(c: Connector, extras: NonNullable<PackOptions['extras']>): Diagnostic[] {
  const icon = extras.icon ?? c.icon;
  if (!icon) return [];
  const size = pngSize(icon);
  const file = extras.iconPath ?? 'icon.png';
  const invalid = (reason: string) => [diagnostic('icon-invalid', { file, reason }, { connector: c.id, file })];
  if (!size) return invalid('it does not start with the PNG signature and an IHDR chunk');
  if (size.width > 144 || size.height > 144)
    return invalid(`it is ${size.width}x${size.height}; Dataverse stores icons of at most 144x144`);
  return [];
}

async function addSolution(
  pkg: PackageFiles,
  c: Connector,
  folder: ConnectorFolder,
  settings: SolutionSettings,
): Promise<{ fileName: string; bytes: Buffer } | undefined> {
  const sol = buildSolutionPackage(c, folder, settings);
  pkg.diagnostics.push(...sol.diagnostics);
  if (!sol.solution) return undefined;
  const bytes = await solutionZip(sol.solution);
  pkg.add(sol.solution.fileName, bytes);
  return { fileName: sol.solution.fileName, bytes };
}

async function addOpenApi(
  pkg: PackageFiles,
  c: Connector,
  swagger: Found<SwaggerDocument>,
  swaggerJson: string,
  formats: readonly SwaggerFormat[],
): Promise<void> {
  const openapi = emitOpenApi3(swagger);
  pkg.diagnostics.push(...(await validateOpenApi3(openapi, { connector: c.id, file: PACKAGE_FILES.openapiJson })));
  pkg.add(PACKAGE_FILES.openapiJson, jsonText(openapi));
  pkg.add(PACKAGE_FILES.openapiYaml, yamlText(openapi));
  for (const format of new Set(formats)) {
    // JSON is the connector folder's own file, byte for byte; YAML is the same value.
    pkg.add(swaggerFileName(format), format === 'json' ? swaggerJson : swaggerText(swagger, format));
  }
}

/** The certification package, checked as ConnectorPackageValidator.ps1 would; returns its notes. */
async function addCertificationPackage(
  pkg: PackageFiles,
  c: Connector,
  solution: { fileName: string; bytes: Buffer },
  inputs: NonNullable<PackOptions['certification']>,
  intro: string,
): Promise<string[]> {
  const cert = await buildCertificationPackage(c.id, solution, inputs, intro);
  pkg.diagnostics.push(...cert.diagnostics);
  if (!cert.pkg) return [];
  const bytes = await zipFiles(cert.pkg.files);
  pkg.add(cert.pkg.fileName, bytes);
  const check = await checkCertificationPackage(bytes, cert.pkg.fileName, { plugin: inputs.plugin, connector: c.id });
  pkg.diagnostics.push(...check.diagnostics);
  return cert.pkg.notes;
}
