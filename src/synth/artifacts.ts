/**
 * What a build produces for one connector, as a list of producers. Each returns its files in
 * memory together with the diagnostics of validating them; the build writes nothing until all
 * of them are clean. Add an artifact by adding a producer here.
 */
import type { Connector } from '../model/connector';
import type { Diagnostic } from '../diagnostics';
import type { ConnectorArtifacts } from '../emit/connector-folder';
import { produceConnectorFolder } from './connector-folder-artifact';
import { produceReferencePage } from './reference-page-artifact';
import { produceClientPackage } from './client-artifact';
import { producePreviewPage } from './preview-page-artifact';

export interface BuildContext {
  schemasDir?: string;
  /** Where secret('ENV') values come from (process.env for pcdk build). */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * What the build already computed, shared so that a producer that needs it (the preview page)
   * does not compute it again: the descriptor rules' findings and the emitted connector folder.
   */
  shared?: { descriptorFindings: readonly Diagnostic[]; connectorFolder(): ConnectorArtifacts };
}

export interface Artifact {
  /** Path under dist/<id>/: a folder (kind 'dir') or one file (kind 'file'). */
  target: string;
  kind: 'dir' | 'file';
  /** For a dir: relative path -> bytes. For a file: its base name -> bytes. */
  files: Map<string, string | Uint8Array>;
  diagnostics: Diagnostic[];
}

export type Producer = (c: Connector, ctx: BuildContext) => Artifact | Promise<Artifact>;

export const PRODUCERS: readonly Producer[] = [
  produceConnectorFolder,
  produceReferencePage,
  produceClientPackage,
  // After the client, whose compile (in esbuild's process) then proceeds while this one renders.
  producePreviewPage,
];
