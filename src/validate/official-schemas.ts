/**
 * Layer 3: the official Power Platform JSON schemas (apiDefinition, apiProperties, paconn
 * settings). They are JSONC and stale in documented places (reference/power-platform.md §2);
 * pcdk parses the comments and patches only those gaps, each by adding the one thing real
 * tools accept, never by relaxing additionalProperties. Validators compile once per process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from './diagnostics';

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

type Json = Record<string, any>;

function readJsonc(file: string): Json {
  const errors: ParseError[] = [];
  const value = parseJsonc(fs.readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
  if (errors.length) throw new Error(`${path.basename(file)}: ${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}`);
  return value as Json;
}

/** The documented gaps, each patched by adding what paconn and the service accept. */
function patchApiProperties(s: Json): Json {
  // draft-07 file that still uses draft-04 `id`; ajv 8 only understands `$id`.
  if (s.id && !s.$id) {
    s.$id = s.id;
    delete s.id;
  }
  const props = s.properties?.properties?.properties;
  if (props) {
    // Used by 61 published connectors to scope script.csx; accepted by paconn and the service.
    props.scriptOperations ??= { type: 'array', items: { type: 'string' } };
    // Multi-auth connectors (10 published); the service accepts it.
    props.connectionParameterSets ??= { type: 'object' };
  }
  return s;
}
function patchSettings(s: Json): Json {
  if (s.id && !s.$id) {
    s.$id = s.id;
    delete s.id;
  }
  // paconn's own README and serializer write `script`; the schema forgot it.
  s.properties.script ??= { type: 'string', default: 'script.csx' };
  // paconn download writes environment ids of the form Default-<guid>.
  if (s.properties.environment?.pattern) {
    s.properties.environment.pattern = '^(Default-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
  }
  return s;
}

const cache = new Map<string, OfficialValidators>();

/** Loads and compiles the three schemas from `dir` (once per process per folder). */
export function loadOfficialValidators(dir: string): OfficialValidators {
  const key = path.resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  const swaggerSchema = readJsonc(path.join(dir, SCHEMA_FILES.apiDefinition));
  const propsSchema = patchApiProperties(readJsonc(path.join(dir, SCHEMA_FILES.apiProperties)));
  const settingsSchema = patchSettings(readJsonc(path.join(dir, SCHEMA_FILES.settings)));

  const ajv04 = new Ajv04({ strict: false, allErrors: true, logger: false });
  addFormats(ajv04);
  const ajv07 = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv07);
  const compiled: Record<SchemaKind, ValidateFunction> = {
    apiDefinition: ajv04.compile(swaggerSchema),
    apiProperties: ajv07.compile(propsSchema),
    settings: ajv07.compile(settingsSchema),
  };
  const validators: OfficialValidators = {
    dir: key,
    validate(kind, value, where) {
      const fn = compiled[kind];
      if (fn(value)) return [];
      return relevantErrors(fn.errors ?? []).map((e) =>
        diagnostic('schema-violation', { schema: SCHEMA_FILES[kind], reason: describe(e) }, { ...where, pointer: e.instancePath, field: e.instancePath || '/' }),
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
  if (e.keyword === 'additionalProperties') return `${at} has unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') return `${at} ${e.message}: ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return `${at} ${e.message ?? e.keyword}`;
}
