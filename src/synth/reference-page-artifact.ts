/** The docs page (reference.md) as a build artifact: dist/<id>/reference.md. */
import type { Connector } from '../model/connector';
import { emitReferencePage } from '../emit/reference-page';
import type { Artifact } from './artifacts';

export function produceReferencePage(c: Connector): Artifact {
  return {
    target: 'reference.md',
    kind: 'file',
    files: new Map([['reference.md', emitReferencePage(c)]]),
    diagnostics: [],
  };
}
