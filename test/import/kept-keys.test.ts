/**
 * Issue 11, item 3: keys that made pcdk import refuse real connectors are modelled or kept
 * verbatim, so the rebuilt files equal the source. One small inline source per key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_IMPORT } from '../../src/cli/commands/import';
import { roundTrip } from '../../src/import/round-trip';
import { buildConnector } from '../../src/synth/build-connector';
import { tempDir, typeCheck, writeSource } from './sample-source';

const work = tempDir('kept');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function swagger(pathItem: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Hooks', version: '1.0' },
    host: 'api.hooks.example.com',
    basePath: '/',
    schemes: ['https'],
    paths: {
      '/hooks': {
        ...pathItem,
        post: {
          operationId: 'OnEvent',
          summary: 'When an event happens',
          'x-ms-trigger': 'single',
          responses: { '201': { description: 'Created' } },
        },
      },
    },
  };
}
const properties = (extra: Record<string, unknown> = {}) => ({
  properties: { iconBrandColor: '#007ee5', publisher: 'Hooks', ...extra },
});
const setheader = (parameters: Record<string, unknown>, templateId = 'setheader') => ({
  properties: {
    iconBrandColor: '#007ee5',
    publisher: 'Hooks',
    policyTemplateInstances: [{ templateId, title: 'Set a header', parameters }],
  },
});
const notification = (extra: Record<string, unknown>) => ({
  'x-ms-notification-content': { description: 'The event.', schema: { type: 'object' }, ...extra },
});

// [name, swagger, apiProperties, the warning that names what was kept (code, pointer and a word of it)]
type Kept = [code: string, pointer: string, names: string, file?: string];
/** The warnings that say something was kept verbatim. */
const KEPT = new Set([
  'import-properties-kept',
  'import-properties-root-kept',
  'import-policy-kept',
  'import-type-list',
]);
const rows: [string, unknown, unknown, Kept[]][] = [
  ['a script key in apiProperties', swagger(), properties({ script: { file: 'script.csx' } }), []],
  ['a lower-case stackowner', swagger(), properties({ stackowner: 'Hooks Inc' }), []],
  ['stackowner beside stackOwner', swagger(), properties({ stackOwner: 'Hooks Inc', stackowner: 'Hooks Inc' }), []],
  [
    'another apiProperties key the model lacks',
    swagger(),
    properties({ throttling: { calls: 10 }, environment: 'prod' }),
    [['import-properties-kept', '/properties/throttling', 'throttling, environment']],
  ],
  // AIForged (certified): publisher, stackOwner and the colour at the root, beside properties.
  [
    'keys at the root beside properties',
    swagger(),
    { publisher: 'Hooks Ltd', iconBrandColor: '#0E76BC', capabilities: ['actions'], ...properties() },
    [['import-properties-root-kept', '/publisher', 'publisher, iconBrandColor, capabilities']],
  ],
  // AllRatesToday (independent publisher): setheader with parameters the template does not read.
  [
    'a policy template parameter the template does not read',
    swagger(),
    setheader({
      'x-ms-apimTemplate-operationName': ['OnEvent'],
      'x-ms-apimTemplateParameter.headerName': 'Authorization',
      'x-ms-apimTemplateParameter.headerValue': "Bearer @connectionParameters('api_key')",
    }),
    [
      [
        'import-policy-kept',
        '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.headerName',
        'headerName',
      ],
      [
        'import-policy-kept',
        '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.headerValue',
        'headerValue',
      ],
    ],
  ],
  [
    'a policy template the platform does not have',
    swagger(),
    setheader({ 'x-ms-apimTemplateParameter.name': 'X-Trace' }, 'runscript'),
    [['import-policy-kept', '/properties/policyTemplateInstances/0/templateId', 'runscript']],
  ],
  // Bundestag (independent publisher): `title` on query parameters, which Swagger 2.0 lacks.
  [
    'a title on a query parameter',
    {
      ...swagger(),
      paths: {
        '/hooks': {
          get: {
            operationId: 'ListHooks',
            summary: 'List hooks',
            parameters: [{ name: 'f.id', in: 'query', type: 'string', title: 'ID' }],
            responses: { '200': { description: 'OK' } },
          },
        },
      },
    },
    properties(),
    [],
  ],
  // Alkymi (certified): JSON Schema's list of types, in a definition and on a form field.
  [
    'a list of types',
    {
      ...swagger(),
      definitions: {
        Doc: { type: 'object', properties: { tags: { type: ['array', 'null'], items: { type: 'string' } } } },
      },
      paths: {
        '/docs': {
          post: {
            operationId: 'AddDoc',
            summary: 'Add a document',
            consumes: ['multipart/form-data'],
            parameters: [{ name: 'tags', in: 'formData', type: ['array', 'null'], items: { type: 'string' } }],
            responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Doc' } } },
          },
        },
      },
    },
    properties(),
    [['import-type-list', '/definitions/Doc/properties/tags/type', '["array","null"]', 'apiDefinition.swagger.json']],
  ],
  // Booking Room Pro (independent publisher): no iconBrandColor at all.
  ['no iconBrandColor', swagger(), { properties: { publisher: 'Hooks' } }, []],
  [
    'headers in x-ms-notification-content',
    swagger(notification({ headers: { 'X-Signature': { type: 'string', description: 'HMAC of the body.' } } })),
    properties(),
    [],
  ],
  [
    'parameters in x-ms-notification-content',
    swagger(notification({ parameters: [{ name: 'id', in: 'query', type: 'string' }] })),
    properties(),
    [],
  ],
  ['title in x-ms-notification-content', swagger(notification({ title: 'Event' })), properties(), []],
  ['summary in x-ms-notification-content', swagger(notification({ summary: 'Event payload' })), properties(), []],
];

