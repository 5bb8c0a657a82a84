/**
 * The parts of `pcdk import --api` around the schemas, table-driven: servers, security schemes,
 * names within the certification limits, --tags/--operations narrowing, and bad input files
 * (each a UserError naming the file, never a crash).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPcdkError } from '../../src/errors';
import {
  connectorDescriptionFrom,
  connectorTitleFrom,
  constNameFrom,
  operationDescriptionFrom,
  operationIdForRoute,
  operationIdFrom,
  summaryFrom,
} from '../../src/import/api-description/derive-names';
import { importApiDescription, importApiDescriptionFile } from '../../src/import/api-description/import-description';
import { authFrom } from '../../src/import/api-description/security';
import { serverTarget } from '../../src/import/api-description/servers';
import { literal } from '../../src/import/ts-writer';
import { RESTRICTED_TITLE_WORDS as CERTIFICATION_TITLE_WORDS } from '../../src/validate/certification/info-rules';

describe('servers', () => {
  test.each<[string, Record<string, unknown>, '2.0' | '3.0', object, object]>([
    [
      'an absolute URL',
      { servers: [{ url: 'https://api.zoo.test/v2/' }] },
      '3.0',
      { host: 'api.zoo.test', basePath: '/v2', schemes: ['https'] },
      {},
    ],
    [
      'the first server only',
      { servers: [{ url: 'http://a.test' }, { url: 'https://b.test' }] },
      '3.0',
      { host: 'a.test', basePath: '/', schemes: ['http'] },
      {},
    ],
    [
      'variables resolved to their defaults',
      {
        servers: [
          { url: 'https://{region}.zoo.test/{v}', variables: { region: { default: 'eu' }, v: { enum: ['v1', 'v2'] } } },
        ],
      },
      '3.0',
      { host: 'eu.zoo.test', basePath: '/v1', schemes: ['https'] },
      { variables: { url: 'https://{region}.zoo.test/{v}', resolved: 'https://eu.zoo.test/v1' } },
    ],
    [
      'a relative URL: placeholder host, its path kept',
      { servers: [{ url: '/api/v3' }] },
      '3.0',
      { host: 'api.example.com', basePath: '/api/v3' },
      { placeholder: true },
    ],
    ['no servers: placeholder host', {}, '3.0', { host: 'api.example.com', basePath: '/' }, { placeholder: true }],
    [
      'Swagger 2.0 host, basePath, schemes (https preferred)',
      { host: 'zoo.test:8443', basePath: '/api/', schemes: ['http', 'https'] },
      '2.0',
      { host: 'zoo.test:8443', basePath: '/api', schemes: ['https'] },
      {},
    ],
    [
      'Swagger 2.0 without a host',
      { basePath: '/api' },
      '2.0',
      { host: 'api.example.com', basePath: '/api' },
      { placeholder: true },
    ],
  ])('%s', (_n, doc, version, target, notes) => {
    const r = serverTarget(doc, version);
    expect(r.target).toMatchObject(target);
    expect(r.notes).toEqual(notes);
  });
});

describe('security schemes -> typed auth builders', () => {
  const oauthFlow = {
    authorizationCode: {
      authorizationUrl: 'https://zoo.test/authorize',
      tokenUrl: '/token',
      scopes: { 'read write': '', admin: '' },
    },
  };
  test.each<[string, Record<string, unknown>, RegExp, RegExp[]]>([
    ['none', {}, /^noAuth\(\)$/, []],
    [
      'an API key in a header',
      { components: { securitySchemes: { k: { type: 'apiKey', in: 'header', name: 'X-Key' } } } },
      /^apiKey\(\{\n? *in: 'header',\n? *name: 'X-Key'/,
      [],
    ],
    [
      'an API key in a cookie is left out',
      { components: { securitySchemes: { k: { type: 'apiKey', in: 'cookie', name: 'sid' } } } },
      /^noAuth\(\)$/,
      [/cookie is not supported/],
    ],
    [
      'HTTP basic',
      { components: { securitySchemes: { b: { type: 'http', scheme: 'basic' } } } },
      /^basicAuth\(\{\}\)$/,
      [],
    ],
    [
      'HTTP bearer -> an API key in Authorization, with a note',
      { components: { securitySchemes: { b: { type: 'http', scheme: 'bearer' } } } },
      /name: 'Authorization'/,
      [/users enter "Bearer <token>"/],
    ],
    [
      'OAuth 2 authorization code: relative URL resolved, scopes split, secret from the environment',
      { components: { securitySchemes: { o: { type: 'oauth2', flows: oauthFlow } } } },
      /clientSecret: secret\('ZOO_CLIENT_SECRET'\)[\s\S]*tokenUrl: 'https:\/\/api\.zoo\.test\/token'[\s\S]*scopes: \['read', 'write', 'admin'\]/,
      [/client id is a placeholder \(YOUR_CLIENT_ID\)/],
    ],
    [
      'OAuth 2 client credentials only is left out',
      {
        components: {
          securitySchemes: {
            o: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://x.test/t', scopes: {} } } },
          },
        },
      },
      /^noAuth\(\)$/,
      [/flow clientCredentials is not supported/],
    ],
    [
      'OpenID Connect is left out',
      { components: { securitySchemes: { o: { type: 'openIdConnect', openIdConnectUrl: 'https://x' } } } },
      /^noAuth\(\)$/,
      [/openIdConnect\) is not supported/],
    ],
    [
      'two usable schemes -> connectionParameterSets',
      {
        security: [{ key: [] }, { basic: [] }],
        components: {
          securitySchemes: {
            key: { type: 'apiKey', in: 'query', name: 'k' },
            basic: { type: 'http', scheme: 'basic' },
          },
        },
      },
      /^connectionParameterSets\(\{[\s\S]*name: 'key'[\s\S]*apiKey\([\s\S]*name: 'basic'[\s\S]*basicAuth\(/,
      [/2 ways to sign in/],
    ],
    [
      'global security picks among the declared schemes',
      {
        security: [{ key: [] }],
        components: {
          securitySchemes: {
            key: { type: 'apiKey', in: 'query', name: 'k' },
            basic: { type: 'http', scheme: 'basic' },
          },
        },
      },
      /^apiKey\(/,
      [],
    ],
  ])('%s', (_n, doc, auth, notes) => {
    const r = authFrom(doc, '3.0', { id: 'zoo', title: 'Zoo', origin: 'https://api.zoo.test' });
    expect(literal(r.code)).toMatch(auth);
    expect(r.notes).toHaveLength(notes.length);
    for (const [i, re] of notes.entries()) expect(r.notes[i]).toMatch(re);
  });

  test('Swagger 2.0 securityDefinitions: basic, and oauth2 accessCode', () => {
    expect(
      literal(authFrom({ securityDefinitions: { b: { type: 'basic' } } }, '2.0', { id: 'zoo', title: 'Zoo' }).code),
    ).toBe('basicAuth({})');
    const oauth = authFrom(
      {
        securityDefinitions: {
          o: {
            type: 'oauth2',
            flow: 'accessCode',
            authorizationUrl: 'https://a.test/auth',
            tokenUrl: 'https://a.test/token',
            scopes: {},
          },
        },
      },
      '2.0',
      { id: 'zoo', title: 'Zoo' },
    );
    expect(literal(oauth.code)).toMatch(/^oauth2\(/);
  });
});

describe('names within the certification limits', () => {
  test.each([
    ['findPetsByStatus', 'FindPetsByStatus'],
    ['pets.list', 'PetsList'],
    ['get_user-by_ID', 'GetUserByID'],
    ['2fa/enable', 'Op2faEnable'],
    ['', 'Operation'],
  ])('operationId %p -> %p', (from, to) => {
    expect(operationIdFrom(from)).toBe(to);
    expect(to).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });

  test('an operation without an id is named by its route', () => {
    expect(operationIdForRoute('get', '/pets/{petId}/toys')).toBe('GetPetsByPetIdToys');
  });

  test('const names are camelCase and never a reserved word', () => {
    expect(constNameFrom('GetPet')).toBe('getPet');
    expect(constNameFrom('Delete')).toBe('deleteOp');
    expect(constNameFrom('Then')).toBe('thenOp');
  });

  test.each([
    ['Find pets / animals & toys?', 'Find pets animals and toys'],
    ['Set the expiry.', 'Set the expiry'],
    ['**Bold** [link](https://x.test) 100%', 'Bold link 100 percent'],
    [`${'word '.repeat(30)}end`, 'Word word word word word word word word word word word word word word word word'],
  ])('summary %p -> %p', (from, to) => {
    const s = summaryFrom(from, 'X');
    expect(s).toBe(to);
    expect(s.length).toBeLessThanOrEqual(80);
    expect(s).not.toMatch(/[/\\<>*%&?]|[\s.!,;:]$/);
  });

  test('a missing summary comes from the operationId', () => {
    expect(summaryFrom(undefined, 'ListPetToys')).toBe('List pet toys');
  });

  test('descriptions are sentences and differ from the summary', () => {
    expect(operationDescriptionFrom('Lists the pets', 'List pets', 'get', '/pets')).toBe('Lists the pets.');
    expect(operationDescriptionFrom(undefined, 'List pets', 'get', '/pets')).toBe('List pets. Sends GET /pets.');
    expect(operationDescriptionFrom('List pets', 'List pets', 'get', '/pets')).toBe('List pets. Sends GET /pets.');
  });

  test.each([
    ['Swagger Petstore', 'Swagger Petstore'],
    ['ReadMe API', 'ReadMe'],
    ['The Zoo Connector for Power Automate', 'The Zoo for'],
    ['A very long title that goes on and on and on', 'A very long title that goes on'],
    ['API', 'Fallback'],
    // Bounded as the certification rule bounds words: by anything not a letter.
    ['Petstore-API v2', 'Petstore v2'],
    ['api23', '23'],
    // One word too long for a title is split where its case changes (APIs.guru's Azure titles).
    ['ApplicationInsightsManagementClient', 'Application Insights'],
  ])('title %p -> %p', (from, to) => {
    const t = connectorTitleFrom(from, 'Fallback');
    expect(t).toBe(to);
    expect(t.length).toBeLessThanOrEqual(30);
    // The certification rule's own test finds no restricted word.
    for (const word of CERTIFICATION_TITLE_WORDS)
      expect(new RegExp(`(^|[^A-Za-z])${word}([^A-Za-z]|$)`, 'i').test(t)).toBe(false);
  });

  test('connector descriptions are 30 to 500 characters', () => {
    expect(connectorDescriptionFrom(undefined, 'Zoo')).toBe(
      'Zoo connects Power Automate and Power Apps to the Zoo service.',
    );
    expect(connectorDescriptionFrom('Short.', 'Zoo').length).toBeGreaterThanOrEqual(30);
    const long = connectorDescriptionFrom('A sentence that is long enough to count. '.repeat(30), 'Zoo');
    expect(long.length).toBeLessThanOrEqual(500);
    expect(long).toMatch(/\.$/);
  });
});

const zoo = (): Record<string, unknown> => ({
  openapi: '3.0.3',
  info: { title: 'Zoo', version: '1.0' },
  servers: [{ url: 'https://api.zoo.test' }],
  paths: {
    '/animals': {
      get: { operationId: 'listAnimals', tags: ['animals'], responses: { 200: { description: 'OK' } } },
      post: { operationId: 'addAnimal', tags: ['animals', 'admin'], responses: { 201: { description: 'Created' } } },
    },
    '/keepers': { get: { tags: ['keepers'], responses: { 200: { description: 'OK' } } } },
  },
});

describe('--tags and --operations', () => {
  const run = (opts: { tags?: string[]; operations?: string[] }) =>
    importApiDescription({ file: 'zoo.json', version: '3.0', doc: zoo() }, opts);

  test.each<[string, { tags?: string[]; operations?: string[] }, number]>([
    ['everything', {}, 3],
    ['one tag', { tags: ['animals'] }, 2],
    ['two tags', { tags: ['admin', 'keepers'] }, 2],
    ['by operationId', { operations: ['listAnimals'] }, 1],
    ['an operation without an id, by METHOD /path', { operations: ['GET /keepers'] }, 1],
    ['tags and operations together', { tags: ['animals'], operations: ['addAnimal'] }, 1],
  ])('%s', (_n, opts, count) => {
    expect(run(opts).operations).toBe(count);
  });

  test.each<[string, { tags?: string[]; operations?: string[] }, string]>([
    [
      'an unknown tag',
      { tags: ['birds'] },
      'zoo.json: no operation has the tag "birds"; the tags are: admin, animals, keepers',
    ],
    [
      'an unknown operation',
      { operations: ['feedAnimals'] },
      'zoo.json: no operation "feedAnimals"; the operations are: listAnimals, addAnimal, GET /keepers',
    ],
  ])('%s is an error naming it and listing the known ones', (_n, opts, message) => {
    expect(() => run(opts)).toThrow(message);
  });
});

describe('bad input files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-api-bad-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  test.each<[string, string, string, RegExp]>([
    ['not JSON', 'bad.json', '{ "openapi": ', /bad\.json: not valid JSON/],
    ['not YAML either', 'bad.yaml', 'openapi: [3.0\n  - : :', /bad\.yaml: neither JSON nor YAML/],
    ['not an API description', 'pkg.json', '{ "name": "x" }', /pkg\.json: not an OpenAPI or Swagger description/],
    ['a root that is not an object', 'list.yaml', '- a\n- b\n', /list\.yaml: not an API description/],
    ['OpenAPI 4', 'v4.yaml', 'openapi: 4.0.0\npaths: {}\n', /v4\.yaml: OpenAPI version 4\.0\.0 is not supported/],
    ['Swagger 1.2', 'v1.json', '{ "swagger": "1.2" }', /v1\.json: Swagger version 1\.2 is not supported/],
    [
      'no paths',
      'empty.yaml',
      'openapi: 3.1.0\ninfo: { title: x, version: "1" }\npaths: {}\n',
      /empty\.yaml: the description has no paths/,
    ],
  ])('%s', (_n, name, text, message) => {
    const f = file(name, text);
    let error: unknown;
    try {
      importApiDescriptionFile(f);
    } catch (e) {
      error = e;
    }
    expect(isPcdkError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  test('a missing file', () => {
    expect(() => importApiDescriptionFile(path.join(dir, 'nope.yaml'))).toThrow(
      /nope\.yaml: cannot read the API description \(ENOENT\)/,
    );
  });

  test('more than 256 operations asks for narrowing, with the tags and their counts', () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 257; i++)
      paths[`/r${i}`] = { get: { tags: [i % 2 ? 'odd' : 'even'], responses: { 200: { description: 'OK' } } } };
    expect(() =>
      importApiDescription({
        file: 'big.json',
        version: '3.1',
        doc: { openapi: '3.1.0', info: { title: 'Big' }, paths },
      }),
    ).toThrow(
      'big.json: 257 operations; a connector may have at most 256: narrow the import with --tags or --operations (tags: even (129), odd (128))',
    );
  });
});

describe('whole descriptions, in memory', () => {
  const doc = (extra: Record<string, unknown>) => ({
    openapi: '3.1.0',
    info: { title: 'Tree API', version: '2.0', description: 'Trees of nodes, for testing the import.' },
    servers: [{ url: 'https://{env}.tree.test/v1', variables: { env: { default: 'prod' } } }],
    ...extra,
  });

  test('a recursive shared schema is cut in schemas.ts, with a warning', () => {
    const r = importApiDescription({
      file: 'tree.json',
      version: '3.1',
      doc: doc({
        paths: {
          '/nodes/{id}': {
            get: {
              operationId: 'getNode',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: {
                200: {
                  description: 'OK',
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } },
                },
              },
            },
          },
        },
        components: {
          schemas: {
            Node: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
              },
            },
          },
        },
      }),
    });
    expect(r.files.get('schemas.ts')).toContain(
      "export const node = t.partial({ name: t.string({ title: 'Name' }), children: t.array(t.record(), { title: 'Children' }) });",
    );
    const codes = r.diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(codes).toContain(
      'api-import-recursive-schema: schema Node refers to itself; the nested occurrence is typed as a free-form object',
    );
    expect(codes).toContain(
      'api-import-server-variable: server URL https://{env}.tree.test/v1 has variables; resolved to their defaults: https://prod.tree.test/v1',
    );
    expect(r.files.get('connector.ts')).toContain("host: 'prod.tree.test'");
    // The title loses the restricted word "API", with a warning.
    expect(r.files.get('connector.ts')).toContain("title: 'Tree'");
    expect(codes).toContain('api-import-renamed: the title "Tree API" became "Tree" to meet the certification rules');
    expect(r.files.get('operations/nodes.ts')).toContain(
      "params: { id: path(t.string({ title: 'ID', description: 'The id.' })) }",
    );
  });

  test('a list body is taken whole as the input `body`; a query parameter of that name gives way, with a warning', () => {
    const r = importApiDescription({
      file: 'tree.json',
      version: '3.1',
      doc: doc({
        paths: {
          '/nodes': {
            post: {
              operationId: 'addNodes',
              parameters: [{ name: 'body', in: 'query', schema: { type: 'string' } }],
              requestBody: {
                required: true,
                content: {
                  'application/json': {
                    schema: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
                  },
                },
              },
              responses: { 204: { description: 'Done' } },
            },
          },
        },
      }),
    });
    expect(r.files.get('operations/nodes.ts')).toContain(
      "body: t.array(t.partial({ name: t.string({ title: 'Name' }) }))",
    );
    expect(r.files.get('operations/nodes.ts')).not.toContain('query(');
    expect(r.diagnostics.map((d) => `${d.code} ${d.pointer ?? ''}: ${d.message}`)).toContain(
      'api-import-skipped /paths/~1nodes/post/requestBody: the query parameter body was not imported: the whole request body is the input of that name',
    );
  });

  test('form bodies, cookies and object query parameters are left out with a warning naming the operation and pointer', () => {
    const r = importApiDescription({
      file: 'tree.json',
      version: '3.1',
      doc: doc({
        paths: {
          '/upload': {
            post: {
              operationId: 'upload',
              parameters: [
                { name: 'session', in: 'cookie', schema: { type: 'string' } },
                { name: 'filter', in: 'query', schema: { type: 'object', properties: { a: { type: 'string' } } } },
              ],
              requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } },
              responses: { 204: { description: 'Done' } },
            },
          },
        },
      }),
    });
    const lines = r.diagnostics.map((d) => `${d.code} ${d.operation ?? ''} ${d.pointer ?? ''}: ${d.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'api-import-skipped Upload /paths/~1upload/post/parameters/0: the cookie parameter session was not imported: Power Platform has no cookie parameters',
        'api-import-skipped Upload /paths/~1upload/post/parameters/1: the query parameter filter was not imported: Power Platform parameters are primitives or arrays of primitives',
        'api-import-skipped Upload /paths/~1upload/post/requestBody: the multipart/form-data request body was not imported: the descriptor model has no formData parameters',
      ]),
    );
    expect(r.files.get('operations/upload.ts')).toContain("responses: { 204: response('Done') }");
  });

  test('a path placeholder named connectionId (reserved) is renamed in the template and its parameter; a query one is left out', () => {
    const r = importApiDescription({
      file: 'reserved.json',
      version: '3.0',
      doc: doc({
        paths: {
          '/@connections/{connectionId}': {
            get: {
              operationId: 'getConnection',
              parameters: [
                { name: 'connectionId', in: 'path', required: true, schema: { type: 'string' } },
                { name: 'connection_id', in: 'query', schema: { type: 'string' } },
              ],
              responses: { 204: { description: 'Done' } },
            },
          },
          '/sessions': {
            get: {
              operationId: 'listSessions',
              parameters: [{ name: 'connectionId', in: 'query', schema: { type: 'string' } }],
              responses: { 204: { description: 'Done' } },
            },
          },
        },
      }),
    });
    const lines = r.diagnostics.map((d) => `${d.code} ${d.operation ?? ''}: ${d.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'api-import-renamed GetConnection: the path parameter "connectionId" became "connection_id2" to meet the certification rules',
        'api-import-skipped ListSessions: the parameter connectionId was not imported: the name is reserved by Power Platform',
      ]),
    );
    const written = [...r.files.values()].map(String).join('\n');
    // The same URL: only the placeholder's name changed, beside the query parameter already named connection_id.
    expect(written).toContain("path: '/@connections/{connection_id2}'");
    expect(written).toMatch(/connection_id2: path\(t\.string\(/);
    expect(written).toMatch(/connection_id: query\(/);
    expect(written).not.toMatch(/connectionId: (path|query)\(/);
  });

  test('paths equal but for letter case: placeholders follow the first path; literal text is left out', () => {
    const done = { 204: { description: 'Done' } };
    const r = importApiDescription({
      file: 'cards.json',
      version: '3.0',
      doc: doc({
        info: { title: 'Cards', version: '1', contact: { name: 'cards@example.com' } },
        paths: {
          '/cards/{cardId}': { get: { operationId: 'getCard', responses: done } },
          '/cards/{cardID}': {
            put: {
              operationId: 'putCard',
              parameters: [{ name: 'cardID', in: 'path', required: true, schema: { type: 'string' } }],
              responses: done,
            },
          },
          '/Cards/{cardId}': { delete: { operationId: 'deleteCard', responses: done } },
        },
      }),
    });
    const lines = r.diagnostics.map((d) => `${d.code} ${d.operation ?? ''}: ${d.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'api-import-renamed PutCard: the path parameter "cardID" became "cardId" to meet the certification rules',
        'api-import-skipped : operation deleteCard was not imported: its path differs from /cards/{cardId} only in letter case, which Power Platform takes for the same path',
      ]),
    );
    const written = [...r.files.values()].map(String).join('\n');
    expect(written.match(/path: '\/cards\/\{cardId\}'/g)).toHaveLength(2);
    expect(written).toMatch(/cardId: path\(t\.string\(/);
    expect(written).not.toContain('cardID');
    expect(written).not.toContain('DeleteCard');
    // A contact "name" that is an address is no stack owner: the title stands in.
    expect(written).toContain("stackOwner: 'Cards'");
  });

  test('a JSON schema on 202 beside a 200 that is not JSON is left out (the output is the 200 one), with a warning', () => {
    const r = importApiDescription({
      file: 'download.json',
      version: '3.0',
      doc: doc({
        paths: {
          '/documents/{id}/download': {
            get: {
              operationId: 'downloadDocument',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: {
                200: {
                  description: 'The PDF',
                  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
                },
                202: {
                  description: 'Not ready',
                  content: {
                    'application/json': { schema: { type: 'object', properties: { retry: { type: 'integer' } } } },
                  },
                },
              },
            },
          },
        },
      }),
    });
    const lines = r.diagnostics.map((d) => `${d.code} ${d.operation ?? ''}: ${d.message}`);
    expect(lines).toContainEqual(
      "api-import-lossy DownloadDocument: information lost: the 202 response's schema is left out: beside a 200 or 201 response, the output is that one's",
    );
    const written = [...r.files.values()].map(String).join('\n');
    expect(written).toContain("responses: { 200: response('The PDF'), 202: response('Not ready') }");
  });

  test('when no operation can be imported, the error says why, by reason', () => {
    const done = { 200: { description: 'Done' } };
    let message = '';
    try {
      importApiDescription({
        file: 'rpc.json',
        version: '3.0',
        doc: doc({
          paths: {
            '/#X-Amz-Target=Budgets.CreateBudget': { post: { operationId: 'CreateBudget', responses: done } },
            '/#X-Amz-Target=Budgets.DeleteBudget': { post: { operationId: 'DeleteBudget', responses: done } },
            '/a/{x}/b/{x}': { get: { operationId: 'getB', responses: done } },
          },
        }),
      });
    } catch (e) {
      expect(isPcdkError(e)).toBe(true);
      message = (e as Error).message;
    }
    expect(message).toBe(
      'rpc.json: no operation could be imported (2 because its path is not a URL template (it holds "?", "#" or "*", or an empty or unclosed {}); 1 because its path names {x} twice, which Swagger 2.0 does not allow)',
    );
  });

  test('an operation whose path names a parameter twice is left out with a warning; the others stay', () => {
    const r = importApiDescription({
      file: 'twice.json',
      version: '3.0',
      doc: doc({
        paths: {
          '/things/{id}/links/{id}': {
            get: { operationId: 'getLink', responses: { 204: { description: 'Done' } } },
          },
          '/things/{id}': {
            get: {
              operationId: 'getThing',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: { 204: { description: 'Done' } },
            },
          },
        },
      }),
    });
    const lines = r.diagnostics.map((d) => `${d.code} ${d.pointer ?? ''}: ${d.message}`);
    expect(lines).toContainEqual(
      'api-import-skipped /paths/~1things~1{id}~1links~1{id}/get: operation getLink was not imported: its path names {id} twice, which Swagger 2.0 does not allow',
    );
    const written = [...r.files.values()].map(String).join('\n');
    expect(written).toContain("id: 'GetThing'");
    expect(written).not.toContain('GetLink');
  });
});
