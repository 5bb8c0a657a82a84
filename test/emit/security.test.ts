/** Each typed auth is written once: securityDefinitions and connectionParameters come from it. */
import convertkit from '../../definitions/convertkit/connector';
import { clientUnsupported } from '../../src/emit/client/client-source';
import { emitApiProperties } from '../../src/emit/api-properties';
import { emitSwagger } from '../../src/emit/swagger';
import { apiKey, connectionParameterSets, oauth2 } from '../../src/model/auth';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import { AUTH_KINDS, notesConnector, OAUTH, SETS } from '../helpers/auth-connectors';

const emitted = (name: string) => {
  const c = notesConnector(AUTH_KINDS.find(([n]) => n === name)![1]);
  return { swagger: emitSwagger(c), props: emitApiProperties(c).properties };
};

describe.each(AUTH_KINDS)('%s', (_name, auth) => {
  const c = notesConnector(auth);
  test('passes the descriptor rules', () => {
    expect(validateDescriptor(c).filter((d) => d.severity === 'error')).toEqual([]);
  });
  test('has a client (no client-skipped)', () => {
    expect(clientUnsupported(c)).toBeUndefined();
  });
});

test.each([
  ['none', undefined, undefined, {}],
  [
    'apiKey in a header',
    { 'API Key': { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    [{ 'API Key': [] }],
    ['api_key'],
  ],
  ['basic', { basic_auth: { type: 'basic' } }, [{ basic_auth: [] }], ['username', 'password']],
])('%s: securityDefinitions and connection parameters', (name, defs, security, params) => {
  const { swagger, props } = emitted(name);
  expect(swagger.securityDefinitions).toEqual(defs);
  expect(swagger.security).toEqual(security);
  expect(Object.keys(props.connectionParameters ?? {})).toEqual(Array.isArray(params) ? params : []);
});

test('oauth2: the swagger and apiProperties carry the same URLs and scopes, written once', () => {
  const { swagger, props } = emitted('oauth2 (generic)');
  expect(swagger.securityDefinitions).toEqual({
    oauth2_auth: {
      type: 'oauth2',
      flow: 'accessCode',
      authorizationUrl: OAUTH.authorizationUrl,
      tokenUrl: OAUTH.tokenUrl,
      scopes: { 'notes.read': 'notes.read', 'notes.write': 'notes.write' },
    },
  });
  expect(swagger.security).toEqual([{ oauth2_auth: ['notes.read', 'notes.write'] }]);
  expect(props.connectionParameters).toEqual({
    token: {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'oauth2',
        clientId: 'pcdk-test-client',
        clientSecret: '',
        scopes: ['notes.read', 'notes.write'],
        redirectMode: 'Global',
        redirectUrl: 'https://global.consent.azure-apim.net/redirect',
        properties: { IsFirstParty: 'False' },
        customParameters: {
          authorizationUrl: { value: OAUTH.authorizationUrl },
          tokenUrl: { value: OAUTH.tokenUrl },
          refreshUrl: { value: OAUTH.tokenUrl },
        },
      },
    },
  });
});

test.each(AUTH_KINDS.filter(([, a]) => a.type === 'oauth2'))('%s: swagger and oAuthSettings agree', (_n, auth) => {
  const c = notesConnector(auth);
  const def = Object.values(emitSwagger(c).securityDefinitions!)[0]!;
  if (def.type !== 'oauth2') throw new Error('an oauth2 definition');
  const settings = Object.values(emitApiProperties(c).properties.connectionParameters!)[0]!.oAuthSettings!;
  expect(Object.keys(def.scopes as object)).toEqual(settings.scopes);
  if (settings.identityProvider === 'oauth2') {
    expect(settings.customParameters?.authorizationUrl?.value).toBe(def.authorizationUrl);
    expect(settings.customParameters?.tokenUrl?.value).toBe(def.tokenUrl);
  }
});

test('no client secret and no variable name reaches either file', () => {
  for (const [, auth] of AUTH_KINDS) {
    const c = notesConnector(auth);
    const text = JSON.stringify([emitSwagger(c), emitApiProperties(c)]);
    expect(text).not.toContain('NOTES_CLIENT_SECRET');
  }
});

test("apiKey() writes exactly what ConvertKit's literal auth writes", () => {
  const literal = convertkit.auth!;
  if (literal.type !== 'apiKey') throw new Error('ConvertKit uses an API key');
  const built = apiKey({
    in: literal.in,
    name: literal.name,
    parameter: literal.parameter,
    securityName: literal.securityName,
    ui: literal.ui,
  });
  const withBuilt = { ...convertkit, auth: built };
  expect(JSON.stringify(emitSwagger(withBuilt))).toBe(JSON.stringify(emitSwagger(convertkit)));
  expect(JSON.stringify(emitApiProperties(withBuilt))).toBe(JSON.stringify(emitApiProperties(convertkit)));
});

// Each invalid oauth2 gives its own code on its own field.
test.each([
  ['http token URL', { tokenUrl: 'http://login.notes.example/token' }, 'auth-url-invalid', 'auth.tokenUrl'],
  ['relative authorization URL', { authorizationUrl: '/oauth/authorize' }, 'auth-url-invalid', 'auth.authorizationUrl'],
  ['refresh URL not a URL', { refreshUrl: 'login.notes.example' }, 'auth-url-invalid', 'auth.refreshUrl'],
  ['a scope twice', { scopes: ['a', 'a'] }, 'auth-scopes-invalid', 'auth.scopes'],
  ['scopes in one string', { scopes: ['a b'] }, 'auth-scopes-invalid', 'auth.scopes'],
  ['an empty scope', { scopes: [''] }, 'auth-scopes-invalid', 'auth.scopes'],
  [
    'a literal client secret',
    { clientSecret: 'hunter2-literal' as never },
    'auth-client-secret-invalid',
    'auth.clientSecret',
  ],
  ['no client id', { clientId: '' }, 'auth-client-id-missing', 'auth.clientId'],
  [
    'oauth2 with a URL as custom parameter',
    { customParameters: { tokenUrl: 'https://x.example' } },
    'auth-custom-parameter-invalid',
    'auth.customParameters',
  ],
  [
    'aad without resourceUri',
    { identityProvider: 'aad' as const },
    'auth-custom-parameter-invalid',
    'auth.customParameters',
  ],
  [
    'aadcertificate',
    { identityProvider: 'aadcertificate' as never },
    'auth-identity-provider-invalid',
    'auth.identityProvider',
  ],
])('invalid oauth2: %s', (_name, patch, code, field) => {
  const found = validateDescriptor(notesConnector(oauth2({ ...OAUTH, ...patch })));
  expect(found.map((d) => [d.code, d.field])).toEqual([[code, field]]);
  expect(JSON.stringify(found)).not.toContain('hunter2-literal');
});

describe('connectionParameterSets', () => {
  const c = notesConnector(SETS);
  test('apiProperties holds one named set per way to sign in; the swagger declares no security', () => {
    const props = emitApiProperties(c).properties;
    expect(props.connectionParameterSets?.values.map((v) => [v.name, Object.keys(v.parameters)])).toEqual([
      ['keyAuth', ['api_key']],
      ['oauthAuth', ['token']],
    ]);
    expect(props.connectionParameters).toEqual({});
    expect(emitSwagger(c).securityDefinitions).toBeUndefined();
    expect(validateDescriptor(c).filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('it has a client, whose caller names the set it signs in with', () => {
    expect(clientUnsupported(c)).toBeUndefined();
  });

  const [keySet, oauthSet] = SETS.sets;
  test.each([
    ['only one set', [keySet!], 'auth.sets'],
    ['a name used twice', [keySet!, { ...oauthSet!, name: 'keyAuth' }], 'auth.sets[1].name'],
    ['a name with a dash', [keySet!, { ...oauthSet!, name: 'oauth-auth' }], 'auth.sets[1].name'],
    [
      'an http token URL inside a set',
      [keySet!, { ...oauthSet!, auth: oauth2({ ...OAUTH, tokenUrl: 'http://x.example/t' }) }],
      'auth.sets[1].auth.tokenUrl',
    ],
  ])('invalid: %s', (_n, sets, field) => {
    const found = validateDescriptor(notesConnector(connectionParameterSets({ sets })));
    expect(found.map((d) => d.field)).toEqual([field]);
  });
});
