/** The paconn connector folder as a build artifact, validated by layers 2 and 3. */
import type { Connector } from '../model/connector';
import { CONNECTOR_FILES, CONNECTOR_ICON_FILE, emitConnectorFolder } from '../emit/connector-folder';
import type { Diagnostic } from '../diagnostics';
import { validateConnectorTexts } from '../validate/validate-files';
import type { Artifact, BuildContext } from './artifacts';
import { resolveSecrets } from './secrets';

export async function produceConnectorFolder(declared: Connector, ctx: BuildContext): Promise<Artifact> {
  // secret('ENV') becomes an empty clientSecret, filled at deployment; an unset variable warns.
  const { connector: c, diagnostics: missing } = resolveSecrets(declared, ctx.env ?? {});
  // A secret is written empty either way, so the folder the build shares is this one.
  const emitted = c === declared && ctx.shared ? ctx.shared.connectorFolder() : emitConnectorFolder(c);
  const files = new Map<string, string | Uint8Array>(emitted.files);
  // The icon of an imported connector is binary, so it joins here rather than in the text emitter.
  if (c.icon) files.set(CONNECTOR_ICON_FILE, c.icon);
  return {
    target: 'connector',
    kind: 'dir',
    files,
    diagnostics: [...missing, ...(await validateConnectorFiles(c.id, files, ctx.schemasDir))],
  };
}

/**
 * Layers 2 and 3 on the emitted text (re-parsed, so what is checked is what is written): the
 * same code `pcdk validate` runs, without the certification rules, which `npm run build` runs
 * as `pcdk validate <id>` and which an imported connector may legitimately fail as published.
 */
export async function validateConnectorFiles(
  connector: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  schemasDir?: string,
): Promise<Diagnostic[]> {
  const text = (file: string) => {
    const raw = files.get(file);
    return raw === undefined
      ? undefined
      : { file, text: typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8') };
  };
  return validateConnectorTexts(
    {
      connector,
      apiDefinition: text(CONNECTOR_FILES.apiDefinition),
      apiProperties: text(CONNECTOR_FILES.apiProperties),
      settings: text(CONNECTOR_FILES.settings),
    },
    { schemasDir, certification: false },
  );
}
