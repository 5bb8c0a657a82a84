/** The designer preview as a build artifact: dist/<id>/preview.html, the static form of what `pcdk preview` serves. */
import type { Connector } from '../model/connector';
import { connectorPreviewPage } from '../preview/connector-page';
import type { Artifact, BuildContext } from './artifacts';

export function producePreviewPage(c: Connector, ctx: BuildContext): Artifact {
  return {
    target: 'preview.html',
    kind: 'file',
    files: new Map([['preview.html', connectorPreviewPage(c, false, ctx.shared)]]),
    diagnostics: [],
  };
}
