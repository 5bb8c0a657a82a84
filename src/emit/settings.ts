/** settings.json for `paconn create --settings settings.json`. */
import type { JsonObject } from './json';

export interface ConnectorFiles {
  icon?: string;
  script?: string;
}

export function emitSettings(files: ConnectorFiles = {}): JsonObject {
  const out: JsonObject = {
    apiDefinition: 'apiDefinition.swagger.json',
    apiProperties: 'apiProperties.json',
  };
  if (files.icon) out.icon = files.icon;
  // paconn reads `script` although the official settings schema omits it (a known gap).
  if (files.script) out.script = files.script;
  out.powerAppsApiVersion = '2016-11-01';
  return out;
}
