/**
 * What ConvertKit's goldens hold: every text artifact a build or pack writes that a user reads or
 * a tool consumes, produced by the same emitters the build uses. test/golden/convertkit/ holds the
 * committed copies; `npm run golden` rewrites them after an intended change.
 */
import * as path from 'node:path';
import convertkit from '../../definitions/convertkit/connector';
import { CLIENT_FILES } from '../../src/emit/client/client-package';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { jsonText } from '../../src/emit/json';
import { emitReferencePage } from '../../src/emit/reference-page';
import { emitOpenApi3 } from '../../src/emit/openapi3';
import { connectorPreviewPage } from '../../src/preview/connector-page';
import { compileClient } from '../../src/synth/client-artifact';
import { emitClientPackage } from '../../src/emit/client/client-package';

export const GOLDEN_DIR = path.join(__dirname, 'convertkit');

export async function convertkitOutputs(): Promise<Map<string, string>> {
  const folder = emitConnectorFolder(convertkit);
  const client = emitClientPackage(convertkit, await compileClient(convertkit));
  return new Map<string, string>([
    ...folder.files,
    ['reference.md', emitReferencePage(convertkit)],
    ['preview.html', connectorPreviewPage(convertkit, false)],
    [`client.${CLIENT_FILES.dmts}`, client.get(CLIENT_FILES.dmts)!],
    ['openapi.json', jsonText(emitOpenApi3(folder.swagger))],
  ]);
}
