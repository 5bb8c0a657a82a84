/** openapi.json: the same API as OpenAPI 3.0, built with openapi3-ts and validated by swagger-parser. */
import SwaggerParser from '@apidevtools/swagger-parser';
import convertkit from '../../definitions/convertkit/connector';
import { emitSwagger } from '../../src/emit/swagger';
import { convertSchema, emitOpenApi3 } from '../../src/emit/openapi3';
import { validateOpenApi3 } from '../../src/pack/openapi3-check';
import { sample } from '../helpers/sample-connector';

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
    expect(doc.security).toEqual(swagger.security);
    const [name, def] = Object.entries(swagger.securityDefinitions as Json)[0]!;
    expect(doc.components.securitySchemes[name]).toEqual({ type: 'apiKey', in: def.in, name: def.name });
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
