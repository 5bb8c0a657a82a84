/**
 * A connector's preview page: its emitted swagger, with the diagnostics `pcdk validate` would
 * report about each operation (descriptor rules, and certification rules on the emitted folder)
 * as warning badges. The build writes it static; `pcdk preview` and `pcdk serve` serve it live.
 */
import type { Diagnostic } from '../diagnostics';
import { emitConnectorFolder } from '../emit/connector-folder';
import { emitPreviewPage } from '../emit/preview-page';
import type { Connector } from '../model/connector';
import { runCertification } from '../validate/certification';
import { validateDescriptor } from '../validate/descriptor-rules';

export function connectorPreviewPage(c: Connector, live: boolean): string {
  const folder = emitConnectorFolder(c);
  const readme = folder.files.get('readme.md');
  const cert = runCertification({
    connector: c.id,
    swagger: folder.swagger,
    apiProperties: folder.apiProperties,
    readme: typeof readme === 'string' ? readme : undefined,
    files: { apiDefinition: 'apiDefinition.swagger.json', apiProperties: 'apiProperties.json', readme: 'readme.md' },
  });
  const diagnostics: Diagnostic[] = [...validateDescriptor(c), ...cert.map((f) => f.diagnostic)];
  return emitPreviewPage(folder.swagger, diagnostics, { live });
}
