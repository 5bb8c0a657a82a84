/**
 * The Dataverse solution that `pac solution import` (or Solutions > Import) accepts: one custom
 * connector as a root component of type 372. File names and XML shapes follow exported solutions
 * (reference/power-platform.md §5): Connector/{name}_openapidefinition.json and friends, the
 * Connector entry in customizations.xml, [Content_Types].xml with octet-stream defaults.
 */
import type { Connector } from '../model/connector';
import { jsonText } from '../emit/json';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { encodeConnectorName, PCDK_CONNECTOR_NAMESPACE, uuidV5 } from './dataverse-names';
import type { ConnectorFolder } from './connector-package';
import type { SolutionSettings } from './solution-settings';
import { XML_DECLARATION, xmlEscape } from './xml';
import { zipFiles } from './zip';

/** Component type of a connector in solution.xml RootComponents. */
export const CONNECTOR_COMPONENT_TYPE = 372;

/** Writable column limits of the Dataverse connector table (characters). */
export const CONNECTOR_COLUMN_LIMITS = {
  openapidefinition: 500_000,
  connectionparameters: 500_000,
  connectionparametersets: 500_000,
  policytemplateinstances: 500_000,
  customcodeblobcontent: 500_000,
  description: 1_000,
  displayname: 200,
  name: 500,
} as const;

export interface SolutionPackage {
  /** e.g. ConvertKitConnector.zip */
  fileName: string;
  connectorName: string;
  connectorId: string;
  /** entry path -> bytes */
  files: Map<string, string | Uint8Array>;
}

export function connectorFileNames(name: string, folder: Pick<ConnectorFolder, 'icon' | 'script'>, multiAuth = false) {
  return {
    openapidefinition: `Connector/${name}_openapidefinition.json`,
    connectionparameters: `Connector/${name}_connectionparameters.json`,
    // Only multi-auth connectors have parameter sets.
    connectionparametersets: multiAuth ? `Connector/${name}_connectionparametersets.json` : undefined,
    policytemplateinstances: `Connector/${name}_policytemplateinstances.json`,
    iconblob: folder.icon ? `Connector/${name}_iconblob.Png` : undefined,
    customcodeblobcontent: folder.script !== undefined ? `Connector/${name}_customcodeblobcontent.csx` : undefined,
  };
}

export function emitSolution(
  c: Connector,
  folder: ConnectorFolder,
  s: SolutionSettings,
): { solution?: SolutionPackage; diagnostics: Diagnostic[] } {
  const name = `${s.publisher.prefix}_${encodeConnectorName(c.id)}`;
  // Name-based: the same publisher prefix and connector id give the same row on every build.
  const connectorId = uuidV5(`${s.publisher.prefix}_${c.id}`, PCDK_CONNECTOR_NAMESPACE);
  const props = (folder.apiProperties.properties ?? {}) as Record<string, unknown>;
  const names = connectorFileNames(name, folder, props.connectionParameterSets !== undefined);
  const columns: [keyof typeof CONNECTOR_COLUMN_LIMITS, string, string | undefined][] = [
    ['openapidefinition', folder.swaggerText, names.openapidefinition],
    ['connectionparameters', jsonText(props.connectionParameters ?? {}), names.connectionparameters],
    [
      'connectionparametersets',
      props.connectionParameterSets !== undefined ? jsonText(props.connectionParameterSets) : '',
      names.connectionparametersets,
    ],
    ['policytemplateinstances', jsonText(props.policyTemplateInstances ?? []), names.policytemplateinstances],
    ['customcodeblobcontent', folder.script ?? '', names.customcodeblobcontent],
    ['description', c.description, undefined],
    ['displayname', c.title, undefined],
    ['name', name, undefined],
  ];
  const diagnostics: Diagnostic[] = [];
  for (const [column, text, file] of columns) {
    const limit = CONNECTOR_COLUMN_LIMITS[column];
    if (text.length > limit) {
      diagnostics.push(
        diagnostic(
          'dataverse-column-too-large',
          { column, length: text.length, limit },
          { connector: c.id, file: file ?? 'customizations.xml' },
        ),
      );
    }
  }
  if (diagnostics.length) return { diagnostics };

  const files = new Map<string, string | Uint8Array>();
  files.set('[Content_Types].xml', contentTypesXml(folder));
  files.set('solution.xml', solutionXml(c, s, name, connectorId));
  files.set('customizations.xml', customizationsXml(c, name, connectorId, names));
  // The swagger is the connector folder's file byte for byte, so the two cannot drift.
  files.set(names.openapidefinition, folder.swaggerText);
  files.set(names.connectionparameters, columns[1][1]);
  if (names.connectionparametersets) files.set(names.connectionparametersets, columns[2][1]);
  files.set(names.policytemplateinstances, columns[3][1]);
  if (names.iconblob && folder.icon) files.set(names.iconblob, folder.icon);
  if (names.customcodeblobcontent && folder.script !== undefined) files.set(names.customcodeblobcontent, folder.script);
  return { solution: { fileName: `${s.uniqueName}.zip`, connectorName: name, connectorId, files }, diagnostics };
}

