/**
 * What a connector brought in by `pcdk import` declares about its swagger: the document root
 * (DocumentSpec) and, through the operations, its parameters and responses verbatim. Authored
 * connectors (ConvertKit) never need these: the emitters derive the document from the
 * descriptors. The Swagger types themselves live in src/swagger/document.ts and are re-exported
 * here, where descriptors import them from; they say exactly what may be declared, so that an
 * imported connector rebuilds to the same file and a key the model does not know cannot slip
 * through (import reports it by JSON pointer).
 */
import type { DocumentRoot, PathItemSpec, SecurityRequirement, SecuritySchemeObject } from '../swagger/document';

export type {
  VendorKeys,
  DeclaredSchema,
  DynamicParameterValue,
  DynamicValuesObject,
  DynamicListObject,
  DynamicSchemaObject,
  DynamicPropertiesObject,
  DynamicTreeObject,
  PrimitiveKeys,
  ItemsObject,
  ParameterExtensions,
  SimpleParameterObject,
  BodyParameterObject,
  ParameterRef,
  ParameterObject,
  HeaderObject,
  ResponseObject,
  ResponseRef,
  ApiAnnotation,
  TriggerMetadata,
  Pageable,
  OperationCapabilities,
  ExternalDocs,
  SecurityRequirement,
  SwaggerOperation,
  NotificationContent,
  PathItemSpec,
  PathItem,
  InfoObject,
  SecuritySchemeObject,
  TagObject,
  ConnectorMetadataEntry,
  DocumentCapabilities,
  DocumentRoot,
  SwaggerDocument,
} from '../swagger/document';

/**
 * The swagger document as its source declared it, minus `paths` (built from the operations).
 * When a connector has one, the swagger's root is exactly these keys: a key left out here is left
 * out of the file.
 */
export interface DocumentSpec extends DocumentRoot {
  /** Security as declared, OAuth 2 schemes included (an authored connector derives it from its auth). */
  securityDefinitions?: Readonly<Record<string, SecuritySchemeObject>>;
  security?: readonly SecurityRequirement[];
  /**
   * Path items that hold no operation (some connectors declare `"/": {}`). Not a swagger key:
   * the emitter writes each under `paths`.
   */
  pathsWithoutOperations?: Readonly<Record<string, PathItemSpec>>;
}
