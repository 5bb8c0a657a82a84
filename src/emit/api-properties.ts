/**
 * apiProperties.json for paconn: connection parameters, brand colour, publisher. The throttling
 * policy is deliberately absent: no apiProperties key exists for it and the official schema
 * rejects unknown keys (DESIGN.md, Throttling).
 */
import type { Auth, Connector } from '../model/connector';
import type { PropertiesSpec } from '../model/properties';
import { generatedScript } from './script-csx';
import { connectionParameterSetsJson, connectionParameters } from './security';
import { withSecrets } from './secrets';
import type { ApiProperties, ApiPropertiesDocument } from '../swagger/api-properties';

export function emitApiProperties(c: Connector): ApiPropertiesDocument {
  if (c.declared) {
    const declared = declaredPropertiesJson(c.auth, c.declared.properties);
    return c.declared.propertiesRoot ? { ...c.declared.propertiesRoot, ...declared } : declared;
  }
  const properties: ApiProperties = {
    connectionParameters: connectionParameters(c.auth),
    ...withSets(c.auth),
    iconBrandColor: c.iconBrandColor,
    capabilities: [],
    publisher: c.publisher,
    stackOwner: c.stackOwner,
  };
  // The operations the generated script.csx handles; the platform runs it for these only.
  const script = generatedScript(c);
  if (script) properties.scriptOperations = script.operations;
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
  return { properties: { connectionParameters: connectionParameters(auth), ...withSets(auth), ...rest } };
}

/** `{ connectionParameterSets }` when the auth offers several ways to sign in; else nothing. */
function withSets(a: Auth | undefined): Pick<ApiProperties, 'connectionParameterSets'> {
  const sets = connectionParameterSetsJson(a);
  return sets ? { connectionParameterSets: sets } : {};
}
