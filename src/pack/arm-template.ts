/**
 * An ARM template that deploys the connector as a Logic Apps custom API
 * (Microsoft.Web/customApis, api-version 2016-06-01) with `az deployment group create`.
 * Name and location are template parameters; the swagger travels inline.
 */
import type { Connector } from '../model/connector';

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
  if (Array.isArray(value)) return value.map(armLiteral);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, armLiteral(v)]));
  }
  return value;
}

/** The inverse of armLiteral: what ARM hands the resource provider. */
export function armUnescape(value: unknown): unknown {
  if (typeof value === 'string') return /^\[\[[\s\S]*\]$/.test(value) ? value.slice(1) : value;
  if (Array.isArray(value)) return value.map(armUnescape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, armUnescape(v)]));
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
function armConnectionParameters(apiProperties: Record<string, unknown>): Record<string, unknown> {
  const params = ((apiProperties.properties as Record<string, unknown> | undefined)?.connectionParameters ?? {}) as Record<string, Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(params)) {
    const cp: Record<string, unknown> = { type: p.type };
    if (p.oAuthSettings) cp.oAuthSettings = p.oAuthSettings;
    out[name] = cp;
  }
  return out;
}

export function emitArmTemplate(c: Connector, swagger: Record<string, unknown>, apiProperties: Record<string, unknown>, icon?: Uint8Array): Record<string, unknown> {
  const parameters: Record<string, unknown> = {
    customApiName: { type: 'string', defaultValue: c.id, metadata: { description: 'Name of the custom API resource.' } },
    location: { type: 'string', defaultValue: '[resourceGroup().location]', metadata: { description: 'Azure region of the custom API; defaults to the resource group\'s.' } },
  };
  if (icon) {
    parameters.iconUri = {
      type: 'string',
      defaultValue: `data:image/png;base64,${Buffer.from(icon).toString('base64')}`,
      metadata: { description: 'Icon URL; defaults to the connector\'s icon.png inline.' },
    };
  }
  const properties: Record<string, unknown> = {
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
