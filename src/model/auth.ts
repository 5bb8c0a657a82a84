/**
 * Typed auth builders: noAuth(), apiKey(), basicAuth() and oauth2(). Each returns one Auth value
 * from which the swagger's securityDefinitions and the apiProperties connection parameters are
 * both emitted (src/emit/security.ts), so an OAuth URL or scope is written once by the author and
 * the two files cannot disagree. The literal `{ type: 'apiKey', ... }` form stays valid: the
 * builders only fill defaults and record where they were called, for diagnostics.
 */
import type { ConnectionUi } from './connector';
import type { SecretRef } from './secret';
import { noteSite } from './source-site';

/**
 * The identity providers of the official apiProperties schema's oAuthSettings enum that a
 * descriptor can describe with URLs and scopes. `aadcertificate` is first-party only (the schema
 * requires IsFirstParty "True"), so an author cannot use it.
 */
export const OAUTH_IDENTITY_PROVIDERS = ['oauth2', 'oauth2generic', 'aad', 'facebook'] as const;
export type OAuthIdentityProvider = (typeof OAUTH_IDENTITY_PROVIDERS)[number];

/** The redirect URL Power Platform's consent flow uses in Global mode. */
export const GLOBAL_REDIRECT_URL = 'https://global.consent.azure-apim.net/redirect';

/** OAuth 2 authorization-code flow, as it is written once for both files. */
export interface OAuth2Auth {
  readonly type: 'oauth2';
  readonly identityProvider: OAuthIdentityProvider;
  /** The connection parameter's name in apiProperties (`token` in almost every connector). */
  readonly parameter: string;
  /** The securityDefinitions key. */
  readonly securityName: string;
  readonly clientId: string;
  /** Never the secret itself: the build writes an empty clientSecret for paconn or pac to fill. */
  readonly clientSecret: SecretRef;
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly refreshUrl: string;
  readonly scopes: readonly string[];
  readonly redirectMode: 'Global' | 'Direct';
  /**
   * Provider-specific oAuthSettings.customParameters besides the URLs (aad: resourceUri,
   * tenantId, loginUri; oauth2generic: the *Template keys), each written as { value }.
   */
  readonly customParameters: Readonly<Record<string, string>>;
}

export interface OAuth2Spec {
  /** Default `oauth2` (generic OAuth 2 with authorization, token and refresh URLs). */
  identityProvider?: OAuthIdentityProvider;
  clientId: string;
  /** secret('ENV'): the variable that holds the client secret where the connector is deployed. */
  clientSecret: SecretRef;
  authorizationUrl: string;
  tokenUrl: string;
  /** Default: tokenUrl. */
  refreshUrl?: string;
  scopes: readonly string[];
  /** Default `Global` (the shared consent redirect URL). */
  redirectMode?: 'Global' | 'Direct';
  customParameters?: Readonly<Record<string, string>>;
  /** Default `token`. */
  parameter?: string;
  /** Default `oauth2_auth`. */
  securityName?: string;
}

export function oauth2(spec: OAuth2Spec): OAuth2Auth {
  return noteSite(
    Object.freeze({
      type: 'oauth2' as const,
      identityProvider: spec.identityProvider ?? 'oauth2',
      parameter: spec.parameter ?? 'token',
      securityName: spec.securityName ?? 'oauth2_auth',
      clientId: spec.clientId,
      clientSecret: spec.clientSecret,
      authorizationUrl: spec.authorizationUrl,
      tokenUrl: spec.tokenUrl,
      refreshUrl: spec.refreshUrl ?? spec.tokenUrl,
      scopes: Object.freeze([...(spec.scopes ?? [])]),
      redirectMode: spec.redirectMode ?? 'Global',
      customParameters: Object.freeze({ ...(spec.customParameters ?? {}) }),
    }),
  );
}

export interface ApiKeySpec {
  /** Where the API expects the key, and under which name. */
  in: 'query' | 'header';
  name: string;
  /** Default `api_key`. */
  parameter?: string;
  /** Default `API Key`. */
  securityName?: string;
  ui?: ConnectionUi;
}

export interface ApiKeyAuth {
  readonly type: 'apiKey';
  /** The connection parameter's name in apiProperties (flows refer to it). */
  readonly parameter: string;
  /** The securityDefinitions key. */
  readonly securityName: string;
  readonly in: 'query' | 'header';
  readonly name: string;
  readonly ui: ConnectionUi;
}

export function apiKey(spec: ApiKeySpec): ApiKeyAuth {
  return noteSite(
    Object.freeze({
      type: 'apiKey' as const,
      parameter: spec.parameter ?? 'api_key',
      securityName: spec.securityName ?? 'API Key',
      in: spec.in,
      name: spec.name,
      ui: spec.ui ?? { displayName: 'API Key', description: 'The API key for this API' },
    }),
  );
}

export interface BasicAuth {
  readonly type: 'basic';
  readonly securityName: string;
  readonly username: ConnectionUi;
  readonly password: ConnectionUi;
}

export function basicAuth(spec: Partial<Omit<BasicAuth, 'type'>> = {}): BasicAuth {
  return noteSite(
    Object.freeze({
      type: 'basic' as const,
      securityName: spec.securityName ?? 'basic_auth',
      username: spec.username ?? { displayName: 'Username', description: 'The username for this API' },
      password: spec.password ?? { displayName: 'Password', description: 'The password for this API' },
    }),
  );
}

export function noAuth(): { readonly type: 'none' } {
  return noteSite(Object.freeze({ type: 'none' as const }));
}

/** One way of signing in among several: a named set of connection parameters. */
export interface ConnectionSet {
  /** The set's name in apiProperties (letters, digits and _), e.g. `keyBasedAuth`. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly auth: ApiKeyAuth | BasicAuth | OAuth2Auth;
}

/**
 * Several ways of signing in, the user picking one when creating a connection: apiProperties'
 * connectionParameterSets. The swagger then declares no security of its own (as published
 * multi-auth connectors do): each set's parameters say how that connection authenticates.
 */
export interface ConnectionSetsAuth {
  readonly type: 'sets';
  /** The picker's label, e.g. "Authentication type". */
  readonly displayName: string;
  readonly description: string;
  readonly sets: readonly ConnectionSet[];
}

export function connectionParameterSets(spec: {
  displayName?: string;
  description?: string;
  sets: readonly ConnectionSet[];
}): ConnectionSetsAuth {
  return noteSite(
    Object.freeze({
      type: 'sets' as const,
      displayName: spec.displayName ?? 'Authentication type',
      description: spec.description ?? 'How this connection signs in',
      sets: Object.freeze([...spec.sets]),
    }),
  );
}
