/**
 * The schema builder `t`. Every builder returns a plain Swagger 2.0 schema object (what the
 * emitters serialize) that also carries a phantom static type, so the generated client is typed
 * from the very value that becomes the swagger schema: the two cannot drift.
 */
import type { DynamicValues } from './dynamic';
import { noteSite } from './source-site';

/** x-ms-visibility as Power Platform accepts it; "hidden" is a common mistake the type forbids. */
export type Visibility = 'important' | 'advanced' | 'internal';

export type IntegerFormat = 'int32' | 'int64';
export type NumberFormat = 'float' | 'double';
export type StringFormat =
  | 'byte'
  | 'binary'
  | 'date'
  | 'date-time'
  | 'password'
  | 'date-no-tz'
  | 'email'
  | 'html'
  | 'uri'
  | 'uuid';

/**
 * The Swagger 2.0 schema object as an author writes it: exactly the keys the `t.*` builders write.
 * The rest of Swagger 2.0 and of the official schema's x-ms-* keys ($ref, allOf, xml,
 * x-ms-dynamic-schema, ...), which only `pcdk import` writes, belong to DeclaredSchema
 * (src/swagger/document.ts), brought in by declaredSchema() (src/model/declared.ts).
 */
// A type literal, not an interface, so that every authored schema is also a DeclaredSchema (whose
// vendor-key index signature an interface could not meet) and the emitter writes both one way.
export type SchemaObject = {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'file';
  format?: string;
  title?: string;
  description?: string;
  default?: unknown;
  enum?: readonly unknown[];
  example?: unknown;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: SchemaObject | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  'x-ms-summary'?: string;
  'x-ms-visibility'?: Visibility;
  'x-nullable'?: boolean;
};

declare const STATIC: unique symbol;
/** A schema object that remembers, at type level only, the TypeScript type of its instances. */
export type TSchema<T = unknown> = SchemaObject & { readonly [STATIC]?: T };
export type Static<S> = S extends TSchema<infer T> ? T : never;

/** Runtime marks. Symbols are invisible to JSON and to Object.keys, so emitters never see them. */
export const OPTIONAL: unique symbol = Symbol.for('pcdk.optional');
export const DYNAMIC: unique symbol = Symbol.for('pcdk.dynamicValues');
export type TOptional<S extends TSchema> = S & { readonly [OPTIONAL]: true };

export interface CommonOptions {
  title?: string;
  description?: string;
  visibility?: Visibility;
  /** Emits x-nullable: the live API returns null here (Power Automate then accepts null). */
  nullable?: boolean;
  /** A dropdown fed by another operation (x-ms-dynamic-values). */
  dynamicValues?: DynamicValues;
  /**
   * x-ms-summary: the label Power Automate shows for a body or response property (a parameter's
   * label is its `title`). Imported connectors use it; authored ones label with `title`.
   */
  summary?: string;
  /** An example value (Swagger `example`). */
  example?: unknown;
}

type Nullable<T, O> = O extends { nullable: true } ? T | null : T;

function base(type: SchemaObject['type'], o: CommonOptions, extra: SchemaObject): SchemaObject {
  const s: SchemaObject = { type, ...extra };
  if (o.title !== undefined) s.title = o.title;
  if (o.description !== undefined) s.description = o.description;
  if (o.visibility !== undefined) s['x-ms-visibility'] = o.visibility;
  if (o.nullable) s['x-nullable'] = true;
  if (o.summary !== undefined) s['x-ms-summary'] = o.summary;
  if (o.example !== undefined) s.example = o.example;
  if (o.dynamicValues) Object.defineProperty(s, DYNAMIC, { value: o.dynamicValues, enumerable: false });
  return noteSite(s);
}

export interface StringOptions<E extends string> extends CommonOptions {
  format?: StringFormat;
  enum?: readonly E[];
  default?: E;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
}
export interface IntegerOptions extends CommonOptions {
  /** Required: an integer without a format is a certification smell (IntegerTypeMustHaveFormat). */
  format: IntegerFormat;
  default?: number;
  minimum?: number;
  maximum?: number;
}
export interface NumberOptions extends CommonOptions {
  format: NumberFormat;
  default?: number;
  minimum?: number;
  maximum?: number;
}
export interface BooleanOptions extends CommonOptions {
  default?: boolean;
}
export interface ArrayOptions extends CommonOptions {
  minItems?: number;
  maxItems?: number;
}

type Props = Record<string, TSchema>;
type OptionalKeys<P extends Props> = {
  [K in keyof P]: P[K] extends { readonly [OPTIONAL]: true } ? K : never;
}[keyof P];
type RequiredKeys<P extends Props> = Exclude<keyof P, OptionalKeys<P>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectStatic<P extends Props> = Simplify<
  { [K in RequiredKeys<P>]: Static<P[K]> } & { [K in OptionalKeys<P>]?: Static<P[K]> }
>;

