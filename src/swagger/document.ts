/**
 * apiDefinition.swagger.json, typed: Swagger 2.0 with the x-ms-* keys of the official Power
 * Platform schema. The one set of Swagger types: emitSwagger produces a SwaggerDocument, `pcdk
 * import` writes its fragments (a connector's declared parameters, responses, document root) as
 * descriptor code, and readers of files on disk see the same keys through Found<> (./found.ts).
 *
 * Keys are spelled as in the swagger (`x-ms-dynamic-values`, not camelCase) because these objects
 * ARE swagger fragments: what a maintainer reads here is what ships. Vendor keys the official
 * schema does not list (`x-ms-openai-data`, `x-example`, ...) are allowed only as `x-` keys, which
 * import reports as kept verbatim. Where real connectors declare something the official schema
 * does not (a number as x-ms-summary, "Advanced" as visibility), the type says what is declared
 * and the certification rules judge it.
 */
import type { SchemaObject as AuthoredSchema } from '../model/schema';
import type { HttpMethod } from './constants';

/** Vendor keys outside the official schema: kept verbatim, reported by import. */
export type VendorKeys = { [key: `x-${string}`]: unknown };

/**
 * A schema as a swagger holds it: the builder schema's keys, the rest of Swagger 2.0 and the
 * official schema's x-ms-* keys (what only imported connectors declare), and vendor keys,
 * recursively. (The builder's SchemaObject has no index signature, so authored code keeps
 * excess-property checks; emit/schema-object.ts turns one into this.)
 */
export interface DeclaredSchema
  extends Omit<
      AuthoredSchema,
      'type' | 'items' | 'properties' | 'additionalProperties' | 'x-ms-visibility' | 'x-ms-summary'
    >,
    VendorKeys {
  /** As declared: a few published connectors write a list of types (JSON Schema, not Swagger 2.0). */
  type?: AuthoredSchema['type'] | readonly string[];
  /** As declared: real connectors write "Advanced" and the like; certification validation judges it. */
  'x-ms-visibility'?: string;
  /** As declared: a few real connectors put a number here. */
  'x-ms-summary'?: string | number;
  items?: DeclaredSchema;
  properties?: Record<string, DeclaredSchema>;
  additionalProperties?: DeclaredSchema | boolean;
  // ---- what no builder writes: the rest of Swagger 2.0 and of the official schema's x-ms-* keys ----
  readOnly?: boolean;
  'x-ms-dynamic-values'?: Record<string, unknown>;
  $ref?: string;
  allOf?: DeclaredSchema[];
  discriminator?: string;
  xml?: Record<string, unknown>;
  externalDocs?: { url: string; description?: string };
  multipleOf?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  'x-ms-dynamic-schema'?: Record<string, unknown>;
  'x-ms-dynamic-properties'?: Record<string, unknown>;
  'x-ms-dynamic-list'?: Record<string, unknown>;
  'x-ms-dynamic-tree'?: Record<string, unknown>;
  /** Webhook triggers: the body property that receives the callback URL. */
  'x-ms-notification-url'?: boolean;
  'x-ms-enum-values'?: readonly { value: unknown; displayName?: string }[];
  'x-ms-enum'?: Record<string, unknown>;
  'x-ms-media-kind'?: 'image' | 'audio';
  'x-ms-test-value'?: unknown;
  'x-ms-trigger-value'?: unknown;
  'x-ms-url-encoding'?: 'single' | 'double';
  'x-ms-editor'?: string;
  'x-ms-editor-options'?: Record<string, unknown>;
  'x-ms-localizeDefaultValue'?: boolean;
}
type SchemaObject = DeclaredSchema;

// ---- dynamic content (x-ms-dynamic-*) ----

/**
 * A parameter passed to the operation behind a dynamic extension: `{ value }`, `{ parameter }`,
 * `{ parameterReference }`, or (as many real connectors write it) the literal value itself.
 */
export type DynamicParameterValue = unknown;

/** A type literal, not an interface, so that it also fits the builder schema's Record-typed x-ms-dynamic-values. */
export type DynamicValuesObject = VendorKeys & {
  operationId?: string;
  builtInOperation?: string;
  capability?: string;
  parameters?: Record<string, DynamicParameterValue>;
  'value-collection'?: string;
  'value-path'?: string;
  'value-title'?: string;
};
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

