/**
 * The client's credentials for each auth kind: an API key (added by the request builder), HTTP
 * basic, or an OAuth 2 bearer token from the caller's getAccessToken. Every secret the client
 * ever holds (key, password, its Basic encoding, each token) joins one redactor, so no error
 * text can carry it. Not part of the public runtime surface: generated clients of OAuth and basic
 * connectors reach it through createAuthCore (core.ts), while ClientOptions keeps its shape.
 */
import { ClientError } from './errors';
import { redactorFor, type Redactor } from './redact';
import type { AuthRoute, ClientConfig, ClientOptions } from './types';

/** How the credentials travel: the API-key routes, or an Authorization header. */
export type SingleAuthRoute = AuthRoute | { readonly in: 'bearer' } | { readonly in: 'basic' };
/** Or, for a connector with several connection parameter sets, one of those by set name. */
export type ClientAuthRoute =
  | SingleAuthRoute
  | { readonly in: 'sets'; readonly sets: Readonly<Record<string, SingleAuthRoute>> };

export interface AuthClientConfig extends Omit<ClientConfig, 'auth'> {
  readonly auth: ClientAuthRoute;
}

/** ClientOptions with the credentials of whichever kind the connector uses. */
export interface AuthClientOptions extends Omit<ClientOptions, 'apiSecret'> {
  apiSecret?: string;
  /** OAuth 2: the bearer token, asked for once and again only after a 401. */
  getAccessToken?: () => string | Promise<string>;
  username?: string;
  password?: string;
  /** Several connection parameter sets: the name of the set this client signs in with. */
  connection?: string;
}

export interface Credentials {
  /** What the request builder adds itself (the API key), or none. */
  readonly route: AuthRoute;
  readonly secret: string;
  /** Removes every secret seen so far. */
  readonly redact: Redactor;
  /** The Authorization header value for the next attempt; undefined for API-key and open connectors. */
  authorization?(): Promise<string>;
  /**
   * After a 401 answered to `sent`: forget the cached token, so the next authorization() asks
   * getAccessToken again. True when that is worth one retry (bearer only).
   */
  renew(sent: string): boolean;
}

/** What every kind of credentials shares: the secrets it holds are redacted from every error. */
export interface Keyring {
  remember(secret: string): void;
  /** Credentials that add nothing themselves (no key for the request builder, no renewal). */
  readonly none: Credentials;
}

/**
 * One kind of sign-in (basic, bearer, a choice of sets): its credentials for `auth`, or undefined
 * when `auth` is another kind. A generated client passes only the kinds its connector uses, so a
 * bundler or minifier drops the others: an API-key client carries none of them.
 */
export type Signer = (
  auth: ClientAuthRoute,
  options: AuthClientOptions,
  ring: Keyring,
  signers: readonly Signer[],
) => Credentials | undefined;

export function credentialsFor(
  auth: ClientAuthRoute,
  options: AuthClientOptions,
  signers: readonly Signer[] = [],
): Credentials {
  const secrets = new Set<string>();
  let redactors: Redactor[] = [];
  const remember = (s: string): void => {
    if (!s || secrets.has(s)) return;
    secrets.add(s);
    // Longest first, so a secret containing another is replaced whole.
    redactors = [...secrets].sort((a, b) => b.length - a.length).map(redactorFor);
  };
  const redact: Redactor = (text) => redactors.reduce((acc, r) => r(acc), text);
  const none: Credentials = { route: { in: 'none' }, secret: '', redact, renew: () => false };
  if (auth.in === 'none') return none;
  if (auth.in === 'query' || auth.in === 'header') {
    const key = options?.apiSecret;
    if (typeof key !== 'string' || key === '')
      throw new ClientError('createClient needs apiSecret (a non-empty string)');
    remember(key);
    return { route: auth, secret: key, redact, renew: () => false };
  }
  for (const sign of signers) {
    const c = sign(auth, options, { remember, none }, signers);
    if (c) return c;
  }
  throw new ClientError(`this client cannot sign in with ${auth.in} credentials`);
}

/** Several connection parameter sets: the caller's `connection` names the one to sign in with. */
export const setsSigner: Signer = (auth, options, _ring, signers) => {
  if (auth.in !== 'sets') return undefined;
  const name = options?.connection;
  if (typeof name !== 'string' || !Object.hasOwn(auth.sets, name))
    throw new ClientError(`createClient needs connection: one of ${Object.keys(auth.sets).join(', ')}`);
  return credentialsFor(auth.sets[name]!, options, signers);
};

/** HTTP basic: username and password in one Authorization header (RFC 7617, UTF-8). */
export const basicSigner: Signer = (auth, options, { remember, none }) => {
  if (auth.in !== 'basic') return undefined;
  const { username, password } = options ?? {};
  if (typeof username !== 'string' || username === '' || typeof password !== 'string')
    throw new ClientError('createClient needs username (a non-empty string) and password (a string)');
  const header = `Basic ${base64(`${username}:${password}`)}`;
  remember(password);
  remember(header.slice(6));
  return { ...none, authorization: () => Promise.resolve(header) };
};

/** OAuth 2: the caller's getAccessToken, asked once and again only after a 401. */
export const bearerSigner: Signer = (auth, options, { remember, none }) => {
  if (auth.in !== 'bearer') return undefined;
  const get = options?.getAccessToken;
  if (typeof get !== 'function')
    throw new ClientError('createClient needs getAccessToken (a function returning the OAuth access token)');
  // One request for a token at a time: concurrent calls share it until a 401 drops it.
  let pending: Promise<string> | undefined;
  let current: string | undefined;
  const fetchToken = async (): Promise<string> => {
    let token: unknown;
    try {
      token = await get();
    } catch (e) {
      pending = undefined;
      // The provider's error may quote what it was given; only its kind crosses the boundary.
      throw new ClientError(`getAccessToken failed (${e instanceof Error ? e.name : typeof e})`);
    }
    if (typeof token !== 'string' || token === '') {
      pending = undefined;
      throw new ClientError('getAccessToken returned no token (it must return a non-empty string)');
    }
    remember(token);
    current = `Bearer ${token}`;
    return current;
  };
  return {
    ...none,
    authorization: () => (pending ??= fetchToken()),
    renew(sent) {
      // A concurrent call may have renewed it already: then its new token is the one to retry with.
      if (current === sent) {
        pending = undefined;
        current = undefined;
      }
      return true;
    },
  };
};

// Globals of every runtime the client supports (Node 18+, browsers, workers), declared here
// because the client's ES2022 lib has no DOM: base64 of the UTF-8 bytes (RFC 7617).
declare const btoa: (data: string) => string;
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
