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
import { compileCached, type CompileValidator } from './compiled-cache';
import { valueAt } from '../swagger/json-pointer';
import { selectBranchErrors } from './schema-branches';
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

/** How one validator is compiled, and the key of what it is compiled from. */
export interface ValidatorRecipe {
  label: SchemaKind;
  keyMaterial: string;
  compile: CompileValidator;
}

/** The three official schemas in `dir`, as recipes (the schema files are read here). */
export function officialValidatorRecipes(dir: string): ValidatorRecipe[] {
  const text = (kind: SchemaKind) => fs.readFileSync(path.join(dir, SCHEMA_FILES[kind]), 'utf8');
  const options = { strict: false, allErrors: true, logger: false, code: { source: true } } as const;
  const compileWith = (draft04: boolean, schema: () => JsonObject) => () => {
    const Ajv = (draft04 ? require('ajv-draft-04') : require('ajv')).default as typeof import('ajv').default;
    const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;
    const ajv = new Ajv(options);
    addFormats(ajv);
    return { ajv, validate: ajv.compile(schema()) };
  };
  const recipe = (label: SchemaKind, draft04: boolean, patch: (s: JsonObject) => JsonObject): ValidatorRecipe => {
    const source = text(label);
    // Bump PATCHES when a patch function changes: it is part of the key.
    return {
      label,
      keyMaterial: `${PATCHES}\0${source}`,
      compile: compileWith(draft04, () => patch(readJsonc(SCHEMA_FILES[label], source))),
    };
  };
  return [
    recipe('apiDefinition', true, (s) => s),
    recipe('apiProperties', false, patchApiProperties),
    recipe('settings', false, patchSettings),
  ];
}

const cache = new Map<string, OfficialValidators>();

/**
 * Validators for the three schemas in `dir`, compiled once per process per folder; for the
 * schemas pcdk was built against, the ones it ships (see compiled-cache.ts).
 */
export function loadOfficialValidators(dir: string): OfficialValidators {
  const key = path.resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = {} as Record<SchemaKind, ValidateFunction>;
  for (const r of officialValidatorRecipes(dir)) compiled[r.label] = compileCached(r.label, r.keyMaterial, r.compile);
  const validators: OfficialValidators = {
    dir: key,
    validate(kind, value, where) {
      const fn = compiled[kind];
      if (fn(value)) return [];
      return relevantErrors(fn, value).map((e) =>
        diagnostic(
          'schema-violation',
          { schema: SCHEMA_FILES[kind], reason: describe(e, value) },
          { ...where, pointer: e.instancePath, field: e.instancePath || '/' },
        ),
      );
    },
  };
  cache.set(key, validators);
  return validators;
}

/**
 * One error per mistake: each failed oneOf/anyOf keeps the errors of the branch the value was
 * meant for (schema-branches.ts); combinator summaries go when something more precise was said.
 */
function relevantErrors(fn: ValidateFunction, value: unknown): ErrorObject[] {
  const errors = [...(fn.errors ?? [])];
  const chosen = selectBranchErrors(errors, value, (edited) => (fn(edited) ? [] : [...(fn.errors ?? [])]));
  const precise = chosen.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  return precise.length ? precise : chosen;
}

/** Which key or value is wrong, and what is allowed where the error says. */
function describe(e: ErrorObject, value: unknown): string {
  const at = e.instancePath || '(root)';
  if (e.keyword === 'additionalProperties')
    return `${at} has unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return `${at} is ${JSON.stringify(valueAt(value, e.instancePath))}; allowed: ${allowed}`;
  }
  return `${at} ${e.message ?? e.keyword}`;
}