export function solutionZip(solution: SolutionPackage): Promise<Buffer> {
  return zipFiles(solution.files);
}

function contentTypesXml(folder: Pick<ConnectorFolder, 'icon' | 'script'>): string {
  const exts = ['xml', 'json', ...(folder.icon ? ['png'] : []), ...(folder.script !== undefined ? ['csx'] : [])];
  return [
    XML_DECLARATION,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    ...exts.map((e) => `  <Default Extension="${e}" ContentType="application/octet-stream" />`),
    '</Types>',
    '',
  ].join('\n');
}

function solutionXml(c: Connector, s: SolutionSettings, name: string, connectorId: string): string {
  const p = s.publisher;
  return [
    XML_DECLARATION,
    '<ImportExportXml version="9.2" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <SolutionManifest>',
    `    <UniqueName>${xmlEscape(s.uniqueName)}</UniqueName>`,
    '    <LocalizedNames>',
    `      <LocalizedName description="${xmlEscape(s.displayName)}" languagecode="1033" />`,
    '    </LocalizedNames>',
    '    <Descriptions>',
    `      <Description description="${xmlEscape(c.description)}" languagecode="1033" />`,
    '    </Descriptions>',
    `    <Version>${xmlEscape(s.version)}</Version>`,
    '    <Managed>0</Managed>',
    '    <Publisher>',
    `      <UniqueName>${xmlEscape(p.uniqueName)}</UniqueName>`,
    '      <LocalizedNames>',
    `        <LocalizedName description="${xmlEscape(p.displayName)}" languagecode="1033" />`,
    '      </LocalizedNames>',
    '      <Descriptions />',
    '      <EMailAddress xsi:nil="true"></EMailAddress>',
    '      <SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>',
    `      <CustomizationPrefix>${xmlEscape(p.prefix)}</CustomizationPrefix>`,
    `      <CustomizationOptionValuePrefix>${p.optionValuePrefix}</CustomizationOptionValuePrefix>`,
    '      <Addresses />',
    '    </Publisher>',
    '    <RootComponents>',
    `      <RootComponent type="${CONNECTOR_COMPONENT_TYPE}" id="{${connectorId}}" schemaName="${xmlEscape(name)}" behavior="0" />`,
    '    </RootComponents>',
    '    <MissingDependencies />',
    '  </SolutionManifest>',
    '</ImportExportXml>',
    '',
  ].join('\n');
}

/** The empty sections exports always carry; the validator reads <Workflows> to tell solutions apart. */
const EMPTY_SECTIONS = [
  'Entities',
  'Roles',
  'Workflows',
  'FieldSecurityProfiles',
  'Templates',
  'EntityMaps',
  'EntityRelationships',
  'OrganizationSettings',
  'optionsets',
  'CustomControls',
  'EntityDataProviders',
];

function customizationsXml(
  c: Connector,
  name: string,
  connectorId: string,
  names: ReturnType<typeof connectorFileNames>,
): string {
  const el = (tag: string, value: string): string => `      <${tag}>${xmlEscape(value)}</${tag}>`;
  const fileEl = (tag: string, path: string | undefined): string[] => (path ? [el(tag, `/${path}`)] : []);
  return [
    XML_DECLARATION,
    '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...EMPTY_SECTIONS.map((s) => `  <${s} />`),
    '  <Connectors>',
    '    <Connector>',
    el('connectorid', connectorId),
    el('description', c.description),
    el('displayname', c.title),
    el('iconbrandcolor', c.iconBrandColor),
    el('name', name),
    el('connectortype', '1'),
    ...fileEl('openapidefinition', names.openapidefinition),
    ...fileEl('connectionparameters', names.connectionparameters),
    ...fileEl('connectionparametersets', names.connectionparametersets),
    ...fileEl('policytemplateinstances', names.policytemplateinstances),
    ...fileEl('iconblob', names.iconblob),
    ...fileEl('customcodeblobcontent', names.customcodeblobcontent),
    '    </Connector>',
    '  </Connectors>',
    '  <Languages>',
    '    <Language>1033</Language>',
    '  </Languages>',
    '</ImportExportXml>',
    '',
  ].join('\n');
}
