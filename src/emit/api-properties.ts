/**
 * apiProperties.json for paconn: connection parameters, brand colour, publisher. The throttling
 * policy is deliberately absent: no apiProperties key exists for it and the official schema
 * rejects unknown keys (DESIGN.md, Throttling).
 */
import type { Auth, Connector, ConnectionUi } from '../model/connector';
import type { PropertiesSpec } from '../model/properties';
import { withSecrets } from './secrets';
import type {
  ApiProperties,
  ApiPropertiesDocument,
  ConnectionParameter,
  UiDefinition,
} from '../swagger/api-properties';

export function emitApiProperties(c: Connector): ApiPropertiesDocument {
  if (c.declared) return declaredPropertiesJson(c.auth, c.declared.properties);
  const properties: ApiProperties = {
    connectionParameters: connectionParameters(c.auth),
    iconBrandColor: c.iconBrandColor,
    capabilities: [],
    publisher: c.publisher,
    stackOwner: c.stackOwner,
  };
  return { properties };
}

/**
 * apiProperties of a connector that declares them (pcdk import): exactly the declared keys,
 * connection parameters included, unless an authored auth replaces those.
 */
function declaredPropertiesJson(auth: Auth | undefined, declared: PropertiesSpec): ApiPropertiesDocument {
  // A secret('ENV') the build has not replaced by its value (validate, preview, pack): empty, as
  // paconn expects it before --secret fills it. The reference itself is never written.
  const p = withSecrets(declared, () => '');
  if (!auth) return { properties: { ...p } };
  const { connectionParameters: _declared, connectionParameterSets: _sets, ...rest } = p;
  return { properties: { connectionParameters: connectionParameters(auth), ...rest } };
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

function connectionParameters(a: Auth | undefined): Record<string, ConnectionParameter> {
  switch (a?.type) {
    case undefined:
    case 'none':
      return {};
    case 'apiKey':
      return { [a.parameter]: { type: 'securestring', uiDefinition: ui(a.ui, true) } };
    case 'basic':
      return {
        username: { type: 'securestring', uiDefinition: ui(a.username, true) },
        password: { type: 'securestring', uiDefinition: ui(a.password, true) },
      };
  }
}