/**
 * The Swagger 2.0 "primitive" types, plus `object`: not valid on a non-body parameter, but what a
 * parameter written from an object schema carries (validate reports it as param-not-primitive)
 * and what some real connectors declare (certification reports it).
 */
type PrimitiveType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'file' | 'object';

/** Keys a non-body parameter shares with an items object (Swagger 2.0 "primitive" keys). */
export interface PrimitiveKeys {
  /** A list of types (JSON Schema, not Swagger 2.0) only as a published connector declares it. */
  type?: PrimitiveType | readonly string[];
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
  /** As declared (a number in a few connectors), and as written from a builder schema's items. */
  'x-ms-summary'?: string | number;
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
  /** Not a Swagger 2.0 key (validators reject it): some published connectors carry it. */
  title?: string;
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

// ---- operations ----

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
/** x-ms-pageable: the response property holding the next page's URL. */
export type Pageable = { readonly nextLinkName: string | null } & VendorKeys;
/** x-ms-capabilities of an operation (chunkTransfer). */
export type OperationCapabilities = { readonly chunkTransfer?: boolean } & VendorKeys;
export interface ExternalDocs extends VendorKeys {
  description?: string;
  url: string;
}
export type SecurityRequirement = Record<string, readonly string[]>;

export interface SwaggerOperation extends VendorKeys {
  summary?: string;
  description?: string;
  operationId: string;
  tags?: readonly string[];
  /** As declared; what authored descriptors write is a Visibility. */
  'x-ms-visibility'?: string;
  deprecated?: boolean;
  parameters?: readonly (ParameterObject | ParameterRef)[];
  responses: Readonly<Record<string, ResponseObject | ResponseRef>>;
  consumes?: readonly string[];
  produces?: readonly string[];
  schemes?: readonly string[];
  security?: readonly SecurityRequirement[];
  externalDocs?: ExternalDocs;
  /** The operation is a trigger, firing per item (single) or per array (batch). */
  'x-ms-trigger'?: 'single' | 'batch';
  /** Shown in the designer, e.g. how to fire the trigger. */
  'x-ms-trigger-hint'?: string;
  'x-ms-trigger-metadata'?: TriggerMetadata;
  'x-ms-pageable'?: Pageable;
  /** Family, revision, status and, on deprecated operations, the replacement. */
  'x-ms-api-annotation'?: ApiAnnotation;
  'x-ms-no-generic-test'?: boolean;
  'x-ms-safe-operation'?: boolean;
  'x-ms-summary'?: string;
  'x-ms-capabilities'?: OperationCapabilities;
  /** simulate */
  'x-ms-operation-context'?: Readonly<Record<string, unknown>>;
  /** The webhook registration a trigger uses. */
  'x-ms-notification'?: Readonly<Record<string, unknown>>;
}

// ---- paths ----

/** x-ms-notification-content on a path item: the payload a webhook delivers. */
export interface NotificationContent extends VendorKeys {
  description?: string;
  schema?: SchemaObject;
  /** Labels some connectors give the webhook payload. */
  title?: string;
  summary?: string;
  /** Headers of the notification request, as a response declares its headers. */
  headers?: Readonly<Record<string, HeaderObject>>;
  /** What the official schema leaves open: kept verbatim, whatever its shape. */
  parameters?: unknown;
}

/** What a path item holds besides its operations. */
export interface PathItemSpec extends VendorKeys {
  parameters?: readonly (ParameterObject | ParameterRef)[];
  'x-ms-notification-content'?: NotificationContent;
  'x-ms-visibility'?: string;
}
export type PathItem = PathItemSpec & { [M in HttpMethod]?: SwaggerOperation };

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
 * The root keys besides `swagger`, `paths` and security: what an imported connector declares as
 * its document (model DocumentSpec) and what the emitter writes around the paths.
 */
export type DocumentRoot = VendorKeys & {
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
};

/** apiDefinition.swagger.json as emitSwagger writes it. */
export type SwaggerDocument = { swagger: '2.0' } & DocumentRoot & {
    paths: Record<string, PathItem>;
    securityDefinitions?: Readonly<Record<string, SecuritySchemeObject>>;
    security?: readonly SecurityRequirement[];
  };
