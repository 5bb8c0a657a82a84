/**
 * Packages (zips, solution, ARM template, OpenAPI 3) and the certification package layout as
 * ConnectorPackageValidator.ps1 checks it.
 */
import { def, defineDiagnostics } from '../diagnostics/define';

export const PACK_DIAGNOSTICS = defineDiagnostics('pack', {
  'pack-setting-invalid': def<{ setting: string; value: string; reason: string }>({
    severity: 'error',
    message: (a) => `${a.setting} "${a.value}" is not usable: ${a.reason}`,
    hint: 'Pass a valid value for the option (see `pcdk pack --help`), or fix the descriptor field it defaults from.',
  }),
  'dataverse-column-too-large': def<{ column: string; length: number; limit: number }>({
    severity: 'error',
    message: (a) =>
      `${a.column} is ${a.length.toLocaleString('en-US')} characters; the Dataverse connector column holds at most ${a.limit.toLocaleString('en-US')}, so the solution would not import`,
    hint: 'Shrink it: share schemas through #/definitions, shorten descriptions, or split the connector in two.',
  }),
  'icon-invalid': def<{ file: string; reason: string }>({
    severity: 'error',
    message: (a) => `${a.file} is not a usable connector icon: ${a.reason}`,
    hint: 'Use a PNG (the solution stores it as iconblob, at most 144x144 pixels); independent publishers ship no icon.',
  }),
  'secret-in-output': def<{ variable: string }>({
    severity: 'error',
    message: (a) => `the value of environment variable ${a.variable} appears in this output; nothing was written`,
    hint: 'Remove the secret from the descriptors (descriptions, defaults, x-ms-test-value) or from the inputs; connectors carry connection parameters, never credentials.',
  }),
  'openapi3-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the OpenAPI 3.0 document is invalid: ${a.reason}`,
    hint: 'This is a conversion bug unless the swagger itself is unusual; report it with the swagger.',
  }),
  'arm-template-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the ARM template would not deploy: ${a.reason}`,
    hint: 'The template must be a 2019-04-01 deploymentTemplate with one Microsoft.Web/customApis (2016-06-01) resource whose expressions use declared parameters only.',
  }),
  'yaml-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `not valid YAML: ${a.reason}`,
    hint: 'Fix the syntax; keys must be unique.',
  }),
  'swagger-format-unknown': def<{ file: string }>({
    severity: 'error',
    message: (a) => `${a.file} is neither .json, .yaml nor .yml`,
    hint: 'Name the swagger file with the extension of its format.',
  }),
  'zip-path-unsafe': def<{ path: string }>({
    severity: 'error',
    message: (a) =>
      `the zip holds "${a.path}", an absolute path or one with ".." that would escape its folder when extracted`,
    hint: 'Rebuild the zip from a folder with relative paths only.',
  }),
  'cert-zip-unreadable': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `cannot be opened: ${a.reason}`,
    hint: 'Give a real .zip archive (Windows "Compress" or `zip -r`), not a renamed folder or a partial download.',
  }),
  'cert-outer-has-folders': def<{ folders: string }>({
    severity: 'error',
    msRule: '5000.1.1.11',
    message: (a) =>
      `the certification zip contains folders (${a.folders}); it may hold only intro.md and the package zip`,
    hint: 'Zip intro.md and the package zip directly, not the folder that contains them.',
  }),
  'cert-intro-count': def<{ count: number }>({
    severity: 'error',
    message: (a) => `the certification zip holds ${a.count} .md files at its root; exactly one (intro.md) is required`,
    hint: 'Put exactly one intro.md next to the package zip.',
  }),
  'cert-package-zip-count': def<{ count: number }>({
    severity: 'error',
    msRule: '5000.1.1.11',
    message: (a) =>
      `the certification zip holds ${a.count} .zip files at its root; exactly one package zip is required`,
    hint: 'Put exactly one Package Deployer package (*.pdpkg.zip) next to intro.md.',
  }),
  'cert-assets-folder-count': def<{ count: number; folders: string }>({
    severity: 'error',
    msRule: '5000.1.1.12',
    message: (a) =>
      `the package zip has ${a.count} folders (${a.folders}); exactly one, ideally PkgAssets, must hold the solution zips`,
    hint: 'Build the package with `pac package` so the solutions sit in PkgAssets/.',
  }),
  'cert-assets-has-folders': def<{ folders: string }>({
    severity: 'error',
    msRule: '5000.1.1.16',
    message: (a) => `the assets folder contains sub-folders (${a.folders}); the solution zips must sit directly in it`,
    hint: 'Move the solution zips to the top of PkgAssets/ and remove the sub-folders.',
  }),
  'cert-solution-count': def<{ count: number; expected: number }>({
    severity: 'error',
    msRule: '5000.1.1.13',
    message: (a) =>
      `the assets folder holds ${a.count} solution zips; ${a.expected} are required (connector and flow${a.expected === 3 ? ' and AI plugin' : ''})`,
    hint: 'Keep exactly the connector solution and the flow solution (plus the plugin solution for an AI plugin).',
  }),
  'cert-solution-files-missing': def<{ missing: string }>({
    severity: 'error',
    message: (a) => `the solution zip lacks ${a.missing}`,
    hint: 'Every exported solution has [Content_Types].xml, customizations.xml and solution.xml at its root; export it again instead of editing it.',
  }),
  'cert-customizations-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `customizations.xml is not well-formed XML: ${a.reason}`,
    hint: 'Export the solution again instead of editing it by hand.',
  }),
  'cert-solution-folder-missing': def<{ folders: string }>({
    severity: 'error',
    msRule: '5000.1.1.14',
    message: (a) => `customizations.xml declares components whose folders are missing: ${a.folders}`,
    hint: 'The folders must match customizations.xml (Connector/ for a connector, Workflows/ for flows); export the solution again.',
  }),
  'cert-connector-solution-missing': def({
    severity: 'error',
    msRule: '5000.1.1.7',
    message: () => 'no connector solution: none of the solutions has a <Connector> without <Workflows>',
    hint: 'Include the connector-only solution (pcdk pack builds it); keep flows out of it.',
  }),
  'cert-flow-solution-missing': def({
    severity: 'error',
    msRule: '5000.1.1.6',
    message: () => 'no flow solution: none of the solutions has both <Connector> and <Workflows>',
    hint: 'Export a solution holding a flow that uses the connector together with the connector, and pass it with --flow-solution.',
  }),
  'cert-plugin-solution-missing': def({
    severity: 'error',
    message: () =>
      'no AI plugin solution: none of the solutions has <Connector> and <aicopilot_aiplugin> without <Workflows>',
    hint: 'Add the plugin solution, or drop --plugin if the connector has no AI plugin.',
  }),
  'cert-import-config-mismatch': def<{ reason: string }>({
    severity: 'warning',
    message: (a) => `ImportConfig.xml: ${a.reason}`,
    hint: 'List every solution zip as a <configsolutionfile>, the connector solution before the flow solution.',
  }),
});

/** This area's definitions, by code. */
export const DIAGNOSTICS = PACK_DIAGNOSTICS.definitions;
export const { diagnostic } = PACK_DIAGNOSTICS;
export type DiagnosticCode = keyof typeof PACK_DIAGNOSTICS.definitions;
