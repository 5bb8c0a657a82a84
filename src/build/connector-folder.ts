/** The paconn connector folder as a build artifact, validated by layers 2 and 3. */
import type { Connector } from '../model/connector';
import { CONNECTOR_FILES, CONNECTOR_ICON_FILE, emitConnectorFolder } from '../emit/connector-folder';
import { diagnostic, type Diagnostic } from '../validate/diagnostics';
import { loadOfficialValidators } from '../validate/official-schemas';
import { parseStrictJson, validateWithSwaggerParser } from '../validate/swagger-parser';
import type { Artifact, BuildContext } from './artifacts';

export async function produceConnectorFolder(c: Connector, ctx: BuildContext): Promise<Artifact> {
  const emitted = emitConnectorFolder(c);
  const files = new Map<string, string | Uint8Array>(emitted.files);
  // The icon of an imported connector is binary, so it joins here rather than in the text emitter.
  if (c.icon) files.set(CONNECTOR_ICON_FILE, c.icon);
  return { target: 'connector', kind: 'dir', files, diagnostics: await validateConnectorFiles(c.id, files, ctx.schemasDir) };
}

/** Layers 2 and 3 on the emitted text (re-parsed, so what is checked is what is written). */
export async function validateConnectorFiles(connector: string, files: ReadonlyMap<string, string | Uint8Array>, schemasDir?: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const parsed = new Map<string, unknown>();
  for (const file of [CONNECTOR_FILES.apiDefinition, CONNECTOR_FILES.apiProperties, CONNECTOR_FILES.settings]) {
    const raw = files.get(file);
    if (raw === undefined) continue;
    const r = parseStrictJson(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8'), { connector, file });
    out.push(...r.diagnostics);
    if (r.value !== undefined) parsed.set(file, r.value);
  }
  const swagger = parsed.get(CONNECTOR_FILES.apiDefinition);
  if (swagger !== undefined) out.push(...(await validateWithSwaggerParser(swagger, { connector, file: CONNECTOR_FILES.apiDefinition })));
  if (schemasDir) {
    let validators;
    try {
      validators = loadOfficialValidators(schemasDir);
    } catch (e) {
      out.push(diagnostic('schemas-unavailable', { dir: schemasDir, reason: (e as Error).message }, { connector }));
      return out;
    }
    const kinds = [
      ['apiDefinition', CONNECTOR_FILES.apiDefinition],
      ['apiProperties', CONNECTOR_FILES.apiProperties],
      ['settings', CONNECTOR_FILES.settings],
    ] as const;
    for (const [kind, file] of kinds) {
      if (parsed.has(file)) out.push(...validators.validate(kind, parsed.get(file), { connector, file }));
    }
  }
  return out;
}
