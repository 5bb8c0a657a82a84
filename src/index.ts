/**
 * pcdk's public API: what a connector's descriptors import (`import { operation, t } from 'pcdk'`).
 * Only the authoring model is exported; the build, validators and emitters are reached through
 * the `pcdk` command, so they can change without breaking anyone's descriptors.
 */
export { defineConnector, CATEGORIES } from './model/connector';
export type { Auth, Category, ConnectionUi, Connector, ConnectorSpec, Throttling } from './model/connector';
export { formData, header, operation, path, query, response } from './model/operation';
export type {
  DefaultResponseSpec,
  HttpMethod,
  InputOf,
  Operation,
  OperationSpec,
  OptionalParamOptions,
  OutputOf,
  Pagination,
  Param,
  ParamLocation,
  ParamOptions,
  ResponseMap,
  ResponseSpec,
} from './model/operation';
export { pollingTrigger, webhookTrigger } from './model/trigger';
export type {
  HookLocation,
  NotificationUrl,
  PayloadOf,
  PollingTrigger,
  PollingTriggerInfo,
  PollingTriggerSpec,
  Trigger,
  WebhookTrigger,
  WebhookTriggerInfo,
  WebhookTriggerSpec,
} from './model/trigger';
// Typed auth: each emitted once into both securityDefinitions and apiProperties.
export {
  apiKey,
  basicAuth,
  connectionParameterSets,
  noAuth,
  oauth2,
  OAUTH_IDENTITY_PROVIDERS,
} from './model/auth';
export type {
  ApiKeyAuth,
  ApiKeySpec,
  BasicAuth,
  ConnectionSet,
  ConnectionSetsAuth,
  OAuth2Auth,
  OAuth2Spec,
  OAuthIdentityProvider,
} from './model/auth';
export { t } from './model/schema';
export type {
  ArrayOptions,
  BooleanOptions,
  CommonOptions,
  IntegerFormat,
  IntegerOptions,
  NumberFormat,
  NumberOptions,
  ObjectStatic,
  SchemaObject,
  Static,
  StringFormat,
  StringOptions,
  TOptional,
  TSchema,
  Visibility,
} from './model/schema';
export type { DynamicValues } from './model/dynamic';
// The import-only side of a descriptor (`declared`, declaredSchema, sharedSchema), written by `pcdk import`, never by an author.
export { declaredSchema, sharedBody, sharedSchema, sharedParameter, sharedResponse } from './model/declared';
export { bodyParameterObject, parameterObject, responseObject } from './emit/swagger';
export { definitionObject } from './emit/schema-object';
// An OAuth client secret as a descriptor names it: read from the environment by pcdk build.
export { secret } from './model/secret';
export type { SecretRef } from './model/secret';
// Faults an imported connector had, reported as warnings until fixed (written by `pcdk import`).
export type { KnownFinding } from './model/known-finding';
export type {
  DeclaredBodyParameter,
  DeclaredOperation,
  DeclaredOperationKeys,
  DeclaredResponseKeys,
} from './model/declared';
// What existing connectors declare verbatim (written by `pcdk import`): types only.
export type * from './model/document';
export type {
  UiConstraints,
  UiDefinition,
  IdentityProvider,
  OAuthSettings,
  ConnectionParameter,
  ConnectionParameterSets,
  PolicyParameters,
  PolicyTemplateId,
  PolicyTemplateInstance,
  KeptPolicyInstance,
  DeclaredPolicyInstance,
  PropertiesSpec,
  ScriptSpec,
} from './model/properties';
export { POLICY_TEMPLATE_IDS, keptPolicy } from './model/properties';
