/**
 * Swagger 2.0 shapes with the x-ms-* keys of the official Power Platform schema, typed. Authored
 * connectors (ConvertKit) never need these: the emitters derive the document from the
 * descriptors. Connectors brought in by `pcdk import` carry what their source declared, and these
 * types say exactly what may be declared, so that an imported connector rebuilds to the same file
 * and a key the model does not know cannot slip through (import reports it by JSON pointer).
 *
 * Keys are spelled as in the swagger (`x-ms-dynamic-values`, not camelCase) because these objects
 * ARE swagger fragments: what a maintainer reads here is what ships. Vendor keys the official
 * schema does not list (`x-ms-openai-data`, `x-example`, ...) are allowed only as `x-` keys, which
 * import reports as kept verbatim.
 */
import type { SchemaObject as AuthoredSchema } from './schema';

/** Vendor keys outside the official schema: kept verbatim, reported by import. */
export type VendorKeys = { [key: `x-${string}`]: unknown };

/**
 * A schema as an existing connector declares it: the builder schema's keys plus vendor keys,
 * recursively. (The builder's SchemaObject has no index signature, so authored code keeps
 * excess-property checks.)
 */
export interface DeclaredSchema
  extends Omit<AuthoredSchema, 'items' | 'properties' | 'additionalProperties' | 'allOf' | 'x-ms-visibility' | 'x-ms-summary'>, VendorKeys {
  /** As declared: real connectors write "Advanced" and the like; certification validation judges it. */
  'x-ms-visibility'?: string;
  /** As declared: a few real connectors put a number here. */
  'x-ms-summary'?: string | number;
  items?: DeclaredSchema;
  properties?: Record<string, DeclaredSchema>;
  additionalProperties?: DeclaredSchema | boolean;
  allOf?: DeclaredSchema[];
}
type SchemaObject = DeclaredSchema;

// ---- dynamic content (x-ms-dynamic-*) ----

/**
 * A parameter passed to the operation behind a dynamic extension: `{ value }`, `{ parameter }`,
 * `{ parameterReference }`, or (as many real connectors write it) the literal value itself.
 */
export type DynamicParameterValue = unknown;

export interface DynamicValuesObject extends VendorKeys {
  operationId?: string;
  builtInOperation?: string;
  capability?: string;
  parameters?: Record<string, DynamicParameterValue>;
  'value-collection'?: string;
  'value-path'?: string;
  'value-title'?: string;
}
export interface DynamicListObject extends VendorKeys {
  operationId?: string;
  builtInOperation?: string;
  parameters?: Record<string, DynamicParameterValue>;
  itemsPath?: string;
  itemValuePath?: string;
  itemTitlePath?: string;
}
export interface DynamicSchemaObject extends VendorKeys {
  operationId?: string;
  parameters?: Record<string, DynamicParameterValue>;
  'value-path'?: string;
}
export interface DynamicPropertiesObject extends VendorKeys {
  operationId?: string;
  parameters?: Record<string, DynamicParameterValue>;
  itemValuePath?: string;
}
export interface DynamicTreeObject extends VendorKeys {
  settings?: Record<string, unknown>;
  open?: Record<string, unknown>;
  browse?: Record<string, unknown>;
}

// ---- parameters, responses, headers ----

type PrimitiveType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'file';

/** Keys a non-body parameter shares with an items object (Swagger 2.0 "primitive" keys). */
export interface PrimitiveKeys {
  type?: PrimitiveType;
  format?: string;
  items?: ItemsObject;
  collectionFormat?: 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';
  default?: unknown;
  maximum?: number;
  exclusiveMaximum?: boolean;
  minimum?: number;
  exclusiveMinimum?: boolean;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems?: boolean;
  enum?: readonly unknown[];
  multipleOf?: number;
}
export interface ItemsObject extends PrimitiveKeys, VendorKeys {
  'x-ms-summary'?: string;
  'x-ms-visibility'?: string;
}

/** The x-ms-* keys the official schema allows on parameters. */
export interface ParameterExtensions {
  'x-ms-summary'?: string;
  'x-ms-visibility'?: string;
  'x-ms-dynamic-values'?: DynamicValuesObject;
  'x-ms-dynamic-list'?: DynamicListObject;
  'x-ms-dynamic-tree'?: DynamicTreeObject;
  'x-ms-dynamic-schema'?: DynamicSchemaObject;
  'x-ms-dynamic-properties'?: DynamicPropertiesObject;
  'x-ms-enum-values'?: readonly { value: unknown; displayName?: string }[];
  'x-ms-test-value'?: unknown;
  'x-ms-trigger-value'?: unknown;
  'x-ms-localizeDefaultValue'?: boolean;
  'x-ms-parameter-location'?: string;
  'x-ms-url-encoding'?: 'single' | 'double';
  'x-ms-skip-url-encoding'?: boolean;
  'x-ms-notification-url'?: boolean;
  'x-ms-media-kind'?: 'image' | 'audio';
  'x-ms-editor'?: string;
  'x-ms-editor-options'?: Record<string, unknown>;
  'x-ms-enum'?: Record<string, unknown>;
  'x-nullable'?: boolean;
}

