/**
 * The Dataverse solution's XML documents and file names for one custom connector: what
 * `pac solution import` reads. Text-level and pure; pack checks the column limits and zips them
 * (src/pack/solution-package.ts).
 */
import type { Connector } from '../model/connector';

/** Component type of a connector in solution.xml RootComponents. */
export const CONNECTOR_COMPONENT_TYPE = 372;

/** What solution.xml says about the solution and its publisher. */
export interface SolutionManifest {
  uniqueName: string;
  displayName: string;
  /** Four-part version. */
  version: string;
  publisher: { uniqueName: string; displayName: string; prefix: string; optionValuePrefix: number };
}

/** Which optional files the connector folder carries. */
export interface ConnectorBlobs {
  icon?: Uint8Array;
  script?: string;
}

/** Text for XML: what XML 1.0 cannot carry is dropped rather than producing an unreadable file. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

export function connectorFileNames(name: string, folder: ConnectorBlobs, multiAuth = false) {
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

export function contentTypesXml(folder: ConnectorBlobs): string {
  const exts = ['xml', 'json', ...(folder.icon ? ['png'] : []), ...(folder.script !== undefined ? ['csx'] : [])];
  return [
    XML_DECLARATION,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    ...exts.map((e) => `  <Default Extension="${e}" ContentType="application/octet-stream" />`),
    '</Types>',
    '',
  ].join('\n');
}

export function solutionXml(c: Connector, s: SolutionManifest, name: string, connectorId: string): string {
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

export function customizationsXml(
  c: Connector,
  name: string,
  connectorId: string,
  names: ReturnType<typeof connectorFileNames>,
  scriptOperations?: readonly string[],
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
    // The operations the script runs for (apiProperties scriptOperations), a column of its own
    // in Dataverse's connector table; held inline as the JSON array paconn uploads.
    ...(scriptOperations?.length ? [el('scriptoperations', JSON.stringify(scriptOperations))] : []),
    '    </Connector>',
    '  </Connectors>',
    '  <Languages>',
    '    <Language>1033</Language>',
    '  </Languages>',
    '</ImportExportXml>',
    '',
  ].join('\n');
}
