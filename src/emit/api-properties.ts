/**
 * apiProperties.json for paconn: connection parameters, brand colour, publisher. The throttling
 * policy is deliberately absent: no apiProperties key exists for it and the official schema
 * rejects unknown keys (DESIGN.md, Throttling).
 */
import type { Connector, ConnectionUi } from '../model/connector';
import type { PropertiesSpec } from '../model/properties';
import type {
  ApiProperties,
  ApiPropertiesDocument,
  ConnectionParameter,
  UiDefinition,
} from '../swagger/api-properties';

export function emitApiProperties(c: Connector): ApiPropertiesDocument {
  if (c.declared) return declaredPropertiesJson(c, c.declared.properties);
  const properties: ApiProperties = {
    connectionParameters: connectionParameters(c),
    iconBrandColor: c.iconBrandColor,
    capabilities: [],
    publisher: c.publisher,
    stackOwner: c.stackOwner,
  };
  return { properties };
}

/** apiProperties of a connector that declares them (pcdk import): exactly the declared keys. */
function declaredPropertiesJson(c: Connector, p: PropertiesSpec): ApiPropertiesDocument {
  const connection: Pick<ApiProperties, 'connectionParameters' | 'connectionParameterSets'> = {};
  if (c.auth.type === 'declared') {
    if (c.auth.connectionParameters !== undefined) connection.connectionParameters = c.auth.connectionParameters;
    if (c.auth.connectionParameterSets !== undefined)
      connection.connectionParameterSets = c.auth.connectionParameterSets;
  } else {
    connection.connectionParameters = connectionParameters(c);
  }
  return { properties: { ...connection, ...p } };
}

function ui(u: ConnectionUi, required: boolean): UiDefinition {
  const out: UiDefinition = { displayName: u.displayName, description: u.description };
  if (u.tooltip !== undefined) out.tooltip = u.tooltip;
  // The schema wants the string "true", not a boolean.
  out.constraints = {
    ...(u.tabIndex !== undefined ? { tabIndex: u.tabIndex } : {}),
    clearText: false,
    required: required ? 'true' : 'false',
  };
  return out;
}

function connectionParameters(c: Connector): Record<string, ConnectionParameter> {
  const a = c.auth;
  switch (a.type) {
    case 'none':
      return {};
    case 'apiKey':
      return { [a.parameter]: { type: 'securestring', uiDefinition: ui(a.ui, true) } };
    case 'basic':
      return {
        username: { type: 'securestring', uiDefinition: ui(a.username, true) },
        password: { type: 'securestring', uiDefinition: ui(a.password, true) },
      };
    case 'declared':
      return { ...a.connectionParameters };
  }
}