interface ParameterBase extends ParameterExtensions, VendorKeys {
  name: string;
  description?: string;
  required?: boolean;
  allowEmptyValue?: boolean;
}
/** A path, query, header or formData (form field or file) parameter. */
export interface SimpleParameterObject extends ParameterBase, PrimitiveKeys {
  in: 'path' | 'query' | 'header' | 'formData';
}
/** The body parameter: its schema carries the shape. */
export interface BodyParameterObject extends ParameterBase {
  in: 'body';
  schema: SchemaObject;
}
/** A reference to a shared parameter (document `parameters`). */
export interface ParameterRef {
  $ref: string;
}
export type ParameterObject = SimpleParameterObject | BodyParameterObject;

export interface HeaderObject extends PrimitiveKeys, VendorKeys {
  description?: string;
  'x-ms-summary'?: string;
  'x-ms-visibility'?: string;
}
export interface ResponseObject extends VendorKeys {
  description: string;
  schema?: SchemaObject;
  headers?: Record<string, HeaderObject>;
  examples?: Record<string, unknown>;
  'x-ms-summary'?: string;
  'x-ms-visibility'?: string;
}
export interface ResponseRef {
  $ref: string;
}

// ---- operation-level x-ms-* ----

export interface ApiAnnotation extends VendorKeys {
  family?: string;
  revision?: number;
  status?: 'Production' | 'Preview' | string;
  replacement?: { api?: string; operationId?: string };
}
/** x-ms-trigger-metadata: how a polling trigger is driven. */
export interface TriggerMetadata extends VendorKeys {
  kind?: 'query' | string;
  mode?: 'polling' | string;
}
export interface ExternalDocs extends VendorKeys {
  description?: string;
  url: string;
}
export type SecurityRequirement = Record<string, readonly string[]>;

/** x-ms-notification-content on a path item: the payload a webhook delivers. */
export interface NotificationContent extends VendorKeys {
  description?: string;
  schema?: SchemaObject;
}

/** What a path item holds besides its operations. */
export interface PathItemSpec extends VendorKeys {
  parameters?: readonly (ParameterObject | ParameterRef)[];
  'x-ms-notification-content'?: NotificationContent;
  'x-ms-visibility'?: string;
}

// ---- document ----

export interface InfoObject extends VendorKeys {
  title: string;
  description?: string;
  version: string;
  termsOfService?: string;
  contact?: { name?: string; url?: string; email?: string } & VendorKeys;
  license?: { name: string; url?: string } & VendorKeys;
  'x-ms-api-annotation'?: { status?: 'Production' | 'Preview' | string } & VendorKeys;
  'x-ms-deployment-version'?: string;
}

export type SecuritySchemeObject = VendorKeys &
  (
    | { type: 'basic'; description?: string }
    | { type: 'apiKey'; in: 'query' | 'header'; name: string; description?: string }
    | {
        type: 'oauth2';
        flow: 'implicit' | 'password' | 'application' | 'accessCode';
        authorizationUrl?: string;
        tokenUrl?: string;
        scopes?: Record<string, string>;
        description?: string;
      }
  );

export interface TagObject extends VendorKeys {
  name: string;
  description?: string;
  externalDocs?: ExternalDocs;
}

export interface ConnectorMetadataEntry {
  propertyName: string;
  propertyValue: string;
}

/** x-ms-capabilities at the root of the document. */
export interface DocumentCapabilities extends VendorKeys {
  testConnection?: { operationId: string; parameters?: Record<string, unknown> } & VendorKeys;
  'file-picker'?: Record<string, unknown>;
}

/**
 * The swagger document as its source declared it, minus `paths` (built from the operations).
 * When a connector has one, the swagger's root is exactly these keys (plus securityDefinitions
 * and security from a `declared` auth): a key left out here is left out of the file.
 */
export interface DocumentSpec extends VendorKeys {
  info: InfoObject;
  host?: string;
  basePath?: string;
  schemes?: readonly string[];
  consumes?: readonly string[];
  produces?: readonly string[];
  definitions?: Record<string, SchemaObject>;
  parameters?: Record<string, ParameterObject>;
  responses?: Record<string, ResponseObject>;
  tags?: readonly TagObject[];
  externalDocs?: ExternalDocs;
  'x-ms-capabilities'?: DocumentCapabilities;
  'x-ms-connector-metadata'?: readonly ConnectorMetadataEntry[];
  'x-ms-docs'?: unknown;
  /**
   * Path items that hold no operation (some connectors declare `"/": {}`). Not a swagger key:
   * the emitter writes each under `paths`.
   */
  pathsWithoutOperations?: Readonly<Record<string, PathItemSpec>>;
}
