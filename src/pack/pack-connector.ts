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
import { hasErrors, type Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { emitArmTemplate } from './arm-template';
import { checkArmTemplate } from './arm-template-check';
import { checkCertificationPackage } from './certification-check';
import { buildCertificationPackage, type CertificationInputs } from './certification-package';
import { connectorFolder, connectorZip, type ConnectorExtras } from './connector-package';
import { emitIntro } from './intro';
import { emitOpenApi3, validateOpenApi3 } from './openapi3';
import { pngSize } from './png';
import { scanForSecrets, secretsFromEnv, withZipMembers } from './secret-scan';
import { emitSolution, solutionZip } from './solution-package';
import { resolveSolutionSettings, type SolutionOptions } from './solution-settings';
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
  const result: PackResult = {
    ok: false,
    diagnostics: validateDescriptor(c),
    packagesDir,
    files: new Map(),
    notes: [],
  };
  const d = result.diagnostics;
  if (hasErrors(d)) return result;

  const extras = o.extras ?? {};
  const icon = extras.icon ?? c.icon;
  if (icon) {
    const size = pngSize(icon);
    const file = extras.iconPath ?? 'icon.png';
    if (!size)
      d.push(
        diagnostic(
          'icon-invalid',
          { file, reason: 'it does not start with the PNG signature and an IHDR chunk' },
          { connector: c.id, file },
        ),
      );
    else if (size.width > 144 || size.height > 144)
      d.push(
        diagnostic(
          'icon-invalid',
          { file, reason: `it is ${size.width}x${size.height}; Dataverse stores icons of at most 144x144` },
          { connector: c.id, file },
        ),
      );
  }
  const settings = resolveSolutionSettings(c, o.solution);
  d.push(...settings.diagnostics);
  if (hasErrors(d)) return result;

  // 1. the paconn folder, validated like the build validates it
  const folder = connectorFolder(c, extras);
  d.push(...(await validateConnectorFiles(c.id, folder.files, o.schemasDir)));
  // The folder's own text read back, so every package carries what the folder holds.
  const parsed: unknown = JSON.parse(folder.swaggerText);
  const swagger: Found<SwaggerDocument> = isObject(parsed) ? parsed : {};
  const out = new Map<string, Buffer>();
  const add = (name: string, data: string | Buffer): void => {
    out.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  };
  add(PACKAGE_FILES.connectorZip, await connectorZip(folder));

  // 2. the Dataverse solution
  const sol = emitSolution(c, folder, settings.settings!);
  d.push(...sol.diagnostics);
  let solutionBytes: Buffer | undefined;
  if (sol.solution) {
    solutionBytes = await solutionZip(sol.solution);
    add(sol.solution.fileName, solutionBytes);
  }

  // 3. the ARM template
  const template = emitArmTemplate(c, swagger, folder.apiProperties, folder.icon);
  d.push(...(await checkArmTemplate(template, { connector: c.id, file: PACKAGE_FILES.armTemplate })));
  add(PACKAGE_FILES.armTemplate, jsonText(template));

  // 4. OpenAPI 3.0, and the swagger in the extra formats
  const openapi = emitOpenApi3(swagger);
  d.push(...(await validateOpenApi3(openapi, { connector: c.id, file: PACKAGE_FILES.openapiJson })));
  add(PACKAGE_FILES.openapiJson, jsonText(openapi));
  add(PACKAGE_FILES.openapiYaml, yamlText(openapi));
  for (const format of new Set(o.formats ?? [])) {
    // JSON is the connector folder's own file, byte for byte; YAML is the same value.
    add(swaggerFileName(format), format === 'json' ? folder.swaggerText : swaggerText(swagger, format));
  }

  // 5. intro.md and, given its inputs, the certification package
  const intro = emitIntro(c);
  add(PACKAGE_FILES.intro, intro);
  if (o.certification && sol.solution && solutionBytes) {
    const cert = await buildCertificationPackage(
      c.id,
      { fileName: sol.solution.fileName, bytes: solutionBytes },
      o.certification,
      intro,
    );
    d.push(...cert.diagnostics);
    if (cert.pkg) {
      result.notes.push(...cert.pkg.notes);
      const bytes = await zipFiles(cert.pkg.files);
      add(cert.pkg.fileName, bytes);
      const check = await checkCertificationPackage(bytes, cert.pkg.fileName, {
        plugin: o.certification.plugin,
        connector: c.id,
      });
      d.push(...check.diagnostics);
    }
  }

  // What is scanned is what would be written, every zip opened down to its innermost members.
  d.push(...scanForSecrets(await withZipMembers(out), secretsFromEnv(o.env ?? process.env), c.id));
  result.files = out;
  if (hasErrors(d)) return result;
  if (!o.dryRun) writeDirAtomic(packagesDir, out);
  result.ok = true;
  return result;
}