describe('keys the model lacks are kept: the round trip stays equal', () => {
  test.each(rows)('%s', async (name, s, p, warnings) => {
    const dir = writeSource(path.join(work, 'src', name.replace(/[^a-z]+/gi, '-')), s, p);
    const out = path.join(work, 'out');
    const r = await roundTrip(dir, { workDir: out, modelImport: MODEL_IMPORT });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.differences).toEqual([]);
    expect([r.swaggerEqual, r.apiPropertiesEqual]).toEqual([true, true]);
    const kept = r.diagnostics.filter((d) => KEPT.has(d.code));
    // Each warning names what was kept and where.
    expect(kept.map((d) => [d.code, d.pointer, d.file, d.severity])).toEqual(
      warnings.map(([code, pointer, , file = 'apiProperties.json']) => [code, pointer, file, 'warning']),
    );
    for (const [i, [, , names]] of warnings.entries()) expect(kept[i]!.message).toContain(names);
    // It builds green as imported: a fault the source has (no colour) is in its knownFindings.
    const built = await buildConnector(r.connector!, { outDir: out, dryRun: true, env: {} });
    expect(built.diagnostics.filter((d) => d.severity === 'error' || d.code.startsWith('known-finding-'))).toEqual([]);
    // What the import writes is valid, strictly typed descriptor source.
    expect(typeCheck(path.join(out, r.id))).toEqual([]);
  });

  test('a notification-content header that is not a header object is still an error naming its pointer', async () => {
    const dir = writeSource(
      path.join(work, 'src', 'bad-header'),
      swagger(notification({ headers: { 'X-Signature': { type: 'string', shema: {} } } })),
      properties(),
    );
    const r = await roundTrip(dir, { workDir: path.join(work, 'out'), modelImport: MODEL_IMPORT });
    expect(r.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual([
      'import-unsupported',
      '/paths/~1hooks/x-ms-notification-content/headers/X-Signature/shema',
    ]);
  });
});

/** A source with one operation at `path`, for the typed-form rows below. */
const oneOperation = (path: string, method: string, op: Record<string, unknown>) => ({
  ...swagger(),
  paths: { [path]: { [method]: op } },
});

// [name, source, the operations file, what it must say]: each stays fully typed and equal.
const typedRows: [string, unknown, string, (string | RegExp)[]][] = [
  [
    // AIForged (certified) and other NSwag output: x-nullable on every parameter and response.
    'x-nullable on parameters and responses, kept as declared keys',
    oneOperation('/classes', 'get', {
      operationId: 'Classes_Get',
      summary: 'Get a class',
      parameters: [
        { type: 'integer', name: 'Id', in: 'query', format: 'int32', 'x-nullable': false },
        { type: 'string', name: 'X-Api-Version', in: 'header', required: true, 'x-nullable': true },
      ],
      responses: { '200': { 'x-nullable': false, description: 'The class', schema: { type: 'string' } } },
    }),
    'classes.ts',
    [
      "responses: { 200: response('The class', t.string()) }",
      /parameterKeys: \{ Id: \{ 'x-nullable': false \} \}/,
      /responses: \{ 200: \{ 'x-nullable': false \} \}/,
    ],
  ],
  [
    // AIForged, Almanac and others: a file and text fields under the operation's own consumes.
    'a form upload: formData() fields, t.file() and a typed consumes',
    oneOperation('/upload', 'post', {
      operationId: 'Upload',
      summary: 'Upload a file',
      consumes: ['multipart/form-data'],
      parameters: [
        { name: 'file', in: 'formData', type: 'file', required: true, 'x-ms-summary': 'File' },
        { name: 'note', in: 'formData', type: 'string' },
      ],
      responses: { '200': { description: 'OK' } },
    }),
    'upload.ts',
    [
      "consumes: ['multipart/form-data'],",
      "params: { file: formData(t.file({ title: 'File' }), { required: true }), note: formData(t.string()) },",
    ],
  ],
];

describe('what real connectors use stays typed: equal, strictly typed', () => {
  test.each(typedRows)('%s', async (name, source, file, says) => {
    const dir = writeSource(path.join(work, 'src', name.replace(/[^a-z]+/gi, '-')), source, properties());
    const out = path.join(work, 'out');
    const r = await roundTrip(dir, { workDir: out, modelImport: MODEL_IMPORT });
    expect(r.differences).toEqual([]);
    expect([r.swaggerEqual, r.apiPropertiesEqual]).toEqual([true, true]);
    expect(r.imported.typed).toMatchObject({ operations: 1, typedOperations: 1, parameters: 2, typedParameters: 2 });
    const text = fs.readFileSync(path.join(out, r.id, 'operations', file), 'utf8');
    for (const part of says) {
      if (typeof part === 'string') expect(text).toContain(part);
      else expect(text).toMatch(part);
    }
    expect(typeCheck(path.join(out, r.id))).toEqual([]);
  });
});
