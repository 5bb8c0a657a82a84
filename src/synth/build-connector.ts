/**
 * Build = validate descriptors, produce every artifact in memory, validate what was produced,
 * and only then write, each artifact atomically. Nothing reaches dist/ unless every layer
 * passed, so a failed build leaves the previous output untouched.
 */
import * as path from 'node:path';
import type { Connector } from '../model/connector';
import { writeDirAtomic, writeFileAtomic } from '../io/atomic-write';
import { validateDescriptor } from '../validate/descriptor-rules';
import { emitConnectorFolder } from '../emit/connector-folder';
import { hasErrors, type Diagnostic } from '../diagnostics';
import { diagnostic } from '../validate/diagnostics';
import { KnownFindings, NO_LAYERS, type LayersRun } from '../validate/known-findings';
import { PRODUCERS, type Artifact, type BuildContext } from './artifacts';
import { checkRecordingsForBuild } from './recordings-check';

export interface BuildOptions {
  /** Root of the output: artifacts go under <outDir>/<id>/. */
  outDir: string;
  /** Folder with the official Power Platform schemas; that layer runs only when given. */
  schemasDir?: string;
  /** Produce and validate but write nothing. */
  dryRun?: boolean;
  /** The connector's recordings folder (definitions/<id>/recordings); checked when it exists (layer 5). */
  recordingsDir?: string;
  /**
   * Checks running beside the build (the descriptor type-check, in a child process). Their
   * findings join the build's, and nothing is written before they have answered.
   */
  alongside?: Promise<Diagnostic[]>;
  /** Where the descriptors' secret('ENV') values come from; process.env when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The baseline every layer's findings pass through; the connector's knownFindings when absent
   * (pcdk import passes a collecting one to find what to write there).
   */
  knownFindings?: KnownFindings;
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
  // Every layer's findings go through the baseline as they are found, before they can stop the
  // build; its own findings (refused entries, fixed ones) join once, when the build ends.
  const known = opts.knownFindings ?? KnownFindings.of(c);
  const finish = (ds: Diagnostic[], ran: LayersRun, artifacts: Artifact[]): BuildResult => {
    const all = [...ds, ...known.report(ran)];
    return { ok: !hasErrors(all), diagnostics: all, outDir, artifacts };
  };
  const diagnostics = known.apply(validateDescriptor(c));
  if (hasErrors(diagnostics))
    return finish([...diagnostics, ...known.apply((await opts.alongside) ?? [])], NO_LAYERS, []);
  const descriptorFindings = [...diagnostics];

  // Every producer starts before the recordings are checked: the client's compile (in esbuild's
  // process) proceeds meanwhile.
  let folder: ReturnType<typeof emitConnectorFolder> | undefined;
  const ctx: BuildContext = {
    schemasDir: opts.schemasDir,
    env: opts.env ?? process.env,
    shared: { descriptorFindings, connectorFolder: () => (folder ??= emitConnectorFolder(c)) },
  };
  const producing = PRODUCERS.map(async (produce): Promise<Artifact | Diagnostic> => {
    try {
      return await produce(c, ctx);
    } catch (e) {
      // A value the rules accepted but an emitter cannot read (only possible without the type-check).
      const reason = e instanceof Error ? e.message : String(e);
      return diagnostic('descriptor-value-invalid', { rule: produce.name, reason }, { connector: c.id });
    }
  });
  diagnostics.push(...known.apply(checkRecordingsForBuild(c, opts.recordingsDir)));
  const artifacts: Artifact[] = [];
  for (const produced of await Promise.all(producing)) {
    if ('target' in produced) {
      artifacts.push(produced);
      diagnostics.push(...known.apply(produced.diagnostics));
    } else diagnostics.push(...known.apply([produced]));
  }
  if (opts.alongside) {
    // A type error comes first: what the emitted files' validators then say about the same
    // value is its echo, located in generated JSON instead of the author's source.
    const checked = known.apply(await opts.alongside);
    if (hasErrors(checked)) return finish([...descriptorFindings, ...checked], NO_LAYERS, artifacts);
    diagnostics.push(...checked);
  }
  const ran: LayersRun = {
    files: true,
    schemas: opts.schemasDir !== undefined && !diagnostics.some((d) => d.code === 'schemas-unavailable'),
    certification: false,
    recordings: opts.recordingsDir !== undefined,
    client: true,
  };
  const result = finish(diagnostics, ran, artifacts);
  if (!result.ok) return result;

  if (!opts.dryRun) {
    for (const a of artifacts) {
      const target = path.join(outDir, a.target);
      if (a.kind === 'dir') writeDirAtomic(target, a.files);
      else writeFileAtomic(target, a.files.get(path.basename(a.target))!);
    }
  }
  return result;
}
