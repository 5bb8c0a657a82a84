import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkApiProperties, checkSwagger, policyTemplateId } from '../../src/import/check';
import { parseLenientJson, readConnectorFolder } from '../../src/import/read-source';
import { sampleApiProperties, sampleSwagger, tempDir } from './sample-source';

type Mutate = (s: Record<string, any>) => void;

describe('checkSwagger: what the model cannot express is an error naming the pointer', () => {
  test('the feature sample has no errors', () => {
    expect(
      checkSwagger(sampleSwagger(), 'zoo', 'apiDefinition.swagger.json').filter((d) => d.severity === 'error'),
    ).toEqual([]);
  });

  test.each<[string, Mutate, string, string]>([
    ['an OpenAPI 3 key at the root', (s) => (s.components = {}), 'import-unsupported', '/components'],
    [
      'a typo of a known operation key',
      (s) => (s.paths['/animals'].get.sumary = 'x'),
      'import-unsupported',
      '/paths/~1animals/get/sumary',
    ],
    [
      'nullable on a schema',
      (s) => (s.definitions.Animal.properties.name.nullable = true),
      'import-unsupported',
      '/definitions/Animal/properties/name/nullable',
    ],
    [
      'a $ref on a path item',
      (s) => (s.paths['/x'] = { $ref: '#/paths/~1animals' }),
      'import-unsupported',
      '/paths/~1x/$ref',
    ],
    [
      'a key beside a $ref parameter',
      (s) => (s.paths['/animals'].get.parameters[0].description = 'x'),
      'import-unsupported',
      '/paths/~1animals/get/parameters/0/description',
    ],
    [
      'a tuple items',
      (s) => (s.definitions.Animal.properties.extra = { type: 'array', items: [{ type: 'string' }] }),
      'import-unsupported',
      '/definitions/Animal/properties/extra/items',
    ],
    [
      'a schema on a query parameter',
      (s) => (s.paths['/animals'].get.parameters[1].schema = { type: 'string' }),
      'import-unsupported',
      '/paths/~1animals/get/parameters/1/schema',
    ],
    ['Swagger 3', (s) => (s.swagger = '3.0'), 'import-value-invalid', '/swagger'],
    [
      'a missing operationId',
      (s) => delete s.paths['/animals'].get.operationId,
      'import-value-invalid',
      '/paths/~1animals/get/operationId',
    ],
    [
      'an unknown trigger kind',
      (s) => (s.paths['/hooks'].post['x-ms-trigger'] = 'many'),
      'import-value-invalid',
      '/paths/~1hooks/post/x-ms-trigger',
    ],
    [
      'an unknown schema type',
      (s) => (s.definitions.Animal.type = 'null'),
      'import-value-invalid',
      '/definitions/Animal/type',
    ],
    [
      'an unknown security type',
      (s) => (s.securityDefinitions.x = { type: 'openIdConnect' }),
      'import-value-invalid',
      '/securityDefinitions/x/type',
    ],
    [
      'responses missing',
      (s) => delete s.paths['/births'].get.responses,
      'import-value-invalid',
      '/paths/~1births/get/responses',
    ],
  ])('%s', (_name, mutate, code, pointer) => {
    const s = sampleSwagger() as Record<string, any>;
    mutate(s);
    const errors = checkSwagger(s, 'zoo', 'apiDefinition.swagger.json').filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.pointer, d.file])).toContainEqual([
      code,
      pointer,
      'apiDefinition.swagger.json',
    ]);
    expect(errors.every((d) => d.message.length > 0 && d.hint.length > 0)).toBe(true);
  });

  test('vendor keys are counted in one warning', () => {
    const ds = checkSwagger(sampleSwagger(), 'zoo', 'apiDefinition.swagger.json');
    expect(ds.filter((d) => d.code === 'import-vendor-extensions')).toHaveLength(1);
  });
});

