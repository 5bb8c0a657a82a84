/**
 * Recorded bodies (responses, request bodies, webhook deliveries) against their schemas, with
 * findings in ajv's shape and words, which the recordings' diagnostics were written against.
 */
import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema';
import type { SchemaObject } from '../model/schema';
import { pointerSegments, valueAt } from '../swagger/json-pointer';
import { toJsonSchema } from './json-schema';

/** One finding, in ajv's error shape. */
export interface SchemaError {
  /** JSON pointer to the value at fault ('' for the root). */
  instancePath: string;
  keyword: string;
  message: string;
  params: { missingProperty?: string; additionalProperty?: string };
}

export interface BodyValidator {
  (value: unknown): boolean;
  /** The last call's findings, or null when it passed. */
  errors: SchemaError[] | null;
}

/**
 * Recorded bodies are checked by @cfworker/json-schema, which reads a schema as it validates.
 * ajv (which checks the official schemas, whose validators are compiled ahead and shipped)
 * would compile each response schema to code first: for a connector's recordings each
 * validator then runs over one or two bodies, so compiling was nearly all of the check. For
 * ConvertKit's 40 schemas ajv took about 130 ms in a first build (and its standalone code a
 * cache file each); reading them as they validate takes about 12 ms, in every build.
 */
export class SchemaValidators {
  private readonly cache = new WeakMap<SchemaObject, BodyValidator>();
  get(s: SchemaObject): BodyValidator {
    let v = this.cache.get(s);
    if (!v) {
      v = bodyValidator(toJsonSchema(s));
      this.cache.set(s, v);
    }
    return v;
  }
}

function bodyValidator(given: Record<string, unknown>): BodyValidator {
  // The validator writes each key into a URI fragment, which a lone surrogate cannot be in: such
  // a key is checked as U+FFFD, in the schema and the body alike (only on a URIError, so the
  // common case copies nothing).
  let schema = given;
  let checker = attempt(() => new Validator(schema as Schema, '7', false));
  if (checker instanceof URIError) {
    schema = wellFormedKeys(given) as Record<string, unknown>;
    checker = attempt(() => new Validator(schema as Schema, '7', false));
  }
  const sanitized = schema !== given;
  const validate = ((body: unknown): boolean => {
    let value = sanitized ? wellFormedKeys(body) : body;
    const check = (v: unknown) => (checker instanceof Error ? checker : attempt(() => checker.validate(v)));
    let outcome = check(value);
    if (outcome instanceof URIError && !sanitized) {
      value = wellFormedKeys(body);
      outcome = check(value);
    }
    if (outcome instanceof Error) {
      // A schema the validator cannot read (a pattern that is no regular expression): said, not thrown.
      validate.errors = [
        { instancePath: '', keyword: 'schema', message: `cannot be checked: ${outcome.message}`, params: {} },
      ];
      return false;
    }
    validate.errors = outcome.valid ? null : schemaErrors(outcome.errors, schema, value);
    return outcome.valid;
  }) as BodyValidator;
  validate.errors = null;
  return validate;
}

/** What `f` returns, or what it threw, as an Error. */
function attempt<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\ufffd');

/** A copy whose keys (and `required` names, which are keys of the body) are well-formed Unicode. */
function wellFormedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wellFormedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      wellFormed(k),
      k === 'required' && Array.isArray(v)
        ? v.map((x) => (typeof x === 'string' ? wellFormed(x) : x))
        : wellFormedKeys(v),
    ]),
  );
}

/** A JSON pointer from the validator's URI-fragment location ('#/a%20b/0' -> '/a b/0'). */
function fragmentPointer(location: string): string {
  return decodeURIComponent(location.replace(/^#/, ''));
}

/** Each leaf finding, in ajv's words; the "property x does not match" wrappers around them are dropped. */
function schemaErrors(units: OutputUnit[], schema: Record<string, unknown>, value: unknown): SchemaError[] {
  const out: SchemaError[] = [];
  // A missing required property is reported once per name, in the order `required` lists them.
  const missing = new Map<string, string[]>();
  for (const u of units) {
    const instancePath = fragmentPointer(u.instanceLocation);
    const keywordPath = fragmentPointer(u.keywordLocation);
    const node = valueAt(schema, keywordPath.slice(0, keywordPath.lastIndexOf('/'))) as
      | Record<string, unknown>
      | undefined;
    const limit = node?.[u.keyword];
    switch (u.keyword) {
      case 'properties':
      case 'items':
      case 'additionalProperties':
        break;
      case 'false': {
        // additionalProperties: false, reported at the extra property itself.
        const parent = instancePath.slice(0, instancePath.lastIndexOf('/'));
        const name = pointerSegments(instancePath).pop() ?? '';
        out.push({
          instancePath: parent,
          keyword: 'additionalProperties',
          message: 'must NOT have additional properties',
          params: { additionalProperty: name },
        });
        break;
      }
      case 'required': {
        let names = missing.get(instancePath);
        if (!names) {
          const present = valueAt(value, instancePath) as Record<string, unknown>;
          names = ((limit as string[] | undefined) ?? []).filter((k) => !Object.hasOwn(present, k));
          missing.set(instancePath, names);
        }
        const name = names.shift() ?? '';
        out.push({
          instancePath,
          keyword: 'required',
          message: `must have required property '${name}'`,
          params: { missingProperty: name },
        });
        break;
      }
      default:
        out.push({ instancePath, keyword: u.keyword, message: messageFor(u, node, limit), params: {} });
    }
  }
  return out;
}

function messageFor(u: OutputUnit, node: Record<string, unknown> | undefined, limit: unknown): string {
  switch (u.keyword) {
    case 'type':
      return `must be ${Array.isArray(limit) ? limit.join(',') : String(limit)}`;
    case 'enum':
      return 'must be equal to one of the allowed values';
    case 'format':
      return `must match format "${String(limit)}"`;
    case 'pattern':
      // A Swagger byte string is checked as its base64 pattern (toJsonSchema).
      return node?.format === 'byte' ? 'must match format "byte"' : `must match pattern "${String(limit)}"`;
    case 'minimum':
      return `must be >= ${String(limit)}`;
    case 'maximum':
      return `must be <= ${String(limit)}`;
    case 'minLength':
      return `must NOT have fewer than ${String(limit)} characters`;
    case 'maxLength':
      return `must NOT have more than ${String(limit)} characters`;
    case 'minItems':
      return `must NOT have fewer than ${String(limit)} items`;
    case 'maxItems':
      return `must NOT have more than ${String(limit)} items`;
    default:
      return u.error;
  }
}
