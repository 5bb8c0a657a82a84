/**
 * A connector folder that uses every construct pcdk import models (issue 6, item 2), so the unit
 * round trip exercises each typed field without reading ../shared. Helpers write it to disk and
 * type-check generated descriptors.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

export function sampleSwagger(): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: {
      title: 'Feature Zoo',
      description: 'A connector that uses every construct the import models, for tests.',
      version: '1.2',
      contact: { name: 'Zoo Keeper', url: 'https://zoo.example.com', email: 'keeper@zoo.example.com' },
      'x-ms-api-annotation': { status: 'Preview' },
      'x-ms-deployment-version': '1.0.3',
      'x-ms-keywords': ['zoo'],
    },
    host: 'api.zoo.example.com',
    basePath: '/v2',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/': {},
      '/animals': {
        get: {
          summary: 'List animals',
          description: 'Lists the animals, a page at a time.',
          operationId: 'ListAnimals',
          tags: ['Animals'],
          'x-ms-pageable': { nextLinkName: '@odata.nextLink' },
          'x-ms-visibility': 'important',
          parameters: [
            { $ref: '#/parameters/Top' },
            {
              name: 'kind',
              in: 'query',
              type: 'string',
              'x-ms-summary': 'Kind',
              description: 'Animal kind.',
              enum: ['cat', 'dog'],
              'x-ms-enum-values': [{ value: 'cat', displayName: 'Cat' }],
            },
            {
              name: 'tags',
              in: 'query',
              type: 'array',
              items: { type: 'string' },
              collectionFormat: 'csv',
              'x-ms-summary': 'Tags',
              description: 'Tags.',
            },
          ],
          responses: {
            '200': {
              description: 'OK',
              schema: {
                type: 'object',
                properties: {
                  value: { type: 'array', items: { $ref: '#/definitions/Animal' } },
                  '@odata.nextLink': { type: 'string' },
                },
              },
            },
            default: { $ref: '#/responses/Error' },
          },
          'x-ms-openai-data': { openai_enabled: true },
        },
      },
      '/animals/{id}': {
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            type: 'string',
            'x-ms-summary': 'Animal',
            description: 'The animal.',
            'x-ms-url-encoding': 'single',
            'x-ms-dynamic-values': {
              operationId: 'ListAnimals',
              'value-collection': 'value',
              'value-path': 'id',
              'value-title': 'name',
            },
          },
        ],
        get: {
          operationId: 'GetAnimal',
          tags: ['Animals'],
          deprecated: true,
          'x-ms-api-annotation': {
            family: 'GetAnimal',
            revision: 1,
            status: 'Production',
            replacement: { api: 'zoo', operationId: 'GetAnimalV2' },
          },
          'x-ms-no-generic-test': true,
          parameters: [],
          responses: {
            '200': {
              description: 'OK',
              schema: { $ref: '#/definitions/Animal' },
              headers: { 'X-Rate': { type: 'integer', format: 'int32', description: 'Calls left.' } },
            },
          },
        },
        patch: {
          summary: 'Update animal',
          description: 'Updates an animal; the fields depend on its kind.',
          operationId: 'UpdateAnimal',
          tags: ['Animals'],
          parameters: [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: {
                type: 'object',
                'x-ms-dynamic-schema': {
                  operationId: 'GetAnimalSchema',
                  parameters: { kind: { parameter: 'kind' } },
                  'value-path': 'schema',
                },
                'x-ms-dynamic-properties': {
                  operationId: 'GetAnimalSchema',
                  parameters: { kind: { parameterReference: 'kind' } },
                  itemValuePath: 'schema',
                },
              },
            },
          ],
          responses: { '204': { description: 'No Content' } },
        },
      },
      '/animals/{id}/photo': {
        post: {
          summary: 'Upload photo',
          description: 'Uploads a photo of the animal.',
          operationId: 'UploadPhoto',
          tags: ['Photos'],
          consumes: ['multipart/form-data'],
          'x-ms-capabilities': { chunkTransfer: true },
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              type: 'string',
              'x-ms-summary': 'Animal',
              description: 'The animal.',
            },
            {
              name: 'file',
              in: 'formData',
              type: 'file',
              required: true,
              'x-ms-summary': 'Photo',
              description: 'The photo.',
            },
            {
              name: 'caption',
              in: 'formData',
              type: 'string',
              'x-ms-summary': 'Caption',
              description: 'A caption.',
              'x-ms-dynamic-list': {
                operationId: 'ListAnimals',
                itemsPath: 'value',
                itemValuePath: 'name',
                itemTitlePath: 'name',
              },
            },
          ],
          responses: {
            '201': { description: 'Created', schema: { type: 'string', format: 'binary', 'x-ms-media-kind': 'image' } },
          },
        },
      },
      '/hooks': {
        'x-ms-notification-content': { description: 'An animal event.', schema: { $ref: '#/definitions/Animal' } },
        post: {
          summary: 'When an animal changes',
          description: 'Triggers when an animal changes.',
          operationId: 'OnAnimalChanged',
          'x-ms-trigger': 'single',
          'x-ms-trigger-hint': 'Change an animal to fire it.',
          parameters: [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: {
                type: 'object',
                required: ['url'],
                properties: { url: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' } },
              },
            },
          ],
          responses: { '201': { description: 'Created' } },
        },
      },
      '/hooks/{hookId}': {
        delete: {
          summary: 'Remove hook',
          operationId: 'RemoveHook',
          'x-ms-visibility': 'internal',
          parameters: [
            {
              name: 'hookId',
              in: 'path',
              required: true,
              type: 'string',
              'x-ms-summary': 'Hook',
              description: 'The hook.',
            },
          ],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/births': {
        get: {
          summary: 'When an animal is born',
          description: 'Polls for births.',
          operationId: 'OnBirth',
          'x-ms-trigger': 'batch',
          'x-ms-trigger-metadata': { kind: 'query', mode: 'polling' },
          responses: {
            '200': { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Animal' } } },
          },
        },
      },
    },
    definitions: {
      Animal: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string', 'x-ms-summary': 'ID' },
          name: { type: 'string', title: 'Name', 'x-nullable': true, 'x-example': 'Rex' },
          weight: { type: 'number', format: 'double', minimum: 0, exclusiveMinimum: true },
          extra: { type: 'object', additionalProperties: { type: 'string' } },
          parent: { allOf: [{ $ref: '#/definitions/Animal' }] },
        },
      },
    },
    parameters: {
      Top: {
        name: '$top',
        in: 'query',
        type: 'integer',
        format: 'int32',
        default: 50,
        'x-ms-summary': 'Top',
        description: 'Page size.',
        'x-ms-visibility': 'advanced',
      },
    },
    responses: {
      Error: { description: 'Error', schema: { type: 'object', properties: { message: { type: 'string' } } } },
    },
    securityDefinitions: {
      oauth2_auth: {
        type: 'oauth2',
        flow: 'accessCode',
        authorizationUrl: 'https://login.zoo.example.com/authorize',
        tokenUrl: 'https://login.zoo.example.com/token',
        scopes: { 'animals.read': 'Read animals' },
      },
      api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      basic_auth: { type: 'basic' },
    },
    security: [{ oauth2_auth: ['animals.read'] }],
    tags: [{ name: 'Animals', description: 'Animals of the zoo.' }],
    'x-ms-capabilities': { testConnection: { operationId: 'ListAnimals', parameters: {} } },
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://zoo.example.com' },
      { propertyName: 'Privacy Policy', propertyValue: 'https://zoo.example.com/privacy' },
      { propertyName: 'Categories', propertyValue: 'Data;Productivity' },
    ],
  };
}

export function sampleApiProperties(): Record<string, unknown> {
  return {
    properties: {
      connectionParameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: {
            identityProvider: 'aad',
            clientId: 'client-id',
            scopes: ['animals.read'],
            redirectMode: 'GlobalPerConnector',
            customParameters: { resourceUri: { value: 'https://zoo.example.com' }, tenantId: { value: 'common' } },
            properties: { IsFirstParty: 'False', AzureActiveDirectoryResourceId: 'https://zoo.example.com' },
          },
        },
      },
      connectionParameterSets: {
        uiDefinition: { displayName: 'Authentication type', description: 'How to sign in.' },
        values: [
          {
            name: 'key',
            uiDefinition: { displayName: 'API key' },
            parameters: {
              api_key: {
                type: 'securestring',
                uiDefinition: { displayName: 'Key', constraints: { required: 'true' } },
              },
            },
          },
          {
            name: 'basic',
            uiDefinition: { displayName: 'Basic' },
            parameters: { username: { type: 'string' }, password: { type: 'securestring' } },
          },
        ],
      },
      iconBrandColor: '#123456',
      capabilities: ['actions', 'triggers'],
      policyTemplateInstances: [
        {
          templateId: 'setheader',
          title: 'Accept',
          parameters: {
            'x-ms-apimTemplateParameter.name': 'Accept',
            'x-ms-apimTemplateParameter.value': 'application/json',
            'x-ms-apimTemplateParameter.existsAction': 'override',
            'x-ms-apimTemplate-policySection': 'Request',
          },
        },
        {
          templateId: 'dynamichosturl',
          title: 'Host',
          parameters: {
            'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('region').zoo.example.com",
          },
        },
        {
          templateId: 'routerequesttoendpoint',
          title: 'Route',
          parameters: {
            'x-ms-apimTemplateParameter.newPath': '/v3/animals',
            'x-ms-apimTemplateParameter.httpMethod': '@Request.OriginalHTTPMethod',
            'x-ms-apimTemplate-operationName': ['ListAnimals'],
          },
        },
        {
          templateId: 'updatenextlink',
          title: 'Next',
          parameters: { 'x-ms-apimTemplateParameter.nextLinkPropertyName': '@odata.nextLink' },
        },
        {
          templateId: 'pollingtrigger',
          title: 'Poll',
          type: 'PollingTrigger',
          parameters: {
            'x-ms-apimTemplateParameter.triggerConfig': { since: '@{triggerBody().since}' },
            'x-ms-apimTemplateParameter.triggerDataPath': '@body().value',
          },
        },
        {
          templateId: 'SetProperty',
          title: 'Set',
          parameters: {
            'x-ms-apimTemplateParameter.newPropertyParentPathTemplate': '@body()',
            'x-ms-apimTemplateParameter.newPropertySubPathTemplate': 'kind',
            'x-ms-apimTemplateParameter.propertyValuePathTemplate': "@queryParameters('kind')",
            'x-ms-apimTemplate-policySection': 'Response',
          },
        },
      ],
      publisher: 'Zoo',
      stackOwner: 'Zoo',
      scriptOperations: ['GetAnimal'],
    },
  };
}

export const SAMPLE_SCRIPT = '\ufeffpublic class Script : ScriptBase\r\n{\r\n    // "*/ ${x} `y`\r\n}\r\n';
export const SAMPLE_ICON = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `pcdk-${prefix}-`));
}

/** Writes a connector folder; `raw` overrides a file's text (for broken JSON). */
export function writeSource(
  dir: string,
  swagger: unknown,
  apiProperties: unknown,
  extra: { script?: string; icon?: Uint8Array; raw?: Record<string, string> } = {},
): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'apiDefinition.swagger.json'),
    extra.raw?.swagger ?? JSON.stringify(swagger, null, 2),
  );
  fs.writeFileSync(
    path.join(dir, 'apiProperties.json'),
    extra.raw?.apiProperties ?? JSON.stringify(apiProperties, null, 2),
  );
  if (extra.script !== undefined) fs.writeFileSync(path.join(dir, 'script.csx'), extra.script);
  if (extra.icon !== undefined) fs.writeFileSync(path.join(dir, 'icon.png'), extra.icon);
  return dir;
}

function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/** Strict type-check of every .ts file under `dir` (and what they import): the messages, empty when clean. */
export function typeCheck(dir: string): string[] {
  const root = path.resolve(__dirname, '..', '..');
  const program = ts.createProgram(tsFiles(dir), {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
    // Imported descriptors import 'pcdk', as an author's do; here that is this repository's source.
    paths: { pcdk: [path.join(root, 'src', 'index.ts')] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(dir, d.file.fileName)}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
