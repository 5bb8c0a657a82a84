/**
 * A source schema (swagger JSON) as typed descriptor code: a `t.*` builder call where the builder
 * emits exactly the source keys, else a plain SchemaObject literal, or `declaredSchema({ ... })`
 * when it holds keys no builder writes ($ref, allOf, xml, ...), whose sub-schemas may again be
 * builder calls. Each result carries both the source text to write and the runtime value that
 * text evaluates to (built with the real builders), so the caller can emit it and compare with
 * the source before trusting it. Returns undefined when the schema holds something a DeclaredSchema
 * cannot type (an unknown non-vendor key, a wrong value type): the caller then keeps the declared form.
 *
 * The checks here are about the generated code type-checking (formats, visibility values, enum
 * and default types); whether the emitted JSON equals the source is the caller's comparison.
 */
import { declaredSchema } from '../model/declared';
import type { DynamicValues } from '../model/dynamic';
import { t, type SchemaObject } from '../model/schema';
import type { DeclaredSchema } from '../swagger/document';
import { SCHEMA_TYPES, isStringFormat, isVisibility } from '../swagger/constants';
import { isArray, isObject, type JsonObject } from '../swagger/found';
import { call, code as rawCode } from './ts-writer';

type Obj = JsonObject;

/** Source text (a literal()-able tree) and the runtime value it evaluates to. */
export interface Typed {
  code: unknown;
  value: unknown;
}

/** Helper names (`t`, `query`, `response`, ...) the generated code calls: the file imports exactly these. */
export type Uses = Set<string>;

const TYPES: ReadonlySet<unknown> = new Set(SCHEMA_TYPES);

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isStrArray = (v: unknown): v is readonly string[] => isArray(v) && v.every(isStr);
const oneOf =
  (...vs: unknown[]) =>
  (v: unknown): boolean =>
    vs.includes(v);
const anyValue = (): boolean => true;

/** Every SchemaObject key with the values its TypeScript type accepts (sub-schemas handled apart). */
const RAW_KEYS: Record<string, (v: unknown) => boolean> = {
  type: (v) => TYPES.has(v),
  format: isStr,
  title: isStr,
  description: isStr,
  pattern: isStr,
  $ref: isStr,
  discriminator: isStr,
  'x-ms-summary': isStr,
  'x-ms-editor': isStr,
  default: anyValue,
  example: anyValue,
  'x-ms-test-value': anyValue,
  'x-ms-trigger-value': anyValue,
  enum: isArray,
  required: isStrArray,
  minimum: isNum,
  maximum: isNum,
  minLength: isNum,
  maxLength: isNum,
  minItems: isNum,
  maxItems: isNum,
  multipleOf: isNum,
  minProperties: isNum,
  maxProperties: isNum,
  readOnly: isBool,
  exclusiveMinimum: isBool,
  exclusiveMaximum: isBool,
  uniqueItems: isBool,
  'x-nullable': isBool,
  'x-ms-notification-url': isBool,
  'x-ms-localizeDefaultValue': isBool,
  'x-ms-dynamic-values': isObject,
  'x-ms-dynamic-schema': isObject,
  'x-ms-dynamic-properties': isObject,
  'x-ms-dynamic-list': isObject,
  'x-ms-dynamic-tree': isObject,
  xml: isObject,
  'x-ms-enum': isObject,
  'x-ms-editor-options': isObject,
  'x-ms-visibility': isVisibility,
  'x-ms-media-kind': oneOf('image', 'audio'),
  'x-ms-url-encoding': oneOf('single', 'double'),
  externalDocs: (v) =>
    isObject(v) && isStr(v.url) && Object.keys(v).every((k) => k === 'url' || (k === 'description' && isStr(v[k]))),
  'x-ms-enum-values': (v) =>
    isArray(v) &&
    v.every(
      (e) =>
        isObject(e) &&
        'value' in e &&
        Object.keys(e).every((k) => k === 'value' || (k === 'displayName' && isStr(e[k]))),
    ),
};
const SUB_SCHEMA_KEYS = new Set(['items', 'properties', 'additionalProperties', 'allOf']);
/**
 * The authoring SchemaObject's keys, all of them (the Record type checks that): a literal with any
 * other key is written as declaredSchema().
 */
