/** openapi.json: the same API as OpenAPI 3.0, built with openapi3-ts and validated by swagger-parser. */
import SwaggerParser from '@apidevtools/swagger-parser';
import convertkit from '../../definitions/convertkit/connector';
import { emitSwagger } from '../../src/emit/swagger';
import { convertSchema, emitOpenApi3, securitySchemeNames } from '../../src/emit/openapi3';
import { validateOpenApi3 } from '../../src/pack/openapi3-check';
import { sample, variant } from '../helpers/sample-connector';

type Json = Record<string, any>;
const where = { connector: 'convertkit', file: 'openapi.json' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const operations = (paths: Json) =>
  Object.entries(paths).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((m) => [p, m, item[m]] as [string, string, Json]),
  );

describe.each([
  ['convertkit', convertkit],
  ['widgets', sample],
])('%s', (_name, c) => {
  const swagger = emitSwagger(c) as Json;
  const doc = emitOpenApi3(swagger) as Json;

  test('is a valid OpenAPI 3.0.3 document', async () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(await validateOpenApi3(doc, where)).toEqual([]);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  test('has the same operations, ids, summaries and parameters', () => {
    const a = operations(swagger.paths);
    const b = operations(doc.paths);
    expect(b.map(([p, m, o]) => [p, m, o.operationId, o.summary])).toEqual(
      a.map(([p, m, o]) => [p, m, o.operationId, o.summary]),
    );
    for (const [i, [, , op]] of a.entries()) {
      const out = b[i]![2];
      const plain = (op.parameters as Json[]).filter((p) => p.in !== 'body');
      expect((out.parameters ?? []).map((p: Json) => [p.name, p.in, p.required, p.schema.type])).toEqual(
        plain.map((p) => [p.name, p.in, p.required, p.type]),
      );
      const body = (op.parameters as Json[]).find((p) => p.in === 'body');
      if (body) expect(out.requestBody.content['application/json'].schema).toEqual(convertSchema(body.schema));
      else expect(out.requestBody).toBeUndefined();
      expect(Object.keys(out.responses)).toEqual(Object.keys(op.responses));
    }
  });

  test('servers, security and connector metadata carry over', () => {
    expect(doc.servers).toEqual([{ url: `https://${c.host}${c.basePath.replace(/\/+$/, '')}` }]);
    // The swagger's "API Key" is not an OpenAPI 3 component name; only the OpenAPI 3 side is renamed.
    const [name, def] = Object.entries(swagger.securityDefinitions as Json)[0]!;
    expect(name).toBe('API Key');
    expect(doc.security).toEqual([{ API_Key: [] }]);
    expect(swagger.security).toEqual([{ 'API Key': [] }]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['API_Key']);
    expect(doc.components.securitySchemes.API_Key).toEqual({ type: 'apiKey', in: def.in, name: def.name });
    expect(doc['x-ms-connector-metadata']).toEqual(swagger['x-ms-connector-metadata']);
  });
});

test.each([
  [
    { type: 'string', 'x-nullable': true },
    { type: 'string', nullable: true },
  ],
  [{ $ref: '#/definitions/Tag' }, { $ref: '#/components/schemas/Tag' }],
  [
    { type: 'object', properties: { a: { type: 'integer', format: 'int32', 'x-ms-summary': 'A' } } },
    { type: 'object', properties: { a: { type: 'integer', format: 'int32', 'x-ms-summary': 'A' } } },
  ],
])('convertSchema(%j)', (from, to) => {
  expect(convertSchema(from)).toEqual(to);
});

test('definitions move to components.schemas and basic auth becomes http basic', async () => {
  const swagger: Json = {
    swagger: '2.0',
    info: { title: 'T', version: '1' },
    host: 'api.example.com',
    basePath: '/',
    schemes: ['https'],
    securityDefinitions: { basic: { type: 'basic' } },
    security: [{ basic: [] }],
    definitions: { Tag: { type: 'object', properties: { id: { type: 'integer', format: 'int64' } } } },
    paths: {
      '/tags': {
        get: {
          operationId: 'TagList',
          responses: { 200: { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Tag' } } } },
        },
      },
    },
  };
  const doc = emitOpenApi3(swagger) as Json;
  expect(doc.components.schemas.Tag).toEqual(swagger.definitions.Tag);
  expect(doc.components.securitySchemes.basic).toEqual({ type: 'http', scheme: 'basic' });
  expect(doc.paths['/tags'].get.responses['200'].content['application/json'].schema.items).toEqual({
    $ref: '#/components/schemas/Tag',
  });
  expect(doc.servers).toEqual([{ url: 'https://api.example.com' }]);
  expect(await validateOpenApi3(doc, where)).toEqual([]);
});

test('an invalid document is reported as openapi3-invalid', async () => {
  const doc = emitOpenApi3(emitSwagger(sample) as Json) as Json;
  doc.paths['/widgets'].get.responses = 'none';
  const ds = await validateOpenApi3(doc, where);
  expect(ds.map((d) => d.code)).toEqual(['openapi3-invalid']);
});

test.each<[string, string[], string[]]>([
  ['valid names are kept', ['api_key', 'oauth2-auth', 'v1.key'], ['api_key', 'oauth2-auth', 'v1.key']],
  ['a space becomes an underscore', ['API Key'], ['API_Key']],
  ['every disallowed character is replaced', ['Clé (v2)/x'], ['Cl___v2__x']],
  ['a clash with a valid name gets a suffix, whatever the order', ['API Key', 'API_Key'], ['API_Key_2', 'API_Key']],
  [
    'two names that sanitise alike stay apart',
    ['API Key', 'API/Key', 'API:Key'],
    ['API_Key', 'API_Key_2', 'API_Key_3'],
  ],
  ['an empty name gets one', [''], ['scheme']],
])('securitySchemeNames: %s', (_case, keys, expected) => {
  const names = securitySchemeNames(keys);
  expect(keys.map((k) => names.get(k))).toEqual(expected);
  for (const n of names.values()) expect(n).toMatch(/^[a-zA-Z0-9.\-_]+$/);
  expect(new Set(names.values()).size).toBe(keys.length);
  expect(securitySchemeNames(keys)).toEqual(names);
});

test('operation security requirements use the OpenAPI 3 scheme names too', () => {
  const swagger: Json = {
    swagger: '2.0',
    info: { title: 'T', version: '1' },
    host: 'api.example.com',
    securityDefinitions: { 'API Key': { type: 'apiKey', in: 'header', name: 'X-Key' }, basic: { type: 'basic' } },
    security: [{ 'API Key': [] }],
    paths: {
      '/a': {
        get: {
          operationId: 'A',
          security: [{ basic: [] }, { 'API Key': [] }],
          responses: { 200: { description: 'OK' } },
        },
      },
    },
  };
  const doc = emitOpenApi3(swagger) as Json;
  expect(Object.keys(doc.components.securitySchemes)).toEqual(['API_Key', 'basic']);
  expect(doc.security).toEqual([{ API_Key: [] }]);
  expect(doc.paths['/a'].get.security).toEqual([{ basic: [] }, { API_Key: [] }]);
  // The input is read, never changed.
  expect(swagger.security).toEqual([{ 'API Key': [] }]);
});

test('a connector without credentials declares an empty security list', async () => {
  const open = emitOpenApi3(emitSwagger(variant({ auth: { type: 'none' } })) as Json) as Json;
  expect(open.security).toEqual([]);
  expect(open.components?.securitySchemes).toBeUndefined();
  expect(await validateOpenApi3(open, where)).toEqual([]);
});
