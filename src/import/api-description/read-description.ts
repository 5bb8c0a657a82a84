/**
 * Reads an API description file: JSON or YAML text, an OpenAPI 3.0 / 3.1 or Swagger 2.0 root.
 * Anything else is a UserError naming the file, never a stack trace: the file is the user's input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { UserError } from '../../errors';
import { isObject, type JsonObject } from '../../swagger/found';

export type DescriptionVersion = '2.0' | '3.0' | '3.1';

export interface ApiDescription {
  /** The file as given on the command line, for messages. */
  readonly file: string;
  readonly version: DescriptionVersion;
  readonly doc: JsonObject;
}

/** Parses text that is JSON or YAML (JSON is YAML, but JSON.parse is faster and gives better positions). */
export function parseDescriptionText(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(body)) {
    try {
      return JSON.parse(body);
    } catch (e) {
      throw new UserError(`${file}: not valid JSON: ${(e as Error).message}`);
    }
  }
  // maxAliasCount bounds "billion laughs" expansions; a real description needs few aliases.
  const parsed = parseDocument(body, { uniqueKeys: false });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new UserError(`${file}: neither JSON nor YAML: ${first.message.split('\n')[0]}`);
  }
  try {
    return parsed.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new UserError(`${file}: cannot read the YAML: ${(e as Error).message}`);
  }
}

/** Which description format the parsed root is, or a UserError saying why it is none. */
export function descriptionVersion(root: unknown, file: string): DescriptionVersion {
  if (!isObject(root)) throw new UserError(`${file}: not an API description (the root is not an object)`);
  const openapi = root.openapi;
  if (openapi !== undefined) {
    const v = String(openapi);
    if (/^3\.0(\.\d+)?$/.test(v)) return '3.0';
    if (/^3\.1(\.\d+)?$/.test(v)) return '3.1';
    throw new UserError(`${file}: OpenAPI version ${v} is not supported (3.0, 3.1 and Swagger 2.0 are)`);
  }
  if (root.swagger !== undefined) {
    if (String(root.swagger) === '2.0') return '2.0';
    throw new UserError(
      `${file}: Swagger version ${String(root.swagger)} is not supported (3.0, 3.1 and Swagger 2.0 are)`,
    );
  }
  throw new UserError(`${file}: not an OpenAPI or Swagger description (no "openapi" or "swagger" key at the root)`);
}

export function readApiDescription(file: string): ApiDescription {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read the API description (${code ?? (e as Error).message})`);
  }
  const root = parseDescriptionText(text, file);
  const version = descriptionVersion(root, file);
  const doc = root as JsonObject;
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0)
    throw new UserError(`${file}: the description has no paths, so there is nothing to import`);
  return { file: path.normalize(file), version, doc };
}
