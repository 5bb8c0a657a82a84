/** settings.json for `paconn create --settings settings.json`. */
import type { PaconnSettings } from '../swagger/settings';

export interface ConnectorFiles {
  icon?: string;
  script?: string;
}

export function emitSettings(files: ConnectorFiles = {}): PaconnSettings {
  return {
    apiDefinition: 'apiDefinition.swagger.json',
    apiProperties: 'apiProperties.json',
    ...(files.icon ? { icon: files.icon } : {}),
    // paconn reads `script` although the official settings schema omits it (a known gap).
    ...(files.script ? { script: files.script } : {}),
    powerAppsApiVersion: '2016-11-01',
  };
}
