/**
 * OpenAPI 3.0 / 3.1 and Swagger 2.0 schemas as Shapes: the subset of Swagger 2.0 the `t.*`
 * builders write, which Power Platform accepts. What that subset cannot say is turned into its
 * nearest form, with a warning naming the operation and the JSON pointer where information is lost:
 *   allOf                  merged into one object (properties and required lists united)
 *   oneOf / anyOf          null branches -> nullable; one branch left -> it; all objects -> their
 *                          properties merged (each optional); otherwise the first object branch
 *   nullable, [T, 'null']  x-nullable (the builders' nullable option)
 *   const                  a one-value enum
 *   other formats          dropped (certification rejects unknown formats)
 * Shared schemas stay references (`ref`), written as the constants of schemas.ts.
 */
import { STRING_FORMATS } from '../../swagger/constants';
import { isArray, isObject, type JsonObject } from '../../swagger/found';
import { componentName, resolvePointer } from './refs';
import type { DescriptionVersion } from './read-description';

export type ShapeKind = 'ref' | 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'record' | 'any';

/** One schema as the builders can write it. Only the fields of its kind are set. */
export interface Shape {
  kind: ShapeKind;
  /** kind 'ref': the shared schema's name in the description. */
  ref?: string;
  title?: string;
  description?: string;
  nullable?: boolean;
  format?: string;
  enum?: string[];
  default?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Shape;
  /** kind 'object': in source order. */
  properties?: [string, Shape][];
  required?: string[];
  /** kind 'record': the map's values (absent: any value). */
  values?: Shape;
}

export interface Loss {
  what: string;
  pointer: string;
}

export interface SchemaSource {
  readonly doc: JsonObject;
  readonly version: DescriptionVersion;
  /** A shared schema's Shape, for merging it into an allOf; undefined while it is being built (a cycle). */
  component(name: string): Shape | undefined;
  /** Where information was lost; the caller adds the operation. */
  lost(loss: Loss): void;
}

const STRING_FORMAT_SET: ReadonlySet<string> = new Set(STRING_FORMATS);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function annotations(s: JsonObject, into: Shape): Shape {
  if (isStr(s.title) && s.title.trim()) into.title = s.title.trim();
  if (isStr(s.description) && s.description.trim()) into.description = s.description.trim();
  if (s.nullable === true || s['x-nullable'] === true) into.nullable = true;
  return into;
}

/** The declared types without 'null', and whether 'null' was one of them (OpenAPI 3.1 type arrays). */
function typesOf(s: JsonObject): { types: string[]; nullable: boolean } {
  const raw = isArray(s.type) ? s.type.filter(isStr) : isStr(s.type) ? [s.type] : [];
  return { types: raw.filter((t) => t !== 'null'), nullable: raw.includes('null') };
}

export class SchemaConverter {
  constructor(private readonly src: SchemaSource) {}

  /** `s` (found at `pointer`) as a Shape; `inlining` holds the local refs being followed, against loops. */
  shape(s: unknown, pointer: string, inlining: ReadonlySet<string> = new Set()): Shape {
    if (s === true || s === undefined) return { kind: 'any' };
    if (!isObject(s)) return { kind: 'any' };
    if (isStr(s.$ref)) return this.reference(s, pointer, inlining);
    const own = { ...s };
    if (isArray(s.allOf) && s.allOf.length > 0) return this.allOf(s, pointer, inlining);
    for (const key of ['oneOf', 'anyOf'] as const) {
      if (isArray(s[key]) && (s[key] as unknown[]).length > 0) return this.alternatives(s, key, pointer, inlining);
      delete own[key];
    }
    return this.plain(own, pointer, inlining);
  }

  private reference(s: JsonObject, pointer: string, inlining: ReadonlySet<string>): Shape {
    const ref = s.$ref as string;
    const name = componentName(ref, this.src.version);
    if (name !== undefined && isObject(resolvePointer(this.src.doc, ref))) {
      // OpenAPI 3.1 lets a $ref carry its own description: it labels this use of the schema.
      return annotations(s, { kind: 'ref', ref: name });
    }
    const target = resolvePointer(this.src.doc, ref);
    if (target === undefined) {
      this.src.lost({
        what: `the reference ${ref} cannot be followed (only local references are read); typed as any value`,
        pointer,
      });
      return { kind: 'any' };
    }
    if (inlining.has(ref)) {
      this.src.lost({ what: `the reference ${ref} loops back on itself; typed as a free-form object`, pointer });
      return { kind: 'record' };
    }
    return annotations(s, this.shape(target, pointer, new Set([...inlining, ref])));
  }

  /** A branch with a shared schema's reference replaced by that schema, for merging. */
  private resolved(branch: unknown, pointer: string, inlining: ReadonlySet<string>): Shape | undefined {
    const shape = this.shape(branch, pointer, inlining);
    if (shape.kind !== 'ref') return shape;
    const target = this.src.component(shape.ref!);
    if (!target) {
      this.src.lost({ what: `${shape.ref} includes itself through allOf/oneOf; that branch was left out`, pointer });
      return undefined;
    }
    return { ...target, ...withoutUndefined({ title: shape.title, description: shape.description }) };
  }

