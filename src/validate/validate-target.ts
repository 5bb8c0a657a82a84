/**
 * What `pcdk validate` points at, read from disk: a connector folder, a lone swagger file, or a
 * descriptor connector together with its built folder. Missing or unreadable files become
 * diagnostics; nothing here throws for bad input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connector } from '../model/connector';
import { isObject } from '../swagger/found';
import { builtLocation } from './descriptor-locations';
import { validateDescriptor } from './descriptor-rules';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { readJsonSource } from './json-source';
import { validateConnectorTexts, type ConnectorTexts, type ValidateFilesOptions } from './validate-files';

export const FOLDER_FILES = {
  apiDefinition: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  settings: 'settings.json',
  readme: 'readme.md',
} as const;
type FileKind = keyof typeof FOLDER_FILES;

export interface ValidationResult {
  connector: string;
  /** The folder or file that was checked. */
  target: string;
  diagnostics: Diagnostic[];
}

/** Finds `name` in `dir` ignoring case (the public repo has apidefinition.swagger.json too). */
function findFile(_dir: string, name: string, entries: string[]): string | undefined {
  return entries.find((e) => e === name) ?? entries.find((e) => e.toLowerCase() === name.toLowerCase());
}

function readText(file: string, display: string, connector: string, out: Diagnostic[]): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    out.push(
      diagnostic(
        'file-unreadable',
        { file: display, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
        { connector, file: display },
      ),
    );
    return undefined;
  }
}

/** Sorted by file, then position, then code, so output is stable whatever order rules ran in. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

/**
 * A connector folder: apiDefinition.swagger.json and apiProperties.json are required,
 * settings.json and readme.md are checked when present.
 */
export async function validateFolder(
  dir: string,
  opts: ValidateFilesOptions & { connector?: string } = {},
): Promise<ValidationResult> {
  const connector = opts.connector ?? path.basename(path.resolve(dir));
  const out: Diagnostic[] = [];
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(dir);
  } catch (e) {
    out.push(
      diagnostic(
        'file-unreadable',
        { file: dir, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
        { connector, file: dir },
      ),
    );
    return { connector, target: dir, diagnostics: out };
  }
  const texts: ConnectorTexts = { connector };
  for (const kind of Object.keys(FOLDER_FILES) as FileKind[]) {
    const name = findFile(dir, FOLDER_FILES[kind], entries);
    if (!name) {
      if (kind === 'apiDefinition' || kind === 'apiProperties')
        out.push(
          diagnostic(
            'file-missing',
            { file: FOLDER_FILES[kind] },
            { connector, file: FOLDER_FILES[kind], line: 1, column: 1 },
          ),
        );
      continue;
    }
    const text = readText(path.join(dir, name), name, connector, out);
    if (text !== undefined) texts[kind] = { file: name, text };
  }
  out.push(...(await validateConnectorTexts(texts, opts)));
  return { connector, target: dir, diagnostics: sortDiagnostics(out) };
}

/** A lone swagger file; an apiProperties.json beside it is checked too when present. */
export async function validateSwaggerFile(
  file: string,
  opts: ValidateFilesOptions & { connector?: string } = {},
): Promise<ValidationResult> {
  const dir = path.dirname(file);
  const connector = opts.connector ?? path.basename(path.resolve(dir));
  const out: Diagnostic[] = [];
  const texts: ConnectorTexts = { connector };
  const swaggerName = path.basename(file);
  const text = readText(file, swaggerName, connector, out);
  if (text !== undefined) texts.apiDefinition = { file: swaggerName, text };
  const props = path.join(dir, FOLDER_FILES.apiProperties);
  if (fs.existsSync(props)) {
    const t = readText(props, FOLDER_FILES.apiProperties, connector, out);
    if (t !== undefined) texts.apiProperties = { file: FOLDER_FILES.apiProperties, text: t };
  }
  out.push(...(await validateConnectorTexts(texts, opts)));
  return { connector, target: file, diagnostics: sortDiagnostics(out) };
}

/** Points descriptor findings at the same field in the built files, when it can be found there. */
function locateDescriptorFindings(ds: Diagnostic[], builtDir: string): Diagnostic[] {
  if (ds.length === 0) return ds;
  const read = (name: string) => {
    try {
      return readJsonSource(fs.readFileSync(path.join(builtDir, name), 'utf8'), { connector: '', file: name });
    } catch {
      return undefined;
    }
  };
  const sources = { apiDefinition: read(FOLDER_FILES.apiDefinition), apiProperties: read(FOLDER_FILES.apiProperties) };
  const swagger = sources.apiDefinition?.value;
  if (!isObject(swagger)) return ds;
  return ds.map((d) => {
    const at = builtLocation(d, swagger);
    const src = at && sources[at.file];
    if (!at || !src) return d;
    return { ...d, file: src.file, pointer: at.pointer, ...src.locate(at.pointer) };
  });
}

/** A descriptor connector: layer 1 on the descriptors, then layers 2-4 on its built folder. */
export async function validateBuilt(
  c: Connector,
  builtDir: string,
  opts: ValidateFilesOptions = {},
): Promise<ValidationResult> {
  const descriptor = validateDescriptor(c);
  if (!fs.existsSync(builtDir)) {
    // Not built yet: say which files are missing (the hint says how to build them).
    const missing = (['apiDefinition', 'apiProperties'] as const).map((k) =>
      diagnostic(
        'file-missing',
        { file: FOLDER_FILES[k] },
        { connector: c.id, file: FOLDER_FILES[k], line: 1, column: 1 },
      ),
    );
    return { connector: c.id, target: builtDir, diagnostics: [...descriptor, ...missing] };
  }
  const files = await validateFolder(builtDir, { ...opts, connector: c.id });
  const located = locateDescriptorFindings(descriptor, builtDir);
  // A rule both layers check is reported once, by the descriptor layer that names the field.
  const seen = new Set(located.map((d) => `${d.code}|${d.file}|${d.pointer}`));
  const rest = files.diagnostics.filter((d) => !seen.has(`${d.code}|${d.file}|${d.pointer}`));
  return { connector: c.id, target: builtDir, diagnostics: [...located, ...rest] };
}
