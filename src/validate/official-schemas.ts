/**
 * Layer 3: the official Power Platform JSON schemas (apiDefinition, apiProperties, paconn
 * settings). They are JSONC and stale in documented places (reference/power-platform.md §2);
 * pcdk parses the comments and patches only those gaps, each by adding the one thing real
 * tools accept, never by relaxing additionalProperties. Validators compile once per process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ParseError } from 'jsonc-parser';
import { isObject, type JsonObject } from '../swagger/found';
import { compileCached } from './compiled-cache';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';

export const SCHEMA_FILES = {
  apiDefinition: 'apiDefinition.swagger.schema.json',
  apiProperties: 'paconn-apiProperties.schema.json',
  settings: 'paconn-settings.schema.json',
} as const;
export type SchemaKind = keyof typeof SCHEMA_FILES;

export interface OfficialValidators {
  dir: string;
  validate(kind: SchemaKind, value: unknown, where: { connector: string; file: string }): Diagnostic[];
}

const PATCHES = 'patches-1';

/** A JSON schema file (JSONC): an object, or an error naming the file. */
function readJsonc(name: string, text: string): JsonObject {
  // Loaded lazily: with a warm cache the schemas are never parsed at all.
  const { parse: parseJsonc, printParseErrorCode } = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length)
    throw new Error(`${name}: ${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}`);
  if (!isObject(value)) throw new Error(`${name}: not a JSON schema object`);
  return value;
}

/** draft-07 files that still use draft-04 `id`; ajv 8 only understands `$id`. */
function useDollarId(s: JsonObject): void {
  if (s.id && !s.$id) {
    s.$id = s.id;
    delete s.id;
  }
}

/** The documented gaps, each patched by adding what paconn and the service accept. */
function patchApiProperties(s: JsonObject): JsonObject {
  useDollarId(s);
  const root = s.properties;
  const apiProps = isObject(root) ? root.properties : undefined;
  const props = isObject(apiProps) ? apiProps.properties : undefined;
  if (isObject(props)) {
    // Used by 61 published connectors to scope script.csx; accepted by paconn and the service.
    props.scriptOperations ??= { type: 'array', items: { type: 'string' } };
    // Multi-auth connectors (10 published); the service accepts it.
    props.connectionParameterSets ??= { type: 'object' };
  }
  return s;
}
function patchSettings(s: JsonObject): JsonObject {
  useDollarId(s);
  const props = s.properties;
  if (!isObject(props)) throw new Error(`${SCHEMA_FILES.settings}: no "properties" to patch`);
  // paconn's own README and serializer write `script`; the schema forgot it.
  props.script ??= { type: 'string', default: 'script.csx' };
  // paconn download writes environment ids of the form Default-<guid>.
  const environment = props.environment;
  if (isObject(environment) && environment.pattern) {
    environment.pattern = '^(Default-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
  }
  return s;
}

const cache = new Map<string, OfficialValidators>();

/** Loads and compiles the three schemas from `dir` (once per process per folder). */
export function loadOfficialValidators(dir: string): OfficialValidators {
  const key = path.resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  const texts = {
    apiDefinition: fs.readFileSync(path.join(dir, SCHEMA_FILES.apiDefinition), 'utf8'),
    apiProperties: fs.readFileSync(path.join(dir, SCHEMA_FILES.apiProperties), 'utf8'),
    settings: fs.readFileSync(path.join(dir, SCHEMA_FILES.settings), 'utf8'),
  };
  const options = { strict: false, allErrors: true, logger: false, code: { source: true } } as const;
  const compileWith = (draft04: boolean, schema: JsonObject) => {
    const Ajv = (draft04 ? require('ajv-draft-04') : require('ajv')).default as typeof import('ajv').default;
    const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;
    const ajv = new Ajv(options);
    addFormats(ajv);
    return { ajv, validate: ajv.compile(schema) };
  };
  // Bump PATCHES when a patch function changes: it is part of the cache key.
  const compiled: Record<SchemaKind, ValidateFunction> = {
    apiDefinition: compileCached('apiDefinition', `${PATCHES}\0${texts.apiDefinition}`, () =>
      compileWith(true, readJsonc(SCHEMA_FILES.apiDefinition, texts.apiDefinition)),
    ),
    apiProperties: compileCached('apiProperties', `${PATCHES}\0${texts.apiProperties}`, () =>
      compileWith(false, patchApiProperties(readJsonc(SCHEMA_FILES.apiProperties, texts.apiProperties))),
    ),
    settings: compileCached('settings', `${PATCHES}\0${texts.settings}`, () =>
      compileWith(false, patchSettings(readJsonc(SCHEMA_FILES.settings, texts.settings))),
    ),
  };
  const validators: OfficialValidators = {
    dir: key,
    validate(kind, value, where) {
      const fn = compiled[kind];
      if (fn(value)) return [];
      return relevantErrors(fn.errors ?? []).map((e) =>
        diagnostic(
          'schema-violation',
          { schema: SCHEMA_FILES[kind], reason: describe(e) },
          { ...where, pointer: e.instancePath, field: e.instancePath || '/' },
        ),
      );
    },
  };
  cache.set(key, validators);
  return validators;
}

/**
 * oneOf/anyOf branches (parameter kinds, schema-or-boolean) produce a cloud of sibling errors.
 * Keep the errors at the deepest instance path of each branch point, drop the combinator
 * summaries when something more precise was said, and de-duplicate.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const precise = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const pool = precise.length ? precise : errors;
  // A branch error shallower than another error is the losing side of a oneOf: drop it.
  const inBranch = (e: ErrorObject) => /\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath);
  const deepest = pool.filter(
    (e) => !(inBranch(e) && pool.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`))),
  );
  const seen = new Set<string>();
  return deepest.filter((e) => {
    const k = `${e.instancePath}|${describe(e)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function describe(e: ErrorObject): string {
  const at = e.instancePath || '(root)';
  if (e.keyword === 'additionalProperties')
    return `${at} has unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum')
    return `${at} ${e.message}: ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return `${at} ${e.message ?? e.keyword}`;
}
