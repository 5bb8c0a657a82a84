/**
 * Build = validate descriptors, produce every artifact in memory, validate what was produced,
 * and only then write, each artifact atomically. Nothing reaches dist/ unless every layer
 * passed, so a failed build leaves the previous output untouched.
 */
import * as path from 'node:path';
import type { Connector } from '../model/connector';
import { writeDirAtomic, writeFileAtomic } from '../io/atomic-write';
import { validateDescriptor } from '../validate/descriptor-rules';
import { hasErrors, type Diagnostic } from '../validate/diagnostics';
import { PRODUCERS, type Artifact, type BuildContext } from './artifacts';
import { checkFixturesForBuild } from './fixture-check';

export interface BuildOptions {
  /** Root of the output: artifacts go under <outDir>/<id>/. */
  outDir: string;
  /** Folder with the official Power Platform schemas; that layer runs only when given. */
  schemasDir?: string;
  /** Produce and validate but write nothing. */
  dryRun?: boolean;
  /** Folder holding <id>/ fixture folders; a connector with fixtures there has them checked (layer 5). */
  fixturesRoot?: string;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** dist/<id>/ */
  outDir: string;
  artifacts: Artifact[];
}

export async function buildConnector(c: Connector, opts: BuildOptions): Promise<BuildResult> {
  const outDir = path.join(opts.outDir, typeof c.id === 'string' ? c.id : '_invalid');
  const diagnostics = validateDescriptor(c);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, outDir, artifacts: [] };
  diagnostics.push(...checkFixturesForBuild(c, opts.fixturesRoot));

  const ctx: BuildContext = { schemasDir: opts.schemasDir };
  const artifacts: Artifact[] = [];
  for (const produce of PRODUCERS) {
    const a = await produce(c, ctx);
    artifacts.push(a);
    diagnostics.push(...a.diagnostics);
  }
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, outDir, artifacts };

  if (!opts.dryRun) {
    for (const a of artifacts) {
      const target = path.join(outDir, a.target);
      if (a.kind === 'dir') writeDirAtomic(target, a.files);
      else writeFileAtomic(target, a.files.get(path.basename(a.target))!);
    }
  }
  return { ok: true, diagnostics, outDir, artifacts };
}
