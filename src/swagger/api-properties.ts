/**
 * apiProperties.json, typed: connection parameters (with OAuth 2 identity providers), connection
 * parameter sets, policy template instances keyed by templateId with their typed parameters,
 * script operations. emitApiProperties produces an ApiPropertiesDocument; `pcdk import` writes
 * its pieces as descriptor code (model PropertiesSpec, a `declared` auth).
 */

export interface UiConstraints {
  required?: 'true' | 'false' | boolean;
  hidden?: 'true' | 'false' | boolean;
  clearText?: boolean;
  tabIndex?: number;
  capability?: readonly string[];
  allowedValues?: readonly { text?: string; value?: unknown }[];
  dependencies?: Record<string, unknown>;
  [key: string]: unknown;
}
export interface UiDefinition {
  displayName?: string;
  description?: string;
  tooltip?: string;
  tabIndex?: number;
  constraints?: UiConstraints;
  [key: string]: unknown;
}

/** The identity providers the apiProperties schema accepts, plus those real connectors use. */
export type IdentityProvider = 'oauth2' | 'oauth2generic' | 'aad' | 'aadcertificate' | 'facebook' | (string & {});

/** secret('ENV_NAME') in a descriptor (src/model/secret.ts): the value comes from the environment at build time. */
export interface SecretRef {
  readonly kind: 'secret';
  /** The environment variable pcdk build reads. */
  readonly env: string;
}

export interface OAuthSettings {
  identityProvider: IdentityProvider;
  clientId?: string;
  scopes?: readonly string[];
  redirectMode?: 'Global' | 'Direct' | 'GlobalPerConnector' | (string & {});
  /** One URL, or (some connectors) the list of the global and global-test redirect URLs. */
  redirectUrl?: string | readonly string[];
  /** authorizationUrl, tokenUrl, refreshUrl, tenantId, resourceUri, ... as { value } entries. */
  customParameters?: Record<string, { value?: unknown; [key: string]: unknown }>;
  properties?: {
    IsFirstParty?: string;
    AzureActiveDirectoryResourceId?: string;
    IsOnbehalfofLoginSupported?: boolean;
    [key: string]: unknown;
  };
  /**
   * Never a real secret in a descriptor: secret('ENV_NAME'), which pcdk build reads from the
   * environment (or an empty string, which paconn fills with --secret at deployment).
   */
  clientSecret?: string | SecretRef;
  [key: string]: unknown;
}

