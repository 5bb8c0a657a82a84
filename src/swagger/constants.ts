/**
 * The value lists of Swagger 2.0 and Power Platform that emitters, importers and validators all
 * test against, each defined once. The union types they belong to live with the schema builder
 * (src/model/schema.ts); `satisfies` and the completeness checks below keep the two in step.
 */
import type { IntegerFormat, NumberFormat, SchemaObject, StringFormat, Visibility } from '../model/schema';

type SchemaType = NonNullable<SchemaObject['type']>;

/** The operation keys of a path item, in the order readers walk them (and OpenAPI 3 writes them). */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** The keys the Swagger 2.0 spec defines at the root of a document. */
export const ROOT_KEYS = [
  'swagger',
  'info',
  'host',
  'basePath',
  'schemes',
  'consumes',
  'produces',
  'paths',
  'definitions',
  'parameters',
  'responses',
  'securityDefinitions',
  'security',
  'tags',
  'externalDocs',
] as const;
export type HttpMethod = (typeof METHODS)[number];

/** The `type`s a Swagger 2.0 schema may have (`file` on a response or formData only). */
export const SCHEMA_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'array',
  'object',
  'file',
] as const satisfies readonly SchemaType[];

/** x-ms-visibility values Power Platform accepts. */
export const VISIBILITIES = ['important', 'advanced', 'internal'] as const satisfies readonly Visibility[];

/** Formats the official schema allows per type (certification's InvalidFormat). */
export const STRING_FORMATS = [
  'byte',
  'binary',
  'date',
  'date-time',
  'password',
  'date-no-tz',
  'email',
  'html',
  'uri',
  'uuid',
] as const satisfies readonly StringFormat[];
export const INTEGER_FORMATS = ['int32', 'int64'] as const satisfies readonly IntegerFormat[];
export const NUMBER_FORMATS = ['float', 'double'] as const satisfies readonly NumberFormat[];

/** The keys Swagger 2.0 lets a non-body parameter, an items object and a header share (its primitive fields). */
export const PRIMITIVE_KEYS = [
  'type',
  'format',
  'items',
  'collectionFormat',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'enum',
  'multipleOf',
] as const;

/**
 * The description a response gets when a descriptor gives only its schema; pcdk import writes a
 * response that bare only when its description is this one.
 */
export const REASONS: Readonly<Record<string, string>> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  default: 'Error',
};

/** Compile-time check: each list names every member of its union, so a value added to the type fails here. */
type Complete<All, Listed extends All> = [Exclude<All, Listed>] extends [never]
  ? true
  : { missing: Exclude<All, Listed> };
type Assert<T extends true> = T;
export type ListsAreComplete = [
  Assert<Complete<SchemaType, (typeof SCHEMA_TYPES)[number]>>,
  Assert<Complete<Visibility, (typeof VISIBILITIES)[number]>>,
  Assert<Complete<StringFormat, (typeof STRING_FORMATS)[number]>>,
  Assert<Complete<IntegerFormat, (typeof INTEGER_FORMATS)[number]>>,
  Assert<Complete<NumberFormat, (typeof NUMBER_FORMATS)[number]>>,
];

const visibilitySet: ReadonlySet<unknown> = new Set(VISIBILITIES);
const stringFormatSet: ReadonlySet<unknown> = new Set(STRING_FORMATS);
const methodSet: ReadonlySet<unknown> = new Set(METHODS);

export function isVisibility(v: unknown): v is Visibility {
  return visibilitySet.has(v);
}
export function isStringFormat(v: unknown): v is StringFormat {
  return stringFormatSet.has(v);
}
export function isMethod(v: unknown): v is HttpMethod {
  return methodSet.has(v);
}
/** A media type without its parameters, lower case: "Application/JSON; charset=utf-8" -> "application/json". */
export function mediaType(m: unknown): string {
  return String(m).split(';')[0]!.trim().toLowerCase();
}
