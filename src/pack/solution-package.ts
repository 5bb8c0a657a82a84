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
import { connectorFileNames, contentTypesXml, customizationsXml, solutionXml } from '../emit/solution-xml';

import { encodeConnectorName, PCDK_CONNECTOR_NAMESPACE, uuidV5 } from './dataverse-names';
import type { ConnectorFolder } from './connector-package';
import type { SolutionSettings } from './solution-settings';
import { zipFiles } from './zip';

/** Writable column limits of the Dataverse connector table (characters). */
export const CONNECTOR_COLUMN_LIMITS = {
  openapidefinition: 500_000,
  connectionparameters: 500_000,
  connectionparametersets: 500_000,
  policytemplateinstances: 500_000,
  customcodeblobcontent: 500_000,
  scriptoperations: 500_000,
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

/**
 * The solution for `pac solution import`: the connector's columns checked against Dataverse's
 * limits, then its files laid out, the XML documents written by emit/solution-xml.ts.
 */
export function buildSolutionPackage(
  c: Connector,
  folder: ConnectorFolder,
  s: SolutionSettings,
): { solution?: SolutionPackage; diagnostics: Diagnostic[] } {
  const name = `${s.publisher.prefix}_${encodeConnectorName(c.id)}`;
  // Name-based: the same publisher prefix and connector id give the same row on every build.
  const connectorId = uuidV5(`${s.publisher.prefix}_${c.id}`, PCDK_CONNECTOR_NAMESPACE);
  const props = (folder.apiProperties.properties ?? {}) as Record<string, unknown>;
  const names = connectorFileNames(name, folder, props.connectionParameterSets !== undefined);
  const scriptOperations = Array.isArray(props.scriptOperations) ? (props.scriptOperations as string[]) : undefined;
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
    ['scriptoperations', scriptOperations ? JSON.stringify(scriptOperations) : '', undefined],
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
  files.set('customizations.xml', customizationsXml(c, name, connectorId, names, scriptOperations));
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
