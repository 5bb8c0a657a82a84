/**
 * connector.zip: the paconn-ready folder (`paconn create --settings settings.json`, `pac connector
 * create`, or a manual upload). The folder is the build's connector folder plus icon.png and
 * script.csx when the connector has them; settings.json then names them so paconn uploads them.
 */
import type { Connector } from '../model/connector';
import {
  CONNECTOR_FILES,
  CONNECTOR_ICON_FILE as ICON_FILE,
  CONNECTOR_SCRIPT_FILE as SCRIPT_FILE,
  emitConnectorFolder,
} from '../emit/connector-folder';
import { jsonText } from '../emit/json';
import { emitSettings } from '../emit/settings';
import { connectorScript } from '../emit/script-csx';
import { zipFiles } from './zip';

export { CONNECTOR_ICON_FILE as ICON_FILE, CONNECTOR_SCRIPT_FILE as SCRIPT_FILE } from '../emit/connector-folder';

/** Files that live beside the descriptors rather than in them (binary icon, C# code). */
export interface ConnectorExtras {
  icon?: Uint8Array;
  script?: string;
}

export interface ConnectorFolder {
  /** relative path -> exact bytes, as in dist/<id>/connector/ and inside connector.zip */
  files: Map<string, string | Uint8Array>;
  swaggerText: string;
  apiProperties: Record<string, unknown>;
  icon?: Uint8Array;
  script?: string;
}

/**
 * The folder as the build writes it, plus the icon and script: given explicitly (CLI, files
 * beside the descriptors) or carried by the connector itself (an imported one). settings.json
 * then names them so `paconn create --settings settings.json` uploads them.
 */
export function connectorFolder(c: Connector, extras: ConnectorExtras = {}): ConnectorFolder {
  const { files, apiProperties } = emitConnectorFolder(c);
  const icon = extras.icon ?? c.icon;
  const script = extras.script ?? connectorScript(c);
  const out = new Map<string, string | Uint8Array>(files);
  if (icon || script !== undefined) {
    out.set(
      CONNECTOR_FILES.settings,
      jsonText(
        emitSettings({ icon: icon ? ICON_FILE : undefined, script: script !== undefined ? SCRIPT_FILE : undefined }),
      ),
    );
  }
  if (icon) out.set(ICON_FILE, icon);
  if (script !== undefined) out.set(SCRIPT_FILE, script);
  return { files: out, swaggerText: files.get(CONNECTOR_FILES.apiDefinition)!, apiProperties, icon, script };
}

export function connectorZip(folder: ConnectorFolder): Promise<Buffer> {
  return zipFiles(folder.files);
}
