/**
 * What `pcdk validate` points at: a connector folder or a lone swagger file, read from disk, or a
 * descriptor connector together with the folder it builds now, in memory. Missing or unreadable
 * files become diagnostics; nothing here throws for bad input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connector } from '../model/connector';
import { isObject } from '../swagger/found';
import { emitConnectorFolder } from '../emit/connector-folder';
import { hasErrors } from '../diagnostics';
import { builtLocation, type BuiltFile } from './descriptor-locations';
import { validateDescriptor } from './descriptor-rules';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { KnownFindings, NO_LAYERS } from './known-findings';
import { readJsonSource, type JsonSource } from './json-source';
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
function locateDescriptorFindings(ds: Diagnostic[], sources: BuiltSources): Diagnostic[] {
  const swagger = sources.apiDefinition?.value;
  if (ds.length === 0 || !isObject(swagger)) return ds;
  return ds.map((d) => {
    const at = builtLocation(d, swagger);
    const src = at && sources[at.file];
    if (!at || !src) return d;
    return { ...d, file: src.file, pointer: at.pointer, ...src.locate(at.pointer) };
  });
}

type BuiltSources = Partial<Record<BuiltFile, JsonSource>>;

/** The connector folder the current descriptors build, in memory (what `pcdk build` would write). */
function builtInMemory(c: Connector): Map<string, string> {
  return emitConnectorFolder(c).files;
}

/**
 * One warning per built file that findings cite positions in but that is missing or differs from
 * the current build: the positions are right for the file `pcdk build` would write, not that one.
 */
function staleFileWarnings(c: Connector, builtDir: string, files: Map<string, string>, ds: Diagnostic[]): Diagnostic[] {
  const cited = [...new Set(ds.filter((d) => d.file && d.line !== undefined).map((d) => d.file!))].sort();
  const out: Diagnostic[] = [];
  for (const file of cited) {
    const current = files.get(file);
    if (current === undefined) continue;
    let onDisk: string | undefined;
    try {
      onDisk = fs.readFileSync(path.join(builtDir, file), 'utf8');
    } catch {
      onDisk = undefined;
    }
    if (onDisk === current) continue;
    const state = onDisk === undefined ? 'has not been built' : 'is out of date';
    out.push(diagnostic('build-out-of-date', { file, state }, { connector: c.id, file, line: 1, column: 1 }));
  }
  return out;
}

/**
 * A descriptor connector: layer 1 on the descriptors, then layers 2-4 on the connector folder they
 * build now, in memory. dist/ is never read as if it were the current build (after a failed build
 * it holds the previous one, or nothing); `builtDir` only names where the files go, and a finding
 * located in a file there that is stale or missing says so.
 */
export async function validateBuilt(
  c: Connector,
  builtDir: string,
  opts: ValidateFilesOptions & { knownFindings?: KnownFindings } = {},
): Promise<ValidationResult> {
  // Each layer's findings go through the connector's baseline as they are found (before the
  // descriptor findings are located in the built files, so that an entry matches here as in the
  // build); its own findings join once, at the end.
  const known = opts.knownFindings ?? KnownFindings.of(c);
  const descriptor = known.apply(validateDescriptor(c));
  let files: Map<string, string>;
  try {
    files = builtInMemory(c);
  } catch (e) {
    // Only reachable without the type-check: a value the emitters cannot read. The rules have
    // usually said why already; otherwise this names the connector and the reason.
    const why = hasErrors(descriptor)
      ? []
      : [
          diagnostic(
            'descriptor-value-invalid',
            { rule: 'build', reason: e instanceof Error ? e.message : String(e) },
            { connector: c.id },
          ),
        ];
    return {
      connector: c.id,
      target: builtDir,
      diagnostics: [...descriptor, ...known.apply(why), ...known.report(NO_LAYERS)],
    };
  }
  const text = (name: string) => {
    const t = files.get(name);
    return t === undefined ? undefined : { file: name, text: t };
  };
  const texts: ConnectorTexts = {
    connector: c.id,
    apiDefinition: text(FOLDER_FILES.apiDefinition),
    apiProperties: text(FOLDER_FILES.apiProperties),
    settings: text(FOLDER_FILES.settings),
    readme: text(FOLDER_FILES.readme),
  };
  const fileFindings = await validateConnectorTexts(texts, opts);
  const sources: BuiltSources = {};
  for (const kind of ['apiDefinition', 'apiProperties'] as const) {
    const t = texts[kind];
    if (t) sources[kind] = readJsonSource(t.text, { connector: c.id, file: t.file });
  }
  const located = locateDescriptorFindings(descriptor, sources);
  // A rule both layers check is reported once, by the descriptor layer that names the field.
  const seen = new Set(located.map((d) => `${d.code}|${d.file}|${d.pointer}`));
  const rest = known.apply(fileFindings.filter((d) => !seen.has(`${d.code}|${d.file}|${d.pointer}`)));
  const all = [...located, ...sortDiagnostics(rest)];
  const ran = {
    files: true,
    schemas: opts.schemasDir !== undefined && !fileFindings.some((d) => d.code === 'schemas-unavailable'),
    certification: opts.certification !== false,
    recordings: false,
    client: false,
  };
  return {
    connector: c.id,
    target: builtDir,
    diagnostics: [...all, ...staleFileWarnings(c, builtDir, files, all), ...known.report(ran)],
  };
}