  private allOf(s: JsonObject, pointer: string, inlining: ReadonlySet<string>): Shape {
    const branches = s.allOf as unknown[];
    const { allOf: _drop, ...rest } = s;
    const hasOwnShape = rest.properties !== undefined || rest.type !== undefined || rest.oneOf || rest.anyOf;
    // `allOf: [{ $ref }]` beside a description or nullable is how OpenAPI 3.0 annotates one use
    // of a shared schema: keep the reference.
    if (branches.length === 1 && !hasOwnShape)
      return annotations(s, this.shape(branches[0], `${pointer}/allOf/0`, inlining));
    const parts: Shape[] = [];
    branches.forEach((b, i) => {
      const part = this.resolved(b, `${pointer}/allOf/${i}`, inlining);
      if (part) parts.push(part);
    });
    if (hasOwnShape) parts.push(this.shape(rest, pointer, inlining));
    const objects = parts.filter((p) => p.kind === 'object' || p.kind === 'record');
    if (objects.length === 0) {
      // allOf of non-objects (a string with extra constraints): constraints of one type add up;
      // branches of another type cannot hold at once, so the first branch's type wins.
      const typed = parts.filter((p) => p.kind !== 'any');
      const kind = typed[0]?.kind ?? 'any';
      if (typed.some((p) => p.kind !== kind))
        this.src.lost({
          what: `allOf of ${[...new Set(typed.map((p) => p.kind))].join(', ')}: the ${kind} is kept`,
          pointer,
        });
      const merged: Shape = { kind };
      for (const p of parts)
        if (p.kind === kind || p.kind === 'any') Object.assign(merged, withoutUndefined(p), { kind });
      return annotations(rest, merged);
    }
    if (objects.length < parts.length)
      this.src.lost({ what: 'allOf mixes objects and other types: the non-object branches were left out', pointer });
    return annotations(rest, mergeObjects(objects, true));
  }

  private alternatives(s: JsonObject, key: 'oneOf' | 'anyOf', pointer: string, inlining: ReadonlySet<string>): Shape {
    const { [key]: list, ...rest } = s;
    let nullable = false;
    const branches: Shape[] = [];
    (list as unknown[]).forEach((b, i) => {
      if (isObject(b) && (b.type === 'null' || (isArray(b.type) && b.type.length === 1 && b.type[0] === 'null'))) {
        nullable = true;
        return;
      }
      const shape = this.resolved(b, `${pointer}/${key}/${i}`, inlining);
      if (shape) branches.push(shape);
    });
    // Properties written beside the alternatives apply to every one of them.
    const own =
      rest.properties !== undefined || rest.type === 'object' ? this.plain(rest, pointer, inlining) : undefined;
    let chosen: Shape;
    if (branches.length === 0) chosen = own ?? { kind: 'any' };
    else if (branches.length === 1) chosen = own ? mergeObjects([own, branches[0]!], true) : branches[0]!;
    else {
      const objects = branches.filter((b) => b.kind === 'object' || b.kind === 'record');
      if (objects.length === branches.length) {
        this.src.lost({
          what: `${key} of ${branches.length} object schemas merged into one object whose properties are all optional`,
          pointer,
        });
        chosen = mergeObjects(own ? [own, ...branches] : branches, false);
        if (own?.required) chosen.required = own.required;
      } else {
        const first = objects[0] ?? branches[0]!;
        const kinds = [...new Set(branches.map((b) => b.kind))].join(', ');
        this.src.lost({ what: `${key} of ${kinds}: only the ${first.kind} alternative is kept`, pointer });
        chosen = own && (first.kind === 'object' || first.kind === 'record') ? mergeObjects([own, first], true) : first;
      }
    }
    const out = annotations(rest, { ...chosen });
    if (nullable || typesOf(rest).nullable) out.nullable = true;
    return out;
  }

