/**
 * An ARM template that deploys the connector as a Logic Apps custom API
 * (Microsoft.Web/customApis, api-version 2016-06-01) with `az deployment group create`.
 * Name and location are template parameters; the swagger travels inline.
 */
import type { Connector } from '../model/connector';
import type { ApiProperties, ApiPropertiesDocument, ConnectionParameter } from '../swagger/api-properties';
import type { SwaggerDocument } from '../swagger/document';
import { entriesOf, isArray, isObject, type Found, type JsonObject } from '../swagger/found';

export const ARM_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const CUSTOM_API_TYPE = 'Microsoft.Web/customApis';
export const CUSTOM_API_VERSION = '2016-06-01';

/**
 * ARM evaluates any string that starts with "[" and ends with "]" as an expression; a literal
 * one is written with a doubled "[[" (ARM template syntax, "Escape characters"). Swagger text is
 * data, so every such string in it is escaped.
 */
export function armLiteral(value: unknown): unknown {
  if (typeof value === 'string') return /^\[[\s\S]*\]$/.test(value) ? `[${value}` : value;
  if (isArray(value)) return value.map(armLiteral);
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, armLiteral(v)]));
  }
  return value;
}

/** The inverse of armLiteral: what ARM hands the resource provider. */
export function armUnescape(value: unknown): unknown {
  if (typeof value === 'string') return /^\[\[[\s\S]*\]$/.test(value) ? value.slice(1) : value;
  if (isArray(value)) return value.map(armUnescape);
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, armUnescape(v)]));
  }
  return value;
}

/** paconn's rule for the backend: schemes[0]://host/basePath. */
export function backendServiceUrl(c: Connector): string {
  return `${c.schemes[0] ?? 'https'}://${c.host}${c.basePath}`;
}

/**
 * ARM's ConnectionParameter (2016-06-01) has only `type` and `oAuthSettings`; the apiProperties
 * uiDefinition has no place there and is left out.
 */
function armConnectionParameters(apiProperties: Found<ApiPropertiesDocument>): JsonObject {
  const properties: Found<ApiProperties> = isObject(apiProperties.properties) ? apiProperties.properties : {};
  const out: JsonObject = {};
  for (const [name, p] of entriesOf(properties.connectionParameters)) {
    const parameter: Found<ConnectionParameter> = isObject(p) ? p : {};
    const cp: JsonObject = { type: parameter.type };
    if (parameter.oAuthSettings) cp.oAuthSettings = parameter.oAuthSettings;
    out[name] = cp;
  }
  return out;
}

/**
 * `swagger` and `apiProperties` are the connector folder's documents (emitted, or read back from
 * the folder's text): the swagger travels as it is, the connection parameters are picked out.
 */
export function emitArmTemplate(
  c: Connector,
  swagger: Found<SwaggerDocument>,
  apiProperties: Found<ApiPropertiesDocument>,
  icon?: Uint8Array,
): JsonObject {
  const parameters: JsonObject = {
    customApiName: {
      type: 'string',
      defaultValue: c.id,
      metadata: { description: 'Name of the custom API resource.' },
    },
    location: {
      type: 'string',
      defaultValue: '[resourceGroup().location]',
      metadata: { description: "Azure region of the custom API; defaults to the resource group's." },
    },
  };
  if (icon) {
    parameters.iconUri = {
      type: 'string',
      defaultValue: `data:image/png;base64,${Buffer.from(icon).toString('base64')}`,
      metadata: { description: "Icon URL; defaults to the connector's icon.png inline." },
    };
  }
  const properties: JsonObject = {
    apiType: 'Rest',
    displayName: armLiteral(c.title),
    description: armLiteral(c.description),
    brandColor: c.iconBrandColor,
  };
  if (icon) properties.iconUri = "[parameters('iconUri')]";
  properties.backendService = { serviceUrl: armLiteral(backendServiceUrl(c)) };
  properties.capabilities = [];
  properties.connectionParameters = armConnectionParameters(apiProperties);
  properties.swagger = armLiteral(swagger);
  return {
    $schema: ARM_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters,
    resources: [
      {
        type: CUSTOM_API_TYPE,
        apiVersion: CUSTOM_API_VERSION,
        name: "[parameters('customApiName')]",
        location: "[parameters('location')]",
        properties,
      },
    ],
    outputs: {
      customApiId: { type: 'string', value: `[resourceId('${CUSTOM_API_TYPE}', parameters('customApiName'))]` },
    },
  };
}
