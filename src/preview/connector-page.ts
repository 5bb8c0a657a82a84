/**
 * A connector's preview page: its emitted swagger, with the diagnostics `pcdk validate` would
 * report about each operation (descriptor rules, and certification rules on the emitted folder)
 * as warning badges. The build writes it static; `pcdk preview` and `pcdk serve` serve it live.
 */
import type { Diagnostic } from '../diagnostics';
import { emitConnectorFolder, type ConnectorArtifacts } from '../emit/connector-folder';
import { emitPreviewPage } from '../emit/preview-page';
import type { Connector } from '../model/connector';
import { runCertification } from '../validate/certification';
import { validateDescriptor } from '../validate/descriptor-rules';

/** `computed` is what a build already has for `c` (its descriptor findings and emitted folder). */
export function connectorPreviewPage(
  c: Connector,
  live: boolean,
  computed?: { descriptorFindings: readonly Diagnostic[]; connectorFolder(): ConnectorArtifacts },
): string {
  const folder = computed ? computed.connectorFolder() : emitConnectorFolder(c);
  const readme = folder.files.get('readme.md');
  const cert = runCertification({
    connector: c.id,
    swagger: folder.swagger,
    apiProperties: folder.apiProperties,
    readme: typeof readme === 'string' ? readme : undefined,
    files: { apiDefinition: 'apiDefinition.swagger.json', apiProperties: 'apiProperties.json', readme: 'readme.md' },
  });
  const descriptorFindings = computed ? computed.descriptorFindings : validateDescriptor(c);
  const diagnostics: Diagnostic[] = [...descriptorFindings, ...cert.map((f) => f.diagnostic)];
  return emitPreviewPage(folder.swagger, diagnostics, { live });
}
