/**
 * One Auth, two files: the swagger's securityDefinitions/security and apiProperties'
 * connectionParameters are both derived here from the same value, so an OAuth URL or scope
 * written once in the descriptor appears identically in each (they cannot disagree).
 */
import { GLOBAL_REDIRECT_URL, type OAuth2Auth } from '../model/auth';
import type { Auth, ConnectionUi } from '../model/connector';
import type {
  ConnectionParameter,
  ConnectionParameterSets,
  OAuthSettings,
  UiDefinition,
} from '../swagger/api-properties';
import type { SecurityRequirement, SecuritySchemeObject } from '../swagger/document';

export interface SecurityJson {
  definitions: Record<string, SecuritySchemeObject>;
  requirement: SecurityRequirement[];
}

export function securityJson(a: Auth | undefined): SecurityJson | undefined {
  switch (a?.type) {
    case undefined:
    case 'none':
    // Each set's parameters carry its security; published multi-auth connectors declare none.
    case 'sets':
      return undefined;
    case 'apiKey':
      return {
        definitions: { [a.securityName]: { type: 'apiKey', in: a.in, name: a.name } },
        requirement: [{ [a.securityName]: [] }],
      };
    case 'basic':
      return { definitions: { [a.securityName]: { type: 'basic' } }, requirement: [{ [a.securityName]: [] }] };
    case 'oauth2':
      return {
        definitions: {
          [a.securityName]: {
            type: 'oauth2',
            flow: 'accessCode',
            authorizationUrl: a.authorizationUrl,
            tokenUrl: a.tokenUrl,
            // Swagger 2.0 maps each scope to a description; connectors repeat the scope.
            scopes: Object.fromEntries(a.scopes.map((s) => [s, s])),
          },
        },
        requirement: [{ [a.securityName]: [...a.scopes] }],
      };
  }
}

export function connectionParameters(a: Auth | undefined): Record<string, ConnectionParameter> {
  switch (a?.type) {
    case undefined:
    case 'none':
    case 'sets':
      return {};
    case 'apiKey':
      return { [a.parameter]: { type: 'securestring', uiDefinition: ui(a.ui, true) } };
    case 'basic':
      return {
        username: { type: 'securestring', uiDefinition: ui(a.username, true) },
        password: { type: 'securestring', uiDefinition: ui(a.password, true) },
      };
    case 'oauth2':
      return { [a.parameter]: { type: 'oauthSetting', oAuthSettings: oAuthSettings(a) } };
  }
}

/**
 * The official schema allows per provider only its own customParameters: oauth2 takes exactly
 * the three URLs, aad and the others the provider keys the author gives (resourceUri...).
 */
/** connectionParameterSets of a several-ways-to-sign-in auth, or undefined for any other kind. */
export function connectionParameterSetsJson(a: Auth | undefined): ConnectionParameterSets | undefined {
  if (a?.type !== 'sets') return undefined;
  return {
    uiDefinition: { displayName: a.displayName, description: a.description },
    values: a.sets.map((s) => ({
      name: s.name,
      uiDefinition: { displayName: s.displayName, description: s.description },
      parameters: connectionParameters(s.auth),
    })),
  };
}

function oAuthSettings(a: OAuth2Auth): OAuthSettings {
  const custom: Record<string, { value: string }> = {};
  if (a.identityProvider === 'oauth2') {
    custom.authorizationUrl = { value: a.authorizationUrl };
    custom.tokenUrl = { value: a.tokenUrl };
    custom.refreshUrl = { value: a.refreshUrl };
  }
  for (const key of Object.keys(a.customParameters).sort()) custom[key] = { value: a.customParameters[key]! };
  return {
    identityProvider: a.identityProvider,
    clientId: a.clientId,
    // Never the secret: paconn (--secret) or pac fills it at deployment.
    clientSecret: '',
    scopes: [...a.scopes],
    redirectMode: a.redirectMode,
    ...(a.redirectMode === 'Global' ? { redirectUrl: GLOBAL_REDIRECT_URL } : {}),
    properties: { IsFirstParty: 'False' },
    ...(Object.keys(custom).length ? { customParameters: custom } : {}),
  };
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