describe('checkApiProperties', () => {
  // Kept verbatim (the import goes on), each with a warning that says where.
  test.each<[string, Mutate, string, string]>([
    [
      'an unknown policy template',
      (p) => (p.properties.policyTemplateInstances[0].templateId = 'runscript'),
      'import-policy-kept',
      '/properties/policyTemplateInstances/0/templateId',
    ],
    [
      'an unknown template parameter',
      (p) => (p.properties.policyTemplateInstances[0].parameters['x-ms-apimTemplateParameter.nmae'] = 'x'),
      'import-policy-kept',
      '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.nmae',
    ],
    ['a root key beside properties', (p) => (p.other = 1), 'import-properties-root-kept', '/other'],
  ])('%s', (_name, mutate, code, pointer) => {
    const p = sampleApiProperties() as Record<string, any>;
    mutate(p);
    const ds = checkApiProperties(p, 'zoo', 'apiProperties.json');
    expect(ds.map((d) => [d.code, d.severity, d.pointer])).toContainEqual([code, 'warning', pointer]);
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('a URL or a hint beside properties is not taken for a credential', () => {
    const p = sampleApiProperties() as Record<string, any>;
    p.oauth = { tokenUrl: 'https://login.zoo.example.com/token', secretHint: 'set it in the portal' };
    const ds = checkApiProperties(p, 'zoo', 'apiProperties.json');
    expect(ds.map((d) => [d.code, d.pointer])).toEqual([['import-properties-root-kept', '/oauth']]);
  });

  test('a policy template id that is not a string is an error', () => {
    const p = sampleApiProperties() as Record<string, any>;
    p.properties.policyTemplateInstances[0].templateId = 7;
    expect(checkApiProperties(p, 'zoo', 'apiProperties.json').map((d) => [d.code, d.pointer])).toContainEqual([
      'import-value-invalid',
      '/properties/policyTemplateInstances/0/templateId',
    ]);
  });

  test.each<[string, Mutate, string]>([
    [
      'a securestring default',
      (p) => (p.properties.connectionParameterSets.values[0].parameters.api_key.defaultValue = 'k3y'),
      '/properties/connectionParameterSets/values/0/parameters/api_key/defaultValue',
    ],
    [
      'a client secret beside properties, at the root',
      (p) => (p.oAuthSettings = { clientId: 'abc', clientSecret: 'k3y' }),
      '/oAuthSettings/clientSecret',
    ],
    [
      'a password nested under a root key',
      (p) => (p.deploy = [{ login: { Password: 'k3y' } }]),
      '/deploy/0/login/Password',
    ],
  ])('a secret is refused and never echoed: %s', (_name, mutate, pointer) => {
    const p = sampleApiProperties() as Record<string, any>;
    mutate(p);
    const ds = checkApiProperties(p, 'zoo', 'apiProperties.json');
    expect(ds.map((d) => [d.code, d.severity, d.pointer])).toContainEqual(['import-secret-present', 'error', pointer]);
    expect(JSON.stringify(ds)).not.toMatch(/s3cr3t|k3y/);
  });

  test.each([
    ['setheader', 'setheader'],
    ['SetHeader', 'setheader'],
    ['setHeader', 'setheader'],
    ['RouteRequestToEndpoint', 'routerequesttoendpoint'],
    ['SETHEADER', undefined],
    ['nope', undefined],
  ])('policy spelling %s -> %s', (spelling, id) => {
    expect(policyTemplateId(spelling)).toBe(id);
  });
});

describe('reading a connector folder', () => {
  const where = { connector: 'c', file: 'apiDefinition.swagger.json' };
  test.each([
    ['strict JSON', '{"a": 1}', { a: 1 }, []],
    ['a BOM', '\ufeff{"a": 1}', { a: 1 }, ['import-json-lenient:the file starts with a UTF-8 byte-order mark']],
    ['trailing commas', '{"a": [1,],}', { a: [1] }, ['import-json-lenient:trailing commas']],
    [
      'both',
      '\ufeff{"a": 1,}',
      { a: 1 },
      ['import-json-lenient:the file starts with a UTF-8 byte-order mark and trailing commas'],
    ],
    [
      'a missing comma',
      '{\n "a": 1\n "b": 2}',
      undefined,
      ['import-json-invalid:not JSON, even read leniently: CommaExpected at line 3, column 2'],
    ],
    [
      'comments',
      '{"a": 1 /* no */}',
      undefined,
      ['import-json-invalid:not JSON, even read leniently: InvalidCommentToken at line 1, column 9'],
    ],
    ['empty', '', undefined, ['import-json-invalid:not JSON, even read leniently: ValueExpected at line 1, column 1']],
  ])('%s', (_name, text, value, expected) => {
    const r = parseLenientJson(text, where);
    expect(r.value).toEqual(value);
    expect(r.diagnostics.map((d) => `${d.code}:${d.message.replace(/^read leniently: /, '')}`)).toEqual(expected);
  });

  test('missing files are diagnostics, not exceptions; script and icon are optional', () => {
    const dir = tempDir('read');
    try {
      // A missing apiProperties.json is noted, not reported: import derives one from a readable swagger.
      const empty = readConnectorFolder(dir, 'c');
      expect(empty.diagnostics.map((d) => [d.code, d.file])).toEqual([
        ['import-file-missing', 'apiDefinition.swagger.json'],
      ]);
      expect(empty.apiPropertiesMissing).toBe(true);
      fs.writeFileSync(path.join(dir, 'apiDefinition.swagger.json'), '{}');
      fs.writeFileSync(path.join(dir, 'apiProperties.json'), '{}');
      const r = readConnectorFolder(dir, 'c');
      expect(r.diagnostics).toEqual([]);
      expect(r.script).toBeUndefined();
      expect(r.icon).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
