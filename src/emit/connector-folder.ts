/** The paconn-ready connector folder, as file name -> text. Pure. */
import type { Connector } from '../model/connector';
import type { ApiPropertiesDocument } from '../swagger/api-properties';
import type { SwaggerDocument } from '../swagger/document';
import type { PaconnSettings } from '../swagger/settings';
import { emitApiProperties } from './api-properties';
import { jsonText } from './json';
import { emitReadme } from './readme';
import { connectorScript } from './script-csx';
import { emitSettings } from './settings';
import { emitSwagger } from './swagger';

export const CONNECTOR_FILES = {
  apiDefinition: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  settings: 'settings.json',
  readme: 'readme.md',
} as const;

export const CONNECTOR_SCRIPT_FILE = 'script.csx';
export const CONNECTOR_ICON_FILE = 'icon.png';

export interface ConnectorArtifacts {
  swagger: SwaggerDocument;
  apiProperties: ApiPropertiesDocument;
  settings: PaconnSettings;
  /** file name -> exact bytes written */
  files: Map<string, string>;
}

export function emitConnectorFolder(c: Connector): ConnectorArtifacts {
  const swagger = emitSwagger(c);
  const apiProperties = emitApiProperties(c);
  // Custom code: an imported connector's, byte for byte, or the one pcdk generates for webhook
  // triggers. settings.json names it, so `paconn create --settings` uploads it.
  const script = connectorScript(c);
  const settings = emitSettings(script !== undefined ? { script: CONNECTOR_SCRIPT_FILE } : {});
  const files = new Map<string, string>([
    [CONNECTOR_FILES.apiDefinition, jsonText(swagger)],
    [CONNECTOR_FILES.apiProperties, jsonText(apiProperties)],
    [CONNECTOR_FILES.settings, jsonText(settings)],
    [CONNECTOR_FILES.readme, emitReadme(c)],
  ]);
  if (script !== undefined) files.set(CONNECTOR_SCRIPT_FILE, script);
  return { swagger, apiProperties, settings, files };
}
