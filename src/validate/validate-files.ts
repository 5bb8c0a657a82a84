/**
 * Layers 2-4 on a connector's files as text: strict JSON (with a lenient fallback so the other
 * layers still run), swagger-parser, the official schemas when a folder of them is given, and
 * the certification rules. Every diagnostic gets the file, a JSON pointer and a line:column.
 * Pure apart from swagger-parser: no file system access (see validate-target.ts for that).
 */
import type { CertFile } from './certification';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { readJsonSource, type JsonSource } from './json-source';
import { loadOfficialValidators, type OfficialValidators, type SchemaKind } from './official-schemas';
import { validateWithSwaggerParser } from './swagger-parser';

export interface ConnectorTexts {
  /** Name used in diagnostics (connector id or folder name). */
  connector: string;
  /** file name (as shown in diagnostics) and text, for each file present. */
  apiDefinition?: { file: string; text: string };
  apiProperties?: { file: string; text: string };
  settings?: { file: string; text: string };
  readme?: { file: string; text: string };
}

export interface ValidateFilesOptions {
  /** Folder with the official Power Platform schemas; layer 3 runs only when given. */
  schemasDir?: string;
  /** Layer 4, the certification rules (default on; the build runs them through `validate`). */
  certification?: boolean;
}

/** swagger-parser names the failing place as `#/paths/~1x/get/...` in its message. */
function pointerFromMessage(message: string): string {
  const m = /#(\/[^\s"',]*)/.exec(message);
  return m ? m[1]! : '';
}

function located(d: Diagnostic, src: JsonSource): Diagnostic {
  const pos = src.locate(d.pointer ?? '');
  return { ...d, line: d.line ?? pos.line, column: d.column ?? pos.column };
}

export async function validateConnectorTexts(
  t: ConnectorTexts,
  opts: ValidateFilesOptions = {},
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const sources: Partial<Record<'apiDefinition' | 'apiProperties' | 'settings', JsonSource>> = {};
  for (const kind of ['apiDefinition', 'apiProperties', 'settings'] as const) {
    const f = t[kind];
    if (!f) continue;
    const src = readJsonSource(f.text, { connector: t.connector, file: f.file });
    sources[kind] = src;
    out.push(...src.diagnostics);
  }

  const swagger = sources.apiDefinition;
  if (swagger?.value !== undefined) {
    for (const d of await validateWithSwaggerParser(swagger.value, { connector: t.connector, file: swagger.file })) {
      out.push(located({ ...d, pointer: d.pointer || pointerFromMessage(d.message) }, swagger));
    }
  }

  if (opts.schemasDir) {
    let validators: OfficialValidators | undefined;
    try {
      validators = loadOfficialValidators(opts.schemasDir);
    } catch (e) {
      out.push(
        diagnostic(
          'schemas-unavailable',
          { dir: opts.schemasDir, reason: (e as Error).message },
          { connector: t.connector },
        ),
      );
    }
    if (validators) {
      for (const kind of ['apiDefinition', 'apiProperties', 'settings'] as SchemaKind[]) {
        const src = sources[kind];
        if (src?.value === undefined) continue;
        for (const d of validators.validate(kind, src.value, { connector: t.connector, file: src.file }))
          out.push(located(d, src));
      }
    }
  }

  if (swagger?.value !== undefined && opts.certification !== false) {
    const files: Record<CertFile, string> = {
      apiDefinition: swagger.file,
      apiProperties: t.apiProperties?.file ?? 'apiProperties.json',
      readme: t.readme?.file ?? 'readme.md',
    };
    // Loaded only when the rules run: `pcdk pack` checks the files without them and need not load
    // them (a build leaves them out of its checks too, but loads them for its preview's badges).
    const { runCertification } = require('./certification') as typeof import('./certification');
    const findings = runCertification({
      connector: t.connector,
      swagger: swagger.value,
      apiProperties: sources.apiProperties?.value,
      readme: t.readme?.text,
      swaggerChars: swagger.text.length,
      files,
    });
    for (const f of findings) {
      const src = f.file === 'apiDefinition' ? swagger : f.file === 'apiProperties' ? sources.apiProperties : undefined;
      out.push(src ? located(f.diagnostic, src) : { ...f.diagnostic, line: 1, column: 1 });
    }
  }
  return out;
}
