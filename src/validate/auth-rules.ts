/**
 * Rules on a typed OAuth 2 auth (src/model/auth.ts). The swagger and apiProperties are both
 * written from it, so what is checked here is what the two files would otherwise have to agree
 * on: absolute https endpoints, one spelling per scope, a client secret that is only a reference,
 * and the customParameters the official schema allows for the identity provider.
 */
import { OAUTH_IDENTITY_PROVIDERS, type ConnectionSetsAuth, type OAuth2Auth } from '../model/auth';
import { isSecretRef } from '../model/secret';
import type { DiagnosticCode } from './diagnostics';
import type { diagnostic } from './diagnostics';

export type AuthReport = <C extends DiagnosticCode>(
  code: C,
  args: Parameters<typeof diagnostic<C>>[1],
  where: { field: string },
) => void;

/** customParameters each provider allows besides the URLs (official schema, oAuthSettings.oneOf). */
const CUSTOM_KEYS: Readonly<Record<string, { allowed?: readonly string[]; required?: readonly string[] }>> = {
  oauth2: { allowed: [] },
  aad: { allowed: ['resourceUri', 'loginUri', 'tenantId'], required: ['resourceUri'] },
};

export function checkOAuth2(a: OAuth2Auth, report: AuthReport, at = 'auth'): void {
  if (!(OAUTH_IDENTITY_PROVIDERS as readonly string[]).includes(a.identityProvider)) {
    const allowed = OAUTH_IDENTITY_PROVIDERS.join(', ');
    report(
      'auth-identity-provider-invalid',
      { provider: String(a.identityProvider), allowed },
      { field: `${at}.identityProvider` },
    );
  }
  if (typeof a.clientId !== 'string' || a.clientId.trim() === '')
    report('auth-client-id-missing', {}, { field: `${at}.clientId` });
  if (!isSecretRef(a.clientSecret)) report('auth-client-secret-invalid', {}, { field: `${at}.clientSecret` });
  for (const field of ['authorizationUrl', 'tokenUrl', 'refreshUrl'] as const) {
    const url = a[field];
    // refreshUrl defaults to tokenUrl: one mistake, reported once.
    if (field === 'refreshUrl' && url === a.tokenUrl) continue;
    if (!isHttpsUrl(url)) report('auth-url-invalid', { field, url: String(url) }, { field: `${at}.${field}` });
  }
  checkScopes(a.scopes, report, `${at}.scopes`);
  const rule = CUSTOM_KEYS[a.identityProvider];
  const given = Object.keys(a.customParameters ?? {});
  for (const key of given) {
    if (rule?.allowed && !rule.allowed.includes(key)) {
      const reason = rule.allowed.length
        ? `"${key}" is not allowed (only ${rule.allowed.join(', ')})`
        : `"${key}" is not allowed: the URLs are written from authorizationUrl, tokenUrl and refreshUrl`;
      report(
        'auth-custom-parameter-invalid',
        { provider: a.identityProvider, reason },
        { field: `${at}.customParameters` },
      );
    }
    if (typeof a.customParameters[key] !== 'string')
      report(
        'auth-custom-parameter-invalid',
        { provider: a.identityProvider, reason: `"${key}" must be a string` },
        { field: `${at}.customParameters` },
      );
  }
  for (const key of rule?.required ?? []) {
    if (!given.includes(key))
      report(
        'auth-custom-parameter-invalid',
        { provider: a.identityProvider, reason: `"${key}" is required` },
        { field: `${at}.customParameters` },
      );
  }
}

function checkScopes(scopes: readonly string[], report: AuthReport, field: string): void {
  if (!Array.isArray(scopes)) return report('auth-scopes-invalid', { reason: 'it must be a list' }, { field });
  const seen = new Set<string>();
  for (const s of scopes) {
    if (typeof s !== 'string' || s.trim() === '')
      report('auth-scopes-invalid', { reason: 'a scope is empty' }, { field });
    else if (/\s/.test(s))
      // Swagger keys each scope by name, and the token request joins them with spaces.
      report('auth-scopes-invalid', { reason: `"${s}" holds whitespace: list each scope separately` }, { field });
    else if (seen.has(s)) report('auth-scopes-invalid', { reason: `"${s}" is listed twice` }, { field });
    seen.add(s);
  }
}

/**
 * Several ways to sign in: at least two, each named once (flows and the platform refer to the
 * name), each one's auth checked where it was written.
 */
export function checkSets(a: ConnectionSetsAuth, report: AuthReport): void {
  if (!Array.isArray(a.sets) || a.sets.length < 2)
    return report(
      'auth-sets-invalid',
      { reason: 'give at least two sets (one way to sign in is plain auth)' },
      { field: 'auth.sets' },
    );
  const names = new Set<string>();
  a.sets.forEach((set, i) => {
    const at = `auth.sets[${i}]`;
    if (typeof set.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(set.name))
      report(
        'auth-sets-invalid',
        { reason: `set name "${String(set.name)}" must be letters, digits and _` },
        { field: `${at}.name` },
      );
    else if (names.has(set.name))
      report('auth-sets-invalid', { reason: `set name "${set.name}" is used twice` }, { field: `${at}.name` });
    names.add(set.name);
    if (!set.displayName)
      report('auth-sets-invalid', { reason: `set ${i} needs a displayName` }, { field: `${at}.displayName` });
    if (set.auth?.type === 'oauth2') checkOAuth2(set.auth, report, `${at}.auth`);
    else if (set.auth?.type !== 'apiKey' && set.auth?.type !== 'basic')
      report(
        'auth-sets-invalid',
        { reason: `set ${i} needs apiKey(), basicAuth() or oauth2()` },
        { field: `${at}.auth` },
      );
  });
}

function isHttpsUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname !== '' && url.startsWith('https://');
  } catch {
    return false;
  }
}
