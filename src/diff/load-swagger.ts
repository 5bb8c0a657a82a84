/**
 * Reads the swagger of one side of `pcdk diff`: a connector folder (its
 * apiDefinition.swagger.json) or a swagger file. A file that cannot be read as a swagger is a
 * DiffInputError carrying the diagnostics that say why, with their line:column.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics';
import { readJsonSource, rootNotObject } from '../validate/json-source';
import { PcdkError } from '../errors';

export class DiffInputError extends PcdkError {
  override name = 'DiffInputError' as const;
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

const SWAGGER = 'apiDefinition.swagger.json';

export function swaggerPathOf(target: string): string {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new DiffInputError(`${target} does not exist (give a connector folder or a swagger file)`);
  if (!stat.isDirectory()) return target;
  const entries = fs.readdirSync(target);
  const name = entries.find((e) => e === SWAGGER) ?? entries.find((e) => e.toLowerCase() === SWAGGER.toLowerCase());
  if (!name) throw new DiffInputError(`${target} has no ${SWAGGER}`);
  return path.join(target, name);
}

function where(file: string): { connector: string; file: string } {
  return { connector: path.basename(path.dirname(path.resolve(file))), file };
}

/** The parsed swagger; BOMs and trailing commas are tolerated (the comparison is about meaning). */
export function loadSwagger(target: string): Record<string, unknown> {
  const file = swaggerPathOf(target);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DiffInputError(`${file} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const src = readJsonSource(text, where(file));
  const value = src.value;
  if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
    const fatal = src.diagnostics.filter(
      (d) => d.code === 'json-invalid' || d.code === 'json-too-deep' || d.code === 'json-too-large',
    );
    const notObject = rootNotObject(src, where(file));
    if (notObject) fatal.push(notObject);
    throw new DiffInputError(
      `${file} is not a readable swagger:\n${fatal.map(formatDiagnostic).join('\n')}`,
      src.diagnostics,
    );
  }
  if (
    hasErrors(src.diagnostics) &&
    !src.diagnostics.every((d) => d.code === 'json-bom' || d.code === 'json-trailing-comma')
  ) {
    throw new DiffInputError(`${file} is not valid JSON`, src.diagnostics);
  }
  return value as Record<string, unknown>;
}