export interface ConnectionParameter {
  type: 'string' | 'securestring' | 'int' | 'bool' | 'oauthSetting' | 'oAuthSetting' | 'gatewaySetting' | (string & {});
  uiDefinition?: UiDefinition | null;
  oAuthSettings?: OAuthSettings;
  gatewaySettings?: Record<string, unknown>;
  defaultValue?: unknown;
  allowedValues?: readonly unknown[];
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ConnectionParameterSets {
  uiDefinition?: UiDefinition;
  values: readonly {
    name: string;
    uiDefinition?: UiDefinition;
    parameters: Record<string, ConnectionParameter>;
    [key: string]: unknown;
  }[];
  [key: string]: unknown;
}

/** The brand colour independent publishers use (reference/power-platform.md): pcdk's starting value. */
export const INDEPENDENT_PUBLISHER_COLOR = '#da3b01';

// ---- policy templates (reference/power-platform.md §2 and §7) ----

/** Keys every template accepts besides its own parameters. */
interface TemplateCommon {
  'x-ms-apimTemplate-operationName'?: readonly string[];
  'x-ms-apimTemplate-policySection'?: 'Request' | 'Response' | 'Failure' | (string & {});
}
type P<K extends string> = { [Name in K as `x-ms-apimTemplateParameter.${Name}`]?: unknown };

export interface PolicyParameters {
  setheader: TemplateCommon & P<'name' | 'value' | 'existsAction'>;
  setqueryparameter: TemplateCommon & P<'name' | 'value' | 'existsAction'>;
  dynamichosturl: TemplateCommon & P<'urlTemplate'>;
  routerequesttoendpoint: TemplateCommon & P<'newPath' | 'httpMethod'>;
  setproperty: TemplateCommon &
    P<'newPropertyParentPathTemplate' | 'newPropertySubPathTemplate' | 'propertyValuePathTemplate'>;
  setvaluefromurl: TemplateCommon &
    P<'parameterTemplate' | 'parameterValueUrl' | 'parameterValuePathTemplate' | 'httpMethod'>;
  updatenextlink: TemplateCommon & P<'nextLinkPropertyName' | 'nextLinkParentPropertyPath'>;
  pollingtrigger: TemplateCommon & P<'triggerConfig' | 'triggerDataPath'>;
  convertarraytoobject: TemplateCommon &
    P<'propertyParentPath' | 'propertySubPath' | 'keyWithinCollectionPath' | 'newPropertyPath' | 'retainKey'>;
  convertobjecttoarray: TemplateCommon &
    P<'propertyParentPath' | 'propertySubPath' | 'newPropertyPath' | 'keyName' | 'valueName'>;
  stringreplace: TemplateCommon &
    P<'propertyParentPath' | 'propertySubPath' | 'sourceString' | 'replacementString' | 'newPropertyPath'>;
  stringtoarray: TemplateCommon &
    P<
      'propertyParentPath' | 'propertySubPath' | 'newPropertyPath' | 'separator' | 'delimiterList' | 'childPropertyName'
    >;
  encodepropertyvalue: TemplateCommon &
    P<'propertyParentPath' | 'propertySubPath' | 'encodingType' | 'newPropertyPath'>;
  dynamicsubdomain: TemplateCommon & P<'urlTemplate'>;
  moveproperties: TemplateCommon &
    P<'srcParentPath' | 'srcSubPath' | 'dstParentPath' | 'dstSubPath' | 'copyOnlySubProperties'>;
  setconnectionstatustounauthenticated: TemplateCommon & P<'statusCode'>;
}
export type PolicyTemplateId = keyof PolicyParameters;
export const POLICY_TEMPLATE_IDS: readonly PolicyTemplateId[] = [
  'setheader',
  'setqueryparameter',
  'dynamichosturl',
  'routerequesttoendpoint',
  'setproperty',
  'setvaluefromurl',
  'updatenextlink',
  'pollingtrigger',
  'convertarraytoobject',
  'convertobjecttoarray',
  'stringreplace',
  'stringtoarray',
  'encodepropertyvalue',
  'dynamicsubdomain',
  'moveproperties',
  'setconnectionstatustounauthenticated',
];

/** Spellings other than the lower-case id that the official schema accepts or the corpus uses. */
export const POLICY_SPELLINGS = {
  setheader: ['SetHeader', 'setHeader'],
  setqueryparameter: ['setQueryParameter', 'SetQueryParameter'],
  dynamichosturl: ['dynamicHostUrl', 'DynamicHostUrl'],
  routerequesttoendpoint: ['RouteRequestToEndpoint', 'routeRequestToEndpoint'],
  setproperty: ['SetProperty', 'setProperty'],
  setvaluefromurl: ['SetValueFromUrl', 'setValueFromUrl'],
  updatenextlink: ['UpdateNextLink', 'updateNextLink'],
  pollingtrigger: ['PollingTrigger', 'pollingTrigger'],
  convertarraytoobject: ['ConvertArrayToObject', 'convertArrayToObject'],
  convertobjecttoarray: ['ConvertObjectToArray', 'convertObjectToArray'],
  stringreplace: ['StringReplace', 'stringReplace'],
  stringtoarray: ['StringToArray', 'stringToArray'],
  encodepropertyvalue: ['EncodePropertyValue', 'encodePropertyValue'],
  dynamicsubdomain: ['DynamicSubdomain', 'dynamicSubdomain'],
  moveproperties: ['MoveProperties', 'moveProperties'],
  setconnectionstatustounauthenticated: ['SetConnectionStatusToUnauthenticated'],
} as const satisfies Record<PolicyTemplateId, readonly string[]>;

/**
 * One policy instance. templateId keeps the source's spelling (setHeader, SetProperty...: the
 * platform matches case-insensitively and the file must round-trip), the parameters are typed
 * by the lower-cased id.
 */
export type PolicyTemplateInstance = {
  [Id in PolicyTemplateId]: {
    templateId: Id | (typeof POLICY_SPELLINGS)[Id][number];
    title?: string;
    /** Some pollingtrigger instances carry "type": "PollingTrigger". */
    type?: string;
    parameters: PolicyParameters[Id];
  };
}[PolicyTemplateId];

declare const keptPolicyBrand: unique symbol;
/**
 * A policy instance kept as a published connector declares it, though the platform's template
 * would not read it (an unknown template id or parameter): what keptPolicy() returns, and only
 * it, so a typo in an instance an author writes stays a type error.
 */
export type KeptPolicyInstance = DeclaredPolicyInstance & { readonly [keptPolicyBrand]: true };

/** Any policy instance as a source declares it: what keptPolicy() takes. */
export interface DeclaredPolicyInstance {
  templateId: string;
  title?: string;
  type?: string;
  parameters: { readonly [name: string]: unknown };
}

/** The `properties` object: everything apiProperties.json holds. */
export type ApiProperties = {
  connectionParameters?: Record<string, ConnectionParameter>;
  /** Multi-auth connectors: one named set of connection parameters per way of signing in. */
  connectionParameterSets?: ConnectionParameterSets;
  /** Required by the official schema; a published connector without one imports, its fault baselined. */
  iconBrandColor?: string;
  capabilities?: readonly string[];
  policyTemplateInstances?: readonly (PolicyTemplateInstance | KeptPolicyInstance)[];
  publisher?: string;
  stackOwner?: string;
  /** Operations whose calls run through script.csx. */
  scriptOperations?: readonly string[];
  /** The lower-case spelling some connectors use beside (or instead of) stackOwner: kept as written. */
  stackowner?: string;
  /** What some connectors declare about script.csx in apiProperties: kept verbatim. */
  script?: unknown;
} & {
  /**
   * Keys the model has no field for (pcdk import keeps them verbatim and lists them in a warning,
   * import-properties-kept): the file holds them as the source does.
   */
  readonly [key: string]: unknown;
};

/** apiProperties.json as emitApiProperties writes it. */
export type ApiPropertiesDocument = { properties: ApiProperties };