  private plain(s: JsonObject, pointer: string, inlining: ReadonlySet<string>): Shape {
    const { types, nullable } = typesOf(s);
    if (types.length > 1) this.src.lost({ what: `type [${types.join(', ')}] became ${types[0]}`, pointer });
    let type = types[0];
    if (type === undefined) {
      if (s.properties !== undefined || s.additionalProperties !== undefined) type = 'object';
      else if (s.items !== undefined) type = 'array';
      else if (isArray(s.enum) && s.enum.every(isStr)) type = 'string';
      else if (isStr(s.const)) type = 'string';
      // A constraint-only branch (allOf: [{ type: string }, { maxLength: 5 }]) says its type by its keywords.
      else if (['maxLength', 'minLength', 'pattern'].some((k) => s[k] !== undefined)) type = 'string';
      else if (
        ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].some((k) => s[k] !== undefined)
      )
        type = 'number';
    }
    const shape = annotations(s, { kind: 'any' });
    if (nullable) shape.nullable = true;
    switch (type) {
      case 'string':
      case 'file':
        return this.stringShape(s, shape);
      case 'integer':
      case 'number':
        return numberShape(s, shape, type);
      case 'boolean':
        shape.kind = 'boolean';
        if (typeof s.default === 'boolean') shape.default = s.default;
        return shape;
      case 'array':
        shape.kind = 'array';
        shape.items = this.shape(s.items, `${pointer}/items`, inlining);
        if (isNum(s.minItems)) shape.minItems = s.minItems;
        if (isNum(s.maxItems)) shape.maxItems = s.maxItems;
        return shape;
      case 'object':
        return this.objectShape(s, shape, pointer, inlining);
      default:
        return shape;
    }
  }

  private stringShape(s: JsonObject, shape: Shape): Shape {
    shape.kind = 'string';
    // Binary content is only accepted as a whole body or file parameter, never inside JSON.
    if (isStr(s.format) && STRING_FORMAT_SET.has(s.format) && s.format !== 'binary') shape.format = s.format;
    const values = isArray(s.enum) ? s.enum : s.const !== undefined ? [s.const] : undefined;
    if (values) {
      // Certification rejects an empty string among the values and duplicates; null is nullable.
      const kept = [...new Set(values.filter((v): v is string => isStr(v) && v !== ''))];
      if (values.includes(null)) shape.nullable = true;
      if (kept.length > 0) shape.enum = kept;
    }
    if (isStr(s.default) && (!shape.enum || shape.enum.includes(s.default))) shape.default = s.default;
    if (isStr(s.pattern)) shape.pattern = s.pattern;
    if (isNum(s.minLength)) shape.minLength = s.minLength;
    if (isNum(s.maxLength)) shape.maxLength = s.maxLength;
    return shape;
  }

  private objectShape(s: JsonObject, shape: Shape, pointer: string, inlining: ReadonlySet<string>): Shape {
    const props = isObject(s.properties) ? Object.entries(s.properties) : [];
    if (props.length === 0) {
      shape.kind = 'record';
      if (isObject(s.additionalProperties))
        shape.values = this.shape(s.additionalProperties, `${pointer}/additionalProperties`, inlining);
      return shape;
    }
    shape.kind = 'object';
    shape.properties = props.map(([name, p]) => [
      name,
      this.shape(p, `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, inlining),
    ]);
    // A read-only property is the server's to set: required in responses, never something a
    // request body may demand (certification: required-read-only). The builders have no readOnly,
    // so such a property is optional everywhere.
    const readOnly = new Set(props.filter(([, p]) => isObject(p) && p.readOnly === true).map(([n]) => n));
    const names = new Set(props.map(([n]) => n).filter((n) => !readOnly.has(n)));
    const required = isArray(s.required) ? [...new Set(s.required.filter(isStr))].filter((r) => names.has(r)) : [];
    if (required.length > 0) shape.required = required;
    return shape;
  }
}

function numberShape(s: JsonObject, shape: Shape, type: 'integer' | 'number'): Shape {
  shape.kind = type;
  // The builders require a format (certification: IntegerTypeMustHaveFormat); the widest one
  // keeps every value the API may send.
  const formats = type === 'integer' ? ['int32', 'int64'] : ['float', 'double'];
  shape.format = isStr(s.format) && formats.includes(s.format) ? s.format : formats[1];
  if (isNum(s.default)) shape.default = s.default;
  // OpenAPI 3.1 writes an exclusive bound as a number: kept as an inclusive one (slightly looser).
  const min = isNum(s.minimum) ? s.minimum : isNum(s.exclusiveMinimum) ? s.exclusiveMinimum : undefined;
  const max = isNum(s.maximum) ? s.maximum : isNum(s.exclusiveMaximum) ? s.exclusiveMaximum : undefined;
  if (min !== undefined) shape.minimum = min;
  if (max !== undefined) shape.maximum = max;
  return shape;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * One object from several: properties in first-seen order (a later schema's property replaces an
 * earlier one of the same name, as allOf refinements do), required lists united when `keepRequired`.
 */
export function mergeObjects(parts: readonly Shape[], keepRequired: boolean): Shape {
  const props = new Map<string, Shape>();
  const required = new Set<string>();
  let title: string | undefined;
  let description: string | undefined;
  let values: Shape | undefined;
  let nullable = false;
  for (const p of parts) {
    title ??= p.title;
    description ??= p.description;
    if (p.nullable) nullable = true;
    for (const [n, s] of p.properties ?? []) props.set(n, s);
    if (keepRequired) for (const r of p.required ?? []) required.add(r);
    if (p.kind === 'record' && p.values) values ??= p.values;
  }
  const out: Shape =
    props.size > 0
      ? { kind: 'object', properties: [...props] }
      : values
        ? { kind: 'record', values }
        : { kind: 'record' };
  const req = [...props.keys()].filter((n) => required.has(n));
  if (props.size > 0 && req.length > 0) out.required = req;
  if (title) out.title = title;
  if (description) out.description = description;
  if (nullable) out.nullable = true;
  return out;
}
