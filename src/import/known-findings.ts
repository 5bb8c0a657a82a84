/**
 * The baseline `pcdk import` writes: the imported connector is built and validated in memory
 * (every layer, as `pcdk build` and `pcdk validate <id>` run them) through a collecting baseline,
 * and each error found is written into connector.ts as an entry of knownFindings, with a comment
 * quoting its message. The connector then builds green and still says what to fix. knownFindings
 * is emitted nowhere, so the round trip compares the same swagger and apiProperties.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../io/atomic-write';
import type { Connector } from '../model/connector';
import type { KnownFinding } from '../model/known-finding';
import type { Diagnostic } from '../diagnostics';
import { buildConnector } from '../synth/build-connector';
import { KnownFindings } from '../validate/known-findings';
import { validateBuilt } from '../validate/validate-target';
import { diagnostic } from './diagnostics';
import type { ImportResult } from './import-connector';
import { loadDescriptorFolder } from './load-descriptor';
import { commentText, literal } from './ts-writer';

export interface KnownFindingsOptions {
  /** The official schemas, when given: their findings are baselined too. */
  schemasDir?: string;
}

/** Every error the build and validate report for `c`, as knownFindings entries with their messages, sorted. */
export async function findKnownFindings(
  c: Connector,
  opts: KnownFindingsOptions = {},
): Promise<{ entry: KnownFinding; message: string }[]> {
  const collect = KnownFindings.collecting(c);
  // A dry run writes nothing; an unset secret is only a warning.
  const nowhere = path.join(os.tmpdir(), 'pcdk-import-not-built');
  await buildConnector(c, {
    outDir: nowhere,
    dryRun: true,
    schemasDir: opts.schemasDir,
    env: {},
    knownFindings: collect,
  });
  // validate compares positions with a built copy there is none of: only warnings, not collected.
  await validateBuilt(c, path.join(nowhere, c.id, 'connector'), {
    schemasDir: opts.schemasDir,
    knownFindings: collect,
  });
  return collect.collected();
}

/**
 * connector.ts with `knownFindings: [...]` as the last key of defineConnector({...}), one entry a
 * line, each under a comment quoting its finding. The text is the importer's own (it ends with
 * the defineConnector call), never an author's.
 */
export function withKnownFindings(
  connectorTs: string,
  found: readonly { entry: KnownFinding; message: string }[],
): string {
  if (found.length === 0) return connectorTs;
  const end = '\n});\n';
  if (!connectorTs.endsWith(end)) throw new Error('connector.ts does not end with the defineConnector({...}) call');
  const lines = [
    '  // Faults the source had when it was imported: pcdk build and validate report each as a warning, not an',
    '  // error, until it is fixed. Fix one, then delete its entry (a fixed one warns: known-finding-fixed).',
    '  knownFindings: [',
    ...found.flatMap(({ entry, message }) => [`    // ${commentText(message, 200)}`, `    ${literal(entry, 2)},`]),
    '  ],',
  ];
  return `${connectorTs.slice(0, -end.length)}\n${lines.join('\n')}${end}`;
}

/**
 * After the import wrote `out`: loads it, finds the errors the build and validate report, and
 * rewrites connector.ts in `out` with them as knownFindings (`imported.files` stays what the
 * import generated).
 */
export async function writeKnownFindings(
  out: string,
  imported: ImportResult,
  opts: KnownFindingsOptions = {},
): Promise<{ entries: number; diagnostics: Diagnostic[] }> {
  const found = await findKnownFindings(loadDescriptorFolder(out), opts);
  if (found.length === 0) return { entries: 0, diagnostics: [] };
  const before = imported.files.get('connector.ts');
  if (typeof before !== 'string') return { entries: 0, diagnostics: [] };
  const text = withKnownFindings(before, found);
  writeFileAtomic(path.join(out, 'connector.ts'), text);
  return {
    entries: found.length,
    diagnostics: [
      diagnostic(
        'import-known-findings',
        { count: found.length },
        { connector: imported.id, file: 'connector.ts', field: 'knownFindings' },
      ),
    ],
  };
}