const AUTHORED: Record<keyof SchemaObject, true> = {
  type: true,
  format: true,
  title: true,
  description: true,
  default: true,
  enum: true,
  example: true,
  items: true,
  properties: true,
  required: true,
  additionalProperties: true,
  minimum: true,
  maximum: true,
  minLength: true,
  maxLength: true,
  pattern: true,
  minItems: true,
  maxItems: true,
  'x-ms-summary': true,
  'x-ms-visibility': true,
  'x-nullable': true,
};
const isAuthoredKey = (k: string): boolean => Object.hasOwn(AUTHORED, k);

/** An own data property, safe for any key (a source property may be named `__proto__`). */
export function putOwn(o: Obj, k: string, v: unknown): void {
  // `__proto__` is the one key an assignment would not make an own property (Object.prototype's
  // accessor would take it); every other key is assigned, which keeps the object fast.
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** x-ms-dynamic-values as the builders' DynamicValues, when it holds nothing else. */
export function dynamicValuesFrom(v: unknown): DynamicValues | undefined {
  if (!isObject(v) || !isStr(v.operationId) || !isStr(v['value-path']) || !isStr(v['value-title'])) return undefined;
  const known = new Set(['operationId', 'value-path', 'value-title', 'value-collection', 'parameters']);
  if (Object.keys(v).some((k) => !known.has(k))) return undefined;
  if (v['value-collection'] !== undefined && !isStr(v['value-collection'])) return undefined;
  const d: { -readonly [K in keyof DynamicValues]: DynamicValues[K] } = {
    from: v.operationId,
    value: v['value-path'],
    title: v['value-title'],
  };
  if (v['value-collection'] !== undefined) d.collection = v['value-collection'] as string;
  if (v.parameters !== undefined) {
    if (!isObject(v.parameters)) return undefined;
    const ok = Object.values(v.parameters).every(
      (p) => isObject(p) && Object.keys(p).length === 1 && ('value' in p || isStr(p.parameter)),
    );
    if (!ok) return undefined;
    d.parameters = v.parameters as DynamicValues['parameters'];
  }
  // Written in the builder's field order so the source reads like authored code.
  const ordered: Obj = { from: d.from };
  if (d.collection !== undefined) ordered.collection = d.collection;
  ordered.value = d.value;
  ordered.title = d.title;
  if (d.parameters !== undefined) ordered.parameters = d.parameters;
  return ordered as unknown as DynamicValues;
}

/** CommonOptions read from the source keys; undefined when one of them has no builder spelling. */
function commonOptions(s: Obj): Obj | undefined {
  const o: Obj = {};
  if (s.title !== undefined) {
    if (!isStr(s.title)) return undefined;
    o.title = s.title;
  }
  if (s.description !== undefined) {
    if (!isStr(s.description)) return undefined;
    o.description = s.description;
  }
  if (s['x-ms-summary'] !== undefined) {
    if (!isStr(s['x-ms-summary'])) return undefined;
    o.summary = s['x-ms-summary'];
  }
  return o;
}
/** The options that come after the type-specific ones (visibility, nullable, dynamic values). */
function trailingOptions(s: Obj, o: Obj): boolean {
  if (s['x-ms-visibility'] !== undefined) {
    if (!isVisibility(s['x-ms-visibility'])) return false;
    o.visibility = s['x-ms-visibility'];
  }
  if (s['x-nullable'] !== undefined) {
    if (s['x-nullable'] !== true) return false; // the builder writes x-nullable only as true
    o.nullable = true;
  }
  if (s['x-ms-dynamic-values'] !== undefined) {
    const d = dynamicValuesFrom(s['x-ms-dynamic-values']);
    if (!d) return false;
    o.dynamicValues = d;
  }
  if (s.example !== undefined) o.example = s.example;
  return true;
}
const COMMON_KEYS = [
  'type',
  'title',
  'description',
  'x-ms-summary',
  'x-ms-visibility',
  'x-nullable',
  'x-ms-dynamic-values',
  'example',
];

/** Copies the named keys when each passes its check; false when one does not. */
function copyChecked(s: Obj, o: Obj, checks: Record<string, (v: unknown) => boolean>): boolean {
  for (const [k, ok] of Object.entries(checks)) {
    if (s[k] === undefined) continue;
    if (!ok(s[k])) return false;
    o[k] = s[k];
  }
  return true;
}

const BUILDER_KEYS: Record<string, readonly string[]> = {
  string: ['format', 'enum', 'default', 'pattern', 'minLength', 'maxLength'],
  integer: ['format', 'default', 'minimum', 'maximum'],
  number: ['format', 'default', 'minimum', 'maximum'],
  boolean: ['default'],
  file: [],
  array: ['items', 'minItems', 'maxItems'],
  object: ['properties', 'required', 'additionalProperties'],
};

class SchemaWriter {
  constructor(
    private readonly uses: Uses,
    private readonly shared?: ReadonlyMap<string, Typed>,
  ) {}

  schema(s: unknown): Typed | undefined {
    if (!isObject(s)) return undefined;
    // A reference to a shared definition written as a constant: the constant itself (it emits the $ref).
    const keys = Object.keys(s);
    const hit = keys.length === 1 && isStr(s.$ref) ? this.shared?.get(s.$ref) : undefined;
    if (hit) {
      this.uses.add('schemas');
      return hit;
    }
    return this.builder(s) ?? this.raw(s);
  }

  /** `name(...args, options)`; empty options (and a then-trailing `undefined`) are left out: `t.string()`, `t.record()`. */
  private call(name: string, fn: (...a: unknown[]) => unknown, args: Typed[], options: Obj): Typed {
    this.uses.add('t');
    const codes = args.map((a) => a.code);
    if (Object.keys(options).length > 0) codes.push(options);
    else while (codes.length > 0 && codes[codes.length - 1] === UNDEFINED) codes.pop();
    return { code: call(name, ...codes), value: fn(...args.map((a) => a.value), options) };
  }

  /** A `t.*` call that emits exactly the source keys, or undefined. */
  private builder(s: Obj): Typed | undefined {
    const type = s.type;
    if (!isStr(type) || !(type in BUILDER_KEYS)) return undefined;
    const allowed = new Set([...COMMON_KEYS, ...BUILDER_KEYS[type]!]);
    if (Object.keys(s).some((k) => !allowed.has(k))) return undefined;
    const o = commonOptions(s);
    if (!o) return undefined;
    const plain = (
      name: string,
      fn: (x: Obj) => unknown,
      extra: Record<string, (v: unknown) => boolean>,
    ): Typed | undefined => {
      if (!copyChecked(s, o, extra) || !trailingOptions(s, o)) return undefined;
      return this.call(name, fn as (...a: unknown[]) => unknown, [], o);
    };
    switch (type) {
      case 'string':
        return plain('t.string', (x) => t.string(x), {
          format: isStringFormat,
          enum: isStrArray,
          default: isStr,
          pattern: isStr,
          minLength: isNum,
          maxLength: isNum,
        });
      case 'integer':
        if (!oneOf('int32', 'int64')(s.format)) return undefined;
        return plain('t.integer', (x) => t.integer(x as never), {
          format: anyValue,
          default: isNum,
          minimum: isNum,
          maximum: isNum,
        });
      case 'number':
        if (!oneOf('float', 'double')(s.format)) return undefined;
        return plain('t.number', (x) => t.number(x as never), {
          format: anyValue,
          default: isNum,
          minimum: isNum,
          maximum: isNum,
        });
      case 'boolean':
        return plain('t.boolean', (x) => t.boolean(x), { default: isBool });
      case 'file':
        return plain('t.file', (x) => t.file(x), {});
      case 'array': {
        const items = this.schema(s.items);
        if (!items || !copyChecked(s, o, { minItems: isNum, maxItems: isNum }) || !trailingOptions(s, o))
          return undefined;
        return this.call('t.array', (i, x) => t.array(i as SchemaObject, x as Obj), [items], o);
      }
      case 'object':
        return this.objectBuilder(s, o);
    }
    return undefined;
  }

  /** t.object / t.partial (properties, required in property order) or t.record (additionalProperties). */
  private objectBuilder(s: Obj, o: Obj): Typed | undefined {
    if (!trailingOptions(s, o)) return undefined;
    if (s.additionalProperties !== undefined) {
      if (s.properties !== undefined || s.required !== undefined) return undefined;
      if (s.additionalProperties === true) {
        return this.call(
          't.record',
          (_v, x) => t.record(undefined, x as Obj),
          [{ code: UNDEFINED, value: undefined }],
          o,
        );
      }
      const values = this.schema(s.additionalProperties);
      if (!values) return undefined;
      return this.call('t.record', (v, x) => t.record(v as SchemaObject, x as Obj), [values], o);
    }
    const props = s.properties ?? {};
    if (!isObject(props) || (s.properties !== undefined && Object.keys(props).length === 0)) return undefined;
    const required = s.required;
    if (required !== undefined && (!isStrArray(required) || required.length === 0)) return undefined;
    const requiredSet = new Set(required ?? []);
    const code: Obj = {};
    const value: Obj = {};
    for (const [name, sub] of Object.entries(props)) {
      const typed = this.schema(sub);
      if (!typed) return undefined;
      if (required && !requiredSet.has(name)) {
        putOwn(code, name, call('t.optional', typed.code));
        putOwn(value, name, t.optional(typed.value as SchemaObject));
      } else {
        putOwn(code, name, typed.code);
        putOwn(value, name, typed.value);
      }
    }
    if (required) {
      // t.object writes `required` in property order; any other order or an unknown name stays a literal.
      const emitted = Object.keys(value).filter((k) => requiredSet.has(k));
      if (emitted.length !== required.length || emitted.some((k, i) => k !== required[i])) return undefined;
      return this.call(
        't.object',
        (p, x) => t.object(p as Record<string, SchemaObject>, x as Obj),
        [{ code, value }],
        o,
      );
    }
    return this.call(
      't.partial',
      (p, x) => t.partial(p as Record<string, SchemaObject>, x as Obj),
      [{ code, value }],
      o,
    );
  }

  /**
   * A SchemaObject literal with the source keys, or declaredSchema() of one with keys no builder
   * writes; sub-schemas written typed where they can be.
   */
  private raw(s: Obj): Typed | undefined {
    const code: Obj = {};
    const value: Obj = {};
    for (const [k, v] of Object.entries(s)) {
      if (SUB_SCHEMA_KEYS.has(k)) {
        const sub = this.subSchemas(k, v);
        if (!sub) return undefined;
        putOwn(code, k, sub.code);
        putOwn(value, k, sub.value);
        continue;
      }
      // Vendor keys (`x-...`, DeclaredSchema's VendorKeys) are written as declared: any JSON value.
      const check = Object.hasOwn(RAW_KEYS, k) ? RAW_KEYS[k] : k.startsWith('x-') ? anyValue : undefined;
      if (!check?.(v)) return undefined;
      putOwn(code, k, v);
      putOwn(value, k, v);
    }
    // An empty literal (any value) is no SchemaObject to tsc (a weak type with nothing in common): declared.
    if (Object.keys(s).length > 0 && Object.keys(s).every(isAuthoredKey)) return { code, value };
    // Keys only a declared schema has: the literal is one, and the call makes it a schema operation() takes.
    this.uses.add('declaredSchema');
    // `value` holds the source keys, each checked against RAW_KEYS (DeclaredSchema's types) above.
    return { code: call('declaredSchema', code), value: declaredSchema(value as DeclaredSchema) };
  }

  private subSchemas(k: string, v: unknown): Typed | undefined {
    if (k === 'additionalProperties' && isBool(v)) return { code: v, value: v };
    if (k === 'items' || k === 'additionalProperties') return this.schema(v);
    if (k === 'allOf') {
      if (!isArray(v)) return undefined;
      const parts = v.map((x) => this.schema(x));
      if (parts.some((p) => !p)) return undefined;
      return { code: parts.map((p) => p!.code), value: parts.map((p) => p!.value) };
    }
    if (!isObject(v)) return undefined;
    const code: Obj = {};
    const value: Obj = {};
    for (const [name, sub] of Object.entries(v)) {
      const typed = this.schema(sub);
      if (!typed) return undefined;
      putOwn(code, name, typed.code);
      putOwn(value, name, typed.value);
    }
    return { code, value };
  }
}

/** `undefined` as an argument (t.record's values when any value is allowed). */
const UNDEFINED = rawCode('undefined');

/** `shared`: the typed constants of the shared definitions by their `$ref` (shared-schemas.ts). */
export function typedSchema(s: unknown, uses: Uses, shared?: ReadonlyMap<string, Typed>): Typed | undefined {
  return new SchemaWriter(uses, shared).schema(s);
}
