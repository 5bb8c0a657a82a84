/**
 * `pcdk pack <ids...>`: write dist/<id>/packages/ (connector.zip, the Dataverse solution, the
 * Logic Apps ARM template, OpenAPI 3, intro.md, and with --pdpkg/--flow-solution the
 * certification package). `pcdk pack --check <zip>`: check an existing certification package's
 * layout the way ConnectorPackageValidator.ps1 does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { checkCertificationPackage } from '../../pack/certification-check';
import { ICON_FILE, SCRIPT_FILE } from '../../pack/connector-package';
import { packConnector } from '../../pack/pack-connector';
import { SWAGGER_FORMATS, type SwaggerFormat } from '../../pack/swagger-format';
import { hasErrors } from '../../diagnostics';
import { UserError } from '../../errors';
import {
  loadConnectorFor,
  printDiagnostics,
  projectFrom,
  schemasDirFrom,
  withProjectOptions,
} from '../project-options';

interface PackCliOptions {
  out?: string;
  definitions?: string;
  schemas?: string;
  format: SwaggerFormat[];
  solution?: string;
  solutionName?: string;
  publisher?: string;
  publisherName?: string;
  prefix?: string;
  optionValuePrefix?: number;
  icon?: string;
  script?: string;
  pdpkg?: string;
  flowSolution?: string;
  plugin?: boolean;
  check?: string;
}

function readInput(file: string, option: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `${option} ${file}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : (code ?? (e as Error).message)})`,
    );
  }
}

function collectFormat(value: string, previous: SwaggerFormat[]): SwaggerFormat[] {
  if (!SWAGGER_FORMATS.includes(value as SwaggerFormat))
    throw new InvalidArgumentError(`use one of ${SWAGGER_FORMATS.join(', ')}`);
  return [...previous, value as SwaggerFormat];
}

function parseOptionValuePrefix(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a whole number from 10000 to 99999');
  return Number(value);
}

/** An icon or script next to the descriptors is picked up unless one is given explicitly. */
function extraFile(explicit: string | undefined, definitionsDir: string, id: string, name: string): string | undefined {
  if (explicit) return explicit;
  const beside = path.join(definitionsDir, id, name);
  return fs.existsSync(beside) ? beside : undefined;
}

async function checkOnly(zip: string, plugin: boolean): Promise<void> {
  const result = await checkCertificationPackage(readInput(zip, '--check'), path.basename(zip), { plugin });
  printDiagnostics(result.diagnostics);
  const summary = result.solutions.map((s) => `${s.path} (${s.kind})`).join(', ') || 'none';
  if (hasErrors(result.diagnostics)) {
    process.stderr.write(
      `pcdk: ${zip}: ${result.diagnostics.filter((d) => d.severity === 'error').length} layout problem(s); solutions found: ${summary}\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`pcdk: ${zip}: the certification package layout is correct; solutions: ${summary}\n`);
  }
}

export function registerPack(program: Command): void {
  const cmd = program
    .command('pack')
    .description(
      'write dist/<id>/packages/: connector.zip, Dataverse solution, Logic Apps ARM template, OpenAPI 3, intro.md, certification package; or --check a certification package',
    )
    .argument('[ids...]', 'connector ids (folders under definitions/)')
    .option('--schemas <dir>', 'folder with the official Power Platform JSON schemas (or PCDK_SCHEMAS)')
    .option(
      '--format <format>',
      'also write the swagger as apiDefinition.swagger.<format> (json, yaml); repeatable',
      collectFormat,
      [],
    )
    .option('--solution <uniqueName>', 'solution unique name (default: <Title>Connector)')
    .option('--solution-name <name>', 'solution display name (default: "<title> connector")')
    .option('--publisher <uniqueName>', "solution publisher unique name (default: from the descriptor's publisher)")
    .option('--publisher-name <name>', "solution publisher display name (default: the descriptor's publisher)")
    .option(
      '--prefix <prefix>',
      "publisher customization prefix, 2-8 lower-case letters/digits (default: the publisher's initials)",
    )
    .option(
      '--option-value-prefix <n>',
      'publisher option value prefix, 10000-99999 (default: derived from the prefix)',
      parseOptionValuePrefix,
    )
    .option('--icon <png>', `connector icon (default: definitions/<id>/${ICON_FILE} when present)`)
    .option('--script <csx>', `custom code (default: definitions/<id>/${SCRIPT_FILE} when present)`)
    .option('--pdpkg <zip>', 'Package Deployer package (*.pdpkg.zip) for the certification package')
    .option(
      '--flow-solution <zip>',
      'exported solution with a flow that uses the connector, for the certification package',
    )
    .option('--plugin', 'the connector has an AI plugin (a third solution is required)', false)
    .option('--check <zip>', "only check an existing certification package's layout");
  withProjectOptions(cmd).action(async (ids: string[], opts: PackCliOptions) => {
    if (opts.check) {
      if (ids.length) throw new UserError('--check takes a zip and no connector ids');
      return checkOnly(opts.check, Boolean(opts.plugin));
    }
    if (!ids.length)
      throw new UserError('name a connector (pcdk pack convertkit) or check a package (pcdk pack --check <zip>)');
    if (Boolean(opts.pdpkg) !== Boolean(opts.flowSolution))
      throw new UserError('the certification package needs both --pdpkg and --flow-solution');
    const project = projectFrom(opts);
    const definitionsDir = project.definitionsDir;
    let failed = false;
    for (const id of ids) {
      const connector = await loadConnectorFor(id, project);
      const iconPath = extraFile(opts.icon, definitionsDir, id, ICON_FILE);
      const scriptPath = extraFile(opts.script, definitionsDir, id, SCRIPT_FILE);
      const result = await packConnector(connector, {
        outDir: project.outDir,
        schemasDir: schemasDirFrom(opts.schemas),
        formats: opts.format,
        extras: {
          icon: iconPath ? readInput(iconPath, '--icon') : undefined,
          iconPath,
          script: scriptPath ? readInput(scriptPath, '--script').toString('utf8') : undefined,
        },
        solution: {
          uniqueName: opts.solution,
          displayName: opts.solutionName,
          publisher: opts.publisher,
          publisherName: opts.publisherName,
          prefix: opts.prefix,
          optionValuePrefix: opts.optionValuePrefix,
        },
        certification:
          opts.pdpkg && opts.flowSolution
            ? {
                pdpkg: { path: opts.pdpkg, bytes: readInput(opts.pdpkg, '--pdpkg') },
                flowSolution: { path: opts.flowSolution, bytes: readInput(opts.flowSolution, '--flow-solution') },
                plugin: Boolean(opts.plugin),
              }
            : undefined,
      });
      printDiagnostics(result.diagnostics);
      for (const note of result.notes) process.stderr.write(`pcdk: ${id}: ${note}\n`);
      if (!result.ok) {
        process.stderr.write(`pcdk: ${id}: pack failed; ${result.packagesDir} was left as it was\n`);
        failed = true;
        continue;
      }
      const listing = [...result.files].map(([name, bytes]) => `  ${name} (${bytes.length} bytes)`).join('\n');
      process.stdout.write(
        `pcdk: ${id}: wrote ${path.relative(process.cwd(), result.packagesDir) || '.'}/\n${listing}\n`,
      );
    }
    if (failed) process.exitCode = 1;
  });
}
