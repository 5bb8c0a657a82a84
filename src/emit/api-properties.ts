/**
 * apiProperties.json for paconn: connection parameters, brand colour, publisher. The throttling
 * policy is deliberately absent: no apiProperties key exists for it and the official schema
 * rejects unknown keys (DESIGN.md, Throttling).
 */
import type { Connector, ConnectionUi } from '../model/connector';
import type { PropertiesSpec } from '../model/properties';
import type { JsonObject } from './json';

export function emitApiProperties(c: Connector): JsonObject {
  if (c.properties) return declaredPropertiesJson(c, c.properties);
  const properties: JsonObject = {
    connectionParameters: connectionParameters(c),
    iconBrandColor: c.iconBrandColor,
    capabilities: [],
    publisher: c.publisher,
    stackOwner: c.stackOwner,
  };
  return { properties };
}

/** apiProperties of a connector that declares them (pcdk import): exactly the declared keys. */
function declaredPropertiesJson(c: Connector, p: PropertiesSpec): JsonObject {
  const properties: JsonObject = {};
  if (c.auth.type === 'declared') {
    if (c.auth.connectionParameters !== undefined) properties.connectionParameters = c.auth.connectionParameters;
    if (c.auth.connectionParameterSets !== undefined) properties.connectionParameterSets = c.auth.connectionParameterSets;
  } else {
    properties.connectionParameters = connectionParameters(c);
  }
  Object.assign(properties, p);
  return { properties };
}

function ui(u: ConnectionUi, required: boolean): JsonObject {
  const out: JsonObject = { displayName: u.displayName, description: u.description };
  if (u.tooltip !== undefined) out.tooltip = u.tooltip;
  const constraints: JsonObject = {};
  if (u.tabIndex !== undefined) constraints.tabIndex = u.tabIndex;
  constraints.clearText = false;
  // The schema wants the string "true", not a boolean.
  constraints.required = required ? 'true' : 'false';
  out.constraints = constraints;
  return out;
}

function connectionParameters(c: Connector): JsonObject {
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