function pick(o: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const src = o as Record<string, unknown>;
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

function objectSchema(
  props: Props,
  o: CommonOptions,
  additional?: SchemaObject | boolean,
  allOptional = false,
): SchemaObject {
  const required = allOptional
    ? []
    : Object.keys(props).filter((k) => !(props[k] as Record<symbol, unknown>)[OPTIONAL]);
  const extra: SchemaObject = {};
  if (Object.keys(props).length > 0) extra.properties = { ...props };
  if (required.length > 0) extra.required = required;
  if (additional !== undefined) extra.additionalProperties = additional;
  return base('object', o, extra);
}

export const t = {
  string<const O extends StringOptions<string> = StringOptions<string>>(
    o: O = {} as O,
  ): TSchema<Nullable<O extends { enum: readonly (infer E)[] } ? E : string, O>> {
    return base(
      'string',
      o,
      pick(o, ['format', 'default', 'enum', 'pattern', 'minLength', 'maxLength']) as SchemaObject,
    );
  },
  integer<const O extends IntegerOptions>(o: O): TSchema<Nullable<number, O>> {
    return base('integer', o, pick(o, ['format', 'default', 'minimum', 'maximum']) as SchemaObject);
  },
  /** Identifiers: int64, because live ConvertKit ids pass 2^31 (and JS numbers hold 2^53). */
  id<const O extends CommonOptions>(o: O): TSchema<Nullable<number, O>> {
    return base('integer', o, { format: 'int64' });
  },
  number<const O extends NumberOptions>(o: O): TSchema<Nullable<number, O>> {
    return base('number', o, pick(o, ['format', 'default', 'minimum', 'maximum']) as SchemaObject);
  },
  boolean<const O extends BooleanOptions>(o: O = {} as O): TSchema<Nullable<boolean, O>> {
    return base('boolean', o, pick(o, ['default']) as SchemaObject);
  },
  array<S extends TSchema, const O extends ArrayOptions = ArrayOptions>(
    items: S,
    o: O = {} as O,
  ): TSchema<Nullable<Static<S>[], O>> {
    return base('array', o, { items, ...(pick(o, ['minItems', 'maxItems']) as SchemaObject) });
  },
  /** A file, as a formData() field only (Swagger 2.0 `type: file`, sent as multipart/form-data). */
  file<const O extends CommonOptions = CommonOptions>(o: O = {} as O): TSchema<Uint8Array> {
    return base('file', o, {});
  },
  /** An object whose properties are required unless wrapped in t.optional(). */
  object<P extends Props, const O extends CommonOptions = CommonOptions>(
    props: P,
    o: O = {} as O,
  ): TSchema<Nullable<ObjectStatic<P>, O>> {
    return objectSchema(props, o);
  },
  /**
   * An object whose properties are all optional: the shape of most API responses, where the live
   * service adds, drops and nulls fields between versions.
   */
  partial<P extends Props, const O extends CommonOptions = CommonOptions>(
    props: P,
    o: O = {} as O,
  ): TSchema<Nullable<Simplify<{ [K in keyof P]?: Static<P[K]> }>, O>> {
    return objectSchema(props, o, undefined, true);
  },
  /**
   * A free-form object (a map). Emitted with additionalProperties, never as `"properties": {}`,
   * which certification rejects and which tells Power Automate nothing.
   */
  record<S extends TSchema = TSchema<unknown>, const O extends CommonOptions = CommonOptions>(
    values?: S,
    o: O = {} as O,
  ): TSchema<Nullable<Record<string, S extends TSchema<infer V> ? V : unknown>, O>> {
    return base('object', o, { additionalProperties: values ?? true });
  },
  /** Marks an object property as optional. Returns a copy: the input schema stays shareable. */
  optional<S extends TSchema>(s: S): TOptional<S> {
    const copy = clone(s);
    // The same schema in one more place: its other marks (declaredSchema(), sharedSchema()) stay.
    for (const mark of Object.getOwnPropertySymbols(s))
      if (mark !== OPTIONAL && !Object.hasOwn(copy, mark))
        Object.defineProperty(copy, mark, Object.getOwnPropertyDescriptor(s, mark)!);
    Object.defineProperty(copy, OPTIONAL, { value: true, enumerable: false });
    return copy as TOptional<S>;
  },
  /** Copy of a schema with other annotations (say, a different title or description in one place). */
  with<S extends TSchema>(s: S, o: Pick<CommonOptions, 'title' | 'description' | 'visibility' | 'dynamicValues'>): S {
    const copy = clone(s);
    if (o.title !== undefined) copy.title = o.title;
    if (o.description !== undefined) copy.description = o.description;
    if (o.visibility !== undefined) copy['x-ms-visibility'] = o.visibility;
    if (o.dynamicValues) Object.defineProperty(copy, DYNAMIC, { value: o.dynamicValues, enumerable: false });
    return copy;
  },
};

/** Shallow copy keeping the dynamic-values mark (the optional mark is per use, so it is dropped). */
function clone<S extends TSchema>(s: S): S {
  const copy = { ...s } as S;
  const dyn = (s as Record<symbol, unknown>)[DYNAMIC];
  if (dyn) Object.defineProperty(copy, DYNAMIC, { value: dyn, enumerable: false });
  return noteSite(copy);
}

export function isOptional(s: SchemaObject): boolean {
  return Boolean((s as Record<symbol, unknown>)[OPTIONAL]);
}
export function dynamicValuesOf(s: object): DynamicValues | undefined {
  return (s as Record<symbol, unknown>)[DYNAMIC] as DynamicValues | undefined;
}
