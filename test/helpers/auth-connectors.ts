/**
 * One small connector per auth kind, for the auth emit, schema and client tests. The operations
 * are written here (not taken from sample-connector) so these tests depend on auth alone.
 */
import { apiKey, basicAuth, connectionParameterSets, noAuth, oauth2, type OAuth2Spec } from '../../src/model/auth';
import { defineConnector, type Auth, type Connector } from '../../src/model/connector';
import { operation, query, type Operation } from '../../src/model/operation';
import { t } from '../../src/model/schema';
import { secret } from '../../src/model/secret';

const getMe = operation({
  id: 'MeGet',
  method: 'get',
  path: '/me',
  summary: 'Get me',
  description: 'Gets the signed-in account.',
  params: { verbose: query(t.boolean({ title: 'Verbose', description: 'More detail.' })) },
  responses: { 200: t.partial({ name: t.string({ title: 'Name', description: 'The name.' }) }) },
});

const addNote = operation({
  id: 'NoteAdd',
  method: 'post',
  path: '/notes',
  summary: 'Add a note',
  description: 'Adds a note to the account.',
  body: t.object({ text: t.string({ title: 'Text', description: 'The text.' }) }),
  responses: { 201: t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) }) },
});

export const OAUTH: OAuth2Spec = {
  clientId: 'pcdk-test-client',
  clientSecret: secret('NOTES_CLIENT_SECRET'),
  authorizationUrl: 'https://login.notes.example/oauth/authorize',
  tokenUrl: 'https://login.notes.example/oauth/token',
  scopes: ['notes.read', 'notes.write'],
};

/** Valid auth of every kind, named for test tables. */
export const AUTH_KINDS: readonly [name: string, auth: Auth][] = [
  ['none', noAuth()],
  ['apiKey in a header', apiKey({ in: 'header', name: 'X-Api-Key' })],
  ['apiKey in the query', apiKey({ in: 'query', name: 'key' })],
  ['basic', basicAuth()],
  ['oauth2 (generic)', oauth2(OAUTH)],
  [
    'oauth2 with a refresh URL, Direct redirect',
    oauth2({ ...OAUTH, refreshUrl: 'https://login.notes.example/oauth/refresh', redirectMode: 'Direct' }),
  ],
  [
    'aad',
    oauth2({
      ...OAUTH,
      identityProvider: 'aad',
      authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/authorize',
      tokenUrl: 'https://login.microsoftonline.com/common/oauth2/token',
      scopes: [],
      customParameters: { resourceUri: 'https://graph.microsoft.com', tenantId: 'common' },
    }),
  ],
  [
    'facebook',
    oauth2({
      ...OAUTH,
      identityProvider: 'facebook',
      authorizationUrl: 'https://www.facebook.com/dialog/oauth',
      tokenUrl: 'https://graph.facebook.com/oauth/access_token',
      scopes: ['public_profile'],
    }),
  ],
  [
    'oauth2generic',
    oauth2({
      ...OAUTH,
      identityProvider: 'oauth2generic',
      customParameters: { scopeListDelimiter: ',' },
    }),
  ],
];

export function notesConnector(auth: Auth, id = 'notes', operations?: Record<string, Operation>): Connector {
  return defineConnector({
    id,
    title: 'Notes',
    description: 'Notes keeps short notes for an account, behind each kind of sign-in.',
    version: '1.0',
    host: 'api.notes.example',
    basePath: '/v1',
    schemes: ['https'],
    contact: { name: 'Notes', url: 'https://notes.example', email: 'help@notes.example' },
    metadata: {
      website: 'https://notes.example',
      privacyPolicy: 'https://notes.example/privacy',
      categories: ['Data'],
    },
    publisher: 'Notes',
    stackOwner: 'Notes',
    iconBrandColor: '#da3b01',
    auth,
    operations: operations ?? { getMe, addNote },
    readme: { prerequisites: 'An account.', obtainingCredentials: 'Sign in.', knownIssues: 'None.' },
  });
}

/** Two ways to sign in: an API key, or OAuth 2 (AAD). */
export const SETS = connectionParameterSets({
  sets: [
    {
      name: 'keyAuth',
      displayName: 'API key',
      description: 'Sign in with an API key.',
      auth: apiKey({ in: 'header', name: 'X-Api-Key' }),
    },
    {
      name: 'oauthAuth',
      displayName: 'Microsoft Entra ID',
      description: 'Sign in with your organisation account.',
      auth: oauth2({
        ...OAUTH,
        identityProvider: 'aad',
        authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/authorize',
        tokenUrl: 'https://login.microsoftonline.com/common/oauth2/token',
        scopes: [],
        customParameters: { resourceUri: 'https://notes.example' },
      }),
    },
  ],
});
