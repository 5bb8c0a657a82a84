/**
 * The certification rules (layer 4), one row per rule: a clean inline connector gives no
 * finding; each row breaks it in one way and expects exactly that code, at that pointer, with
 * the severity the registry gives the certification layer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCertification } from '../../src/validate/certification';
import { DIAGNOSTICS, type DiagnosticCode } from '../../src/validate/diagnostics';

type Json = Record<string, any>;

function base(): { swagger: Json; apiProperties: Json; readme: string } {
  const swagger: Json = {
    swagger: '2.0',
    info: {
      title: 'Widgets',
      description: 'Widgets is a service that keeps track of the widgets of an account.',
      version: '1.0',
      contact: { name: 'A Person', url: 'https://widgets.example', email: 'person@widgets.example' },
    },
    host: 'api.widgets.example',
    basePath: '/v1',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/widgets': {
        get: {
          summary: 'List widgets',
          description: 'Lists the widgets of the account.',
          operationId: 'WidgetList',
          parameters: [
            {
              name: 'page',
              in: 'query',
              'x-ms-summary': 'Page',
              description: 'The page.',
              required: false,
              type: 'integer',
              format: 'int32',
            },
          ],
          responses: {
            200: {
              description: 'OK',
              schema: {
                type: 'object',
                properties: {
                  widgets: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { id: { type: 'integer', format: 'int64' }, name: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
        post: {
          summary: 'Create a widget',
          description: 'Creates a widget.',
          operationId: 'WidgetAdd',
          parameters: [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: 'Name' } } },
            },
          ],
          responses: {
            201: { description: 'Created', schema: { $ref: '#/definitions/Widget' } },
            default: { description: 'Error' },
          },
        },
      },
      '/widgets/{widget_id}': {
        get: {
          summary: 'Get a widget',
          description: 'Gets one widget.',
          operationId: 'WidgetGet',
          parameters: [
            {
              name: 'widget_id',
              in: 'path',
              'x-ms-summary': 'Widget ID',
              'x-ms-url-encoding': 'single',
              description: 'The widget.',
              required: true,
              type: 'string',
              'x-ms-dynamic-values': {
                operationId: 'WidgetList',
                'value-collection': 'widgets',
                'value-path': 'id',
                'value-title': 'name',
              },
            },
          ],
          responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/Widget' } } },
        },
      },
    },
    definitions: { Widget: { type: 'object', properties: { id: { type: 'integer', format: 'int64' } } } },
    securityDefinitions: { 'API Key': { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    security: [{ 'API Key': [] }],
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://widgets.example' },
      { propertyName: 'Privacy policy', propertyValue: 'https://widgets.example/privacy' },
      { propertyName: 'Categories', propertyValue: 'Productivity;Data' },
    ],
  };
  const apiProperties = {
    properties: { iconBrandColor: '#da3b01', publisher: 'A Person', stackOwner: 'Widgets', connectionParameters: {} },
  };
  const readme = [
    '# Widgets',
    '## Publisher: A Person',
    '## Prerequisites',
    '## Supported Operations',
    '### List widgets',
    '## Obtaining Credentials',
    '## Known Issues and Limitations',
  ].join('\n');
  return { swagger, apiProperties, readme };
}

function run(mutate: (d: ReturnType<typeof base>) => void) {
  const d = base();
  mutate(d);
  return runCertification({
    connector: 'widgets',
    ...d,
    swaggerChars: JSON.stringify(d.swagger).length,
    files: { apiDefinition: 'apiDefinition.swagger.json', apiProperties: 'apiProperties.json', readme: 'readme.md' },
  }).map((f) => f.diagnostic);
}

const list = (d: ReturnType<typeof base>) => d.swagger.paths['/widgets'].get;
const add = (d: ReturnType<typeof base>) => d.swagger.paths['/widgets'].post;
const getOne = (d: ReturnType<typeof base>) => d.swagger.paths['/widgets/{widget_id}'].get;
const OP = '/paths/~1widgets/get';

type Case = [name: string, mutate: (d: ReturnType<typeof base>) => void, code: DiagnosticCode, pointer: string];
const cases: Case[] = [
  ['swagger version', (d) => (d.swagger.swagger = '3.0'), 'swagger-version-invalid', '/swagger'],
  ['title over 30', (d) => (d.swagger.info.title = 'Widgets Widgets Widgets Widgets'), 'title-too-long', '/info/title'],
  ['title ends with punctuation', (d) => (d.swagger.info.title = 'Widgets.'), 'title-ends-badly', '/info/title'],
  ['title restricted word', (d) => (d.swagger.info.title = 'Widgets API'), 'title-restricted-words', '/info/title'],
  ['title missing', (d) => delete d.swagger.info.title, 'title-missing', '/info/title'],
  ['description missing', (d) => delete d.swagger.info.description, 'description-missing', '/info'],
  ['description short', (d) => (d.swagger.info.description = 'Widgets.'), 'description-length', '/info/description'],
  ['contact email missing', (d) => delete d.swagger.info.contact.email, 'contact-missing', '/info/contact'],
  [
    'contact email invalid',
    (d) => (d.swagger.info.contact.email = 'person at widgets'),
    'contact-email-invalid',
    '/info/contact/email',
  ],
  ['metadata missing', (d) => delete d.swagger['x-ms-connector-metadata'], 'metadata-missing', ''],
  [
    'privacy policy missing',
    (d) => d.swagger['x-ms-connector-metadata'].splice(1, 1),
    'metadata-missing',
    '/x-ms-connector-metadata',
  ],
  [
    'three categories',
    (d) => (d.swagger['x-ms-connector-metadata'][2].propertyValue = 'Data;AI;Marketing'),
    'too-many-categories',
    '/x-ms-connector-metadata/2/propertyValue',
  ],
  [
    'unknown category',
    (d) => (d.swagger['x-ms-connector-metadata'][2].propertyValue = 'Gadgets'),
    'category-invalid',
    '/x-ms-connector-metadata/2/propertyValue',
  ],
  ['host with scheme', (d) => (d.swagger.host = 'https://api.widgets.example'), 'host-invalid', '/host'],
  ['staging host', (d) => (d.swagger.host = 'api.staging.widgets.example'), 'host-not-production', '/host'],
  ['basePath without slash', (d) => (d.swagger.basePath = 'v1'), 'base-path-invalid', '/basePath'],
  ['schemes empty', (d) => (d.swagger.schemes = []), 'schemes-empty', '/schemes'],
  ['scheme ftp', (d) => (d.swagger.schemes = ['ftp']), 'scheme-invalid', '/schemes/0'],
  ['swagger over 1 MB', (d) => (d.swagger.info['x-padding'] = 'x'.repeat(1100000)), 'swagger-too-large', ''],
  [
    'swagger over the solution limit',
    (d) => (d.swagger.info['x-padding'] = 'x'.repeat(600000)),
    'swagger-solution-limit',
    '',
  ],
  ['unknown root property', (d) => (d.swagger.widgets = true), 'unknown-property', '/widgets'],
  ['misspelt extension', (d) => (list(d)['x-ms-visbility'] = 'advanced'), 'extension-unknown', `${OP}/x-ms-visbility`],
  ['path item $ref', (d) => (d.swagger.paths['/other'] = { $ref: '#/x' }), 'path-item-ref', '/paths/~1other/$ref'],
  [
    'too many operations',
    (d) => {
      for (let i = 0; i < 257; i++) d.swagger.paths[`/w${i}`] = { get: { ...list(d), operationId: `W${i}` } };
    },
    'too-many-operations',
    '/paths',
  ],
  ['operationId missing', (d) => delete list(d).operationId, 'operation-id-missing', OP],
  [
    'operationId with underscore',
    (d) => (list(d).operationId = 'Widget_List'),
    'operation-id-invalid',
    `${OP}/operationId`,
  ],
  [
    'operationId camelCase',
    (d) => (list(d).operationId = 'widgetList'),
    'operation-id-not-pascal-case',
    `${OP}/operationId`,
  ],
  [
    'operationId duplicated',
    (d) => (add(d).operationId = 'WidgetList'),
    'duplicate-operation-id',
    '/paths/~1widgets/post/operationId',
  ],
  ['summary missing', (d) => delete list(d).summary, 'summary-missing', OP],
  ['summary over 80', (d) => (list(d).summary = 'List '.repeat(20)), 'summary-too-long', `${OP}/summary`],
  [
    'summary with slash',
    (d) => (list(d).summary = 'List or search widgets/gadgets'),
    'summary-restricted-characters',
    `${OP}/summary`,
  ],
  [
    'summary with final period',
    (d) => (list(d).summary = 'List widgets.'),
    'summary-ends-with-punctuation',
    `${OP}/summary`,
  ],
  ['description missing', (d) => delete list(d).description, 'operation-description-missing', OP],
  [
    'description equals summary',
    (d) => (list(d).description = 'List widgets'),
    'description-equals-summary',
    `${OP}/description`,
  ],
  [
    'description without period',
    (d) => (list(d).description = 'Lists the widgets of the account'),
    'description-not-sentence',
    `${OP}/description`,
  ],
  ['visibility hidden', (d) => (list(d)['x-ms-visibility'] = 'hidden'), 'visibility-invalid', `${OP}/x-ms-visibility`],
  [
    'path with query',
    (d) => {
      d.swagger.paths['/widgets?x=1'] = d.swagger.paths['/widgets'];
      delete d.swagger.paths['/widgets'];
    },
    'path-query-or-fragment',
    '/paths/~1widgets?x=1',
  ],
  [
    'path without leading slash',
    (d) => {
      d.swagger.paths.widgets = d.swagger.paths['/widgets'];
      delete d.swagger.paths['/widgets'];
    },
    'path-no-leading-slash',
    '/paths/widgets',
  ],
  [
    'wildcard in a path',
    (d) => {
      d.swagger.paths['/widgets/*/{widget_id}'] = d.swagger.paths['/widgets/{widget_id}'];
      delete d.swagger.paths['/widgets/{widget_id}'];
    },
    'path-template-invalid',
    '/paths/~1widgets~1*~1{widget_id}',
  ],
  [
    'paths differ in case',
    (d) => (d.swagger.paths['/Widgets'] = { put: { ...add(d), operationId: 'WidgetPut' } }),
    'path-redefined',
    '/paths/~1Widgets',
  ],
  [
    'same route twice',
    (d) =>
      (d.swagger.paths['/widgets/{id}'] = {
        get: { ...getOne(d), operationId: 'WidgetGet2', parameters: [{ ...getOne(d).parameters[0], name: 'id' }] },
      }),
    'duplicate-route',
    '/paths/~1widgets~1{id}/get',
  ],
  [
    'GET with a body',
    (d) =>
      list(d).parameters.push({
        name: 'body',
        in: 'body',
        schema: { type: 'object', properties: { a: { type: 'string' } } },
      }),
    'body-on-get',
    `${OP}/parameters`,
  ],
  [
    'two bodies',
    (d) => add(d).parameters.push({ name: 'body2', in: 'body', schema: { type: 'string' } }),
    'multiple-bodies',
    '/paths/~1widgets/post/parameters',
  ],
  [
    'body and formData',
    (d) =>
      add(d).parameters.push({ name: 'f', in: 'formData', type: 'string', 'x-ms-summary': 'F', description: 'F.' }),
    'body-and-form-data',
    '/paths/~1widgets/post/parameters',
  ],
  ['consumes missing', (d) => delete d.swagger.consumes, 'consumes-missing', '/paths/~1widgets/post'],
  [
    'consumes xml',
    (d) => (add(d).consumes = ['application/xml']),
    'mime-type-invalid',
    '/paths/~1widgets/post/consumes/0',
  ],
  [
    'binary in urlencoded',
    (d) => {
      add(d).consumes = ['application/x-www-form-urlencoded'];
      add(d).parameters = [
        { name: 'f', in: 'formData', type: 'string', format: 'binary', 'x-ms-summary': 'F', description: 'F.' },
      ];
    },
    'urlencoded-binary',
    '/paths/~1widgets/post/parameters/0',
  ],
  [
    'replacement on active operation',
    (d) => (list(d)['x-ms-api-annotation'] = { replacement: { api: 'widgets', operationId: 'WidgetList2' } }),
    'replacement-invalid',
    `${OP}/x-ms-api-annotation/replacement`,
  ],
  [
    'three active operations in a family',
    (d) => {
      for (const [o, r] of [
        [list(d), 1],
        [add(d), 2],
        [getOne(d), 3],
      ] as const)
        o['x-ms-api-annotation'] = { family: 'Widgets', revision: r };
    },
    'family-too-many-active',
    '/paths/~1widgets~1{widget_id}/get/x-ms-api-annotation',
  ],
  [
    'a revision used twice',
    (d) => {
      list(d)['x-ms-api-annotation'] = { family: 'Widgets', revision: 1 };
      add(d)['x-ms-api-annotation'] = { family: 'Widgets', revision: 1 };
    },
    'family-revision-duplicate',
    '/paths/~1widgets/post/x-ms-api-annotation/revision',
  ],
  [
    'nextLinkName odd',
    (d) => (list(d)['x-ms-pageable'] = { nextLinkName: 'next' }),
    'next-link-name-invalid',
    `${OP}/x-ms-pageable/nextLinkName`,
  ],
  ['no responses', (d) => (list(d).responses = {}), 'no-response', `${OP}/responses`],
  ['no 2xx', (d) => (list(d).responses = { 400: { description: 'Bad' } }), 'no-success-response', `${OP}/responses`],
  [
    'default with schema',
    (d) => (add(d).responses.default.schema = { type: 'string' }),
    'default-response-has-schema',
    '/paths/~1widgets/post/responses/default/schema',
  ],
  [
    'two responses with schemas',
    (d) => (add(d).responses[400] = { description: 'Bad', schema: { type: 'string' } }),
    'many-responses-with-schema',
    '/paths/~1widgets/post/responses',
  ],
  [
    'schema on 202 beside a 201',
    (d) => (add(d).responses[202] = { description: 'Accepted', schema: { type: 'string' } }),
    'schema-on-wrong-status',
    '/paths/~1widgets/post/responses/202/schema',
  ],
  [
    'empty success schema',
    (d) => (list(d).responses[200].schema = {}),
    'response-schema-empty',
    `${OP}/responses/200/schema`,
  ],
  [
    'param without x-ms-summary',
    (d) => delete list(d).parameters[0]['x-ms-summary'],
    'param-summary-missing',
    `${OP}/parameters/0`,
  ],
  [
    'param without description',
    (d) => delete list(d).parameters[0].description,
    'param-description-missing',
    `${OP}/parameters/0`,
  ],
  [
    'param visibility hidden',
    (d) => (list(d).parameters[0]['x-ms-visibility'] = 'hidden'),
    'visibility-invalid',
    `${OP}/parameters/0/x-ms-visibility`,
  ],
  [
    'path param without encoding',
    (d) => delete getOne(d).parameters[0]['x-ms-url-encoding'],
    'path-param-encoding-missing',
    '/paths/~1widgets~1{widget_id}/get/parameters/0',
  ],
  [
    'query param with encoding',
    (d) => (list(d).parameters[0]['x-ms-url-encoding'] = 'single'),
    'query-param-encoding',
    `${OP}/parameters/0/x-ms-url-encoding`,
  ],
  [
    'path param optional',
    (d) => (getOne(d).parameters[0].required = false),
    'path-param-not-required',
    '/paths/~1widgets~1{widget_id}/get/parameters/0',
  ],
  [
    'template variable undeclared',
    (d) => (getOne(d).parameters[0].in = 'query'),
    'path-param-undeclared',
    '/paths/~1widgets~1{widget_id}/get',
  ],
  [
    'path param not in template',
    (d) =>
      list(d).parameters.push({
        name: 'x',
        in: 'path',
        required: true,
        type: 'string',
        'x-ms-summary': 'X',
        description: 'X.',
        'x-ms-url-encoding': 'single',
      }),
    'path-param-not-in-template',
    `${OP}/parameters/1`,
  ],
  [
    'file outside formData',
    (d) => (list(d).parameters[0].type = 'file'),
    'file-param-not-form-data',
    `${OP}/parameters/0`,
  ],
  [
    'connectionId parameter',
    (d) => (list(d).parameters[0].name = 'connectionId'),
    'param-name-reserved',
    `${OP}/parameters/0/name`,
  ],
  [
    'non-ASCII form field',
    (d) => {
      add(d).consumes = ['multipart/form-data'];
      add(d).parameters = [{ name: 'größe', in: 'formData', type: 'string', 'x-ms-summary': 'G', description: 'G.' }];
    },
    'form-data-name-not-ascii',
    '/paths/~1widgets/post/parameters/0/name',
  ],
  [
    'parameter twice',
    (d) => list(d).parameters.push({ ...list(d).parameters[0] }),
    'duplicate-parameter',
    `${OP}/parameters/1`,
  ],
  [
    'internal optional with default',
    (d) => Object.assign(list(d).parameters[0], { 'x-ms-visibility': 'internal', default: 1 }),
    'internal-param-optional',
    `${OP}/parameters/0`,
  ],
  [
    'dynamic values to a missing operation',
    (d) => (getOne(d).parameters[0]['x-ms-dynamic-values'].operationId = 'Nope'),
    'dynamic-values-target-missing',
    '/paths/~1widgets~1{widget_id}/get/parameters/0/x-ms-dynamic-values/operationId',
  ],
  [
    'dynamic values passing an unknown parameter',
    (d) => (getOne(d).parameters[0]['x-ms-dynamic-values'].parameters = { nope: 1 }),
    'dynamic-values-parameter-missing',
    '/paths/~1widgets~1{widget_id}/get/parameters/0/x-ms-dynamic-values/parameters',
  ],
  [
    'dynamic values collection not an array',
    (d) => (list(d).responses[200].schema.properties.widgets = { type: 'string' }),
    'dynamic-values-collection-missing',
    '/paths/~1widgets~1{widget_id}/get/parameters/0/x-ms-dynamic-values/value-collection',
  ],
  [
    '$ref outside definitions',
    (d) => (getOne(d).responses[200].schema = { $ref: 'other.json#/Widget' }),
    'ref-invalid',
    '/paths/~1widgets~1{widget_id}/get/responses/200/schema/$ref',
  ],
  [
    '$ref to nothing',
    (d) => (getOne(d).responses[200].schema = { $ref: '#/definitions/Gadget' }),
    'ref-invalid',
    '/paths/~1widgets~1{widget_id}/get/responses/200/schema/$ref',
  ],
  [
    '$ref with siblings',
    (d) => (getOne(d).responses[200].schema.description = 'A widget.'),
    'ref-sibling',
    '/paths/~1widgets~1{widget_id}/get/responses/200/schema',
  ],
  [
    'required names a missing property',
    (d) => (d.swagger.definitions.Widget.required = ['name']),
    'required-property-missing',
    '/definitions/Widget/required',
  ],
  [
    'required empty',
    (d) => (d.swagger.definitions.Widget.required = []),
    'required-invalid',
    '/definitions/Widget/required',
  ],
  [
    'enum duplicates',
    (d) => (d.swagger.definitions.Widget.properties.id.enum = [1, 1]),
    'enum-invalid',
    '/definitions/Widget/properties/id/enum',
  ],
  [
    'format guid',
    (d) => (d.swagger.definitions.Widget.properties.id = { type: 'string', format: 'guid' }),
    'format-invalid',
    '/definitions/Widget/properties/id/format',
  ],
  [
    'empty properties',
    (d) => (d.swagger.definitions.Widget.properties.extra = { type: 'object', properties: {} }),
    'empty-properties',
    '/definitions/Widget/properties/extra/properties',
  ],
  [
    'nested binary',
    (d) => (d.swagger.definitions.Widget.properties.file = { type: 'string', format: 'binary' }),
    'binary-not-top-level',
    '/definitions/Widget/properties/file',
  ],
  [
    'misspelt schema extension',
    (d) => (d.swagger.definitions.Widget['x-ms-sumamry'] = 'W'),
    'extension-unknown',
    '/definitions/Widget/x-ms-sumamry',
  ],
  [
    'notification url not internal',
    (d) => {
      add(d).parameters[0].schema.properties.callback = { type: 'string', 'x-ms-notification-url': true };
      add(d).parameters[0].schema.required.push('callback');
      d.swagger.paths['/widgets']['x-ms-notification-content'] = { schema: { type: 'object' } };
    },
    'notification-url-invalid',
    '/paths/~1widgets/post/parameters/0/schema/properties/callback',
  ],
  [
    'webhook without notification content',
    (d) => {
      add(d).parameters[0].schema.properties.callback = {
        type: 'string',
        'x-ms-notification-url': true,
        'x-ms-visibility': 'internal',
      };
      add(d).parameters[0].schema.required.push('callback');
    },
    'notification-content-missing',
    '/paths/~1widgets/post',
  ],
  [
    'security requirement undefined',
    (d) => (d.swagger.security = [{ Other: [] }]),
    'security-undefined',
    '/security/0/Other',
  ],
  [
    'apiKey with scopes',
    (d) => (d.swagger.security = [{ 'API Key': ['read'] }]),
    'security-scopes-not-empty',
    '/security/0/API Key',
  ],
  ['apiProperties without properties', (d) => (d.apiProperties = {}), 'api-properties-invalid', ''],
  [
    'brand colour not a colour',
    (d) => (d.apiProperties.properties.iconBrandColor = 'orange'),
    'icon-brand-color-invalid',
    '/properties/iconBrandColor',
  ],
  [
    'brand colour white',
    (d) => (d.apiProperties.properties.iconBrandColor = '#FFFFFF'),
    'icon-brand-color-reserved',
    '/properties/iconBrandColor',
  ],
  [
    'stackOwner is a URL',
    (d) => (d.apiProperties.properties.stackOwner = 'https://widgets.example/'),
    'publisher-invalid',
    '/properties/stackOwner',
  ],
  [
    'title with the publisher suffix',
    (d) => (d.swagger.info.title = 'Widgets (Independent Publisher)'),
    'title-publisher-suffix',
    '/info/title',
  ],
  [
    'dynamic values on the body parameter',
    (d) => (add(d).parameters[0]['x-ms-dynamic-schema'] = { operationId: 'WidgetList' }),
    'dynamic-on-body-parameter',
    '/paths/~1widgets/post/parameters/0/x-ms-dynamic-schema',
  ],
  [
    'body with over 512 schemas',
    (d) => {
      for (let i = 0; i < 520; i++) add(d).parameters[0].schema.properties[`p${i}`] = { type: 'string' };
    },
    'body-too-many-schemas',
    '/paths/~1widgets/post/parameters/0/schema',
  ],
  [
    'required and readOnly input',
    (d) => (add(d).parameters[0].schema.properties.name.readOnly = true),
    'required-read-only',
    '/paths/~1widgets/post/parameters/0/schema/properties/name',
  ],
  [
    'OAuth redirect elsewhere',
    (d) =>
      (d.apiProperties.properties.connectionParameters = {
        token: {
          type: 'oauthSetting',
          oAuthSettings: { identityProvider: 'oauth2', redirectUrl: 'https://widgets.example/cb' },
        },
      }),
    'oauth-redirect-invalid',
    '/properties/connectionParameters/token/oAuthSettings/redirectUrl',
  ],
  [
    'readme without Prerequisites',
    (d) => (d.readme = d.readme.replace('## Prerequisites', '')),
    'readme-section-missing',
    '',
  ],
  [
    'a body property nested 33 levels deep',
    (d) => (add(d).parameters[0].schema.properties.deep = nested(32)),
    'schema-too-deep',
    `/paths/~1widgets/post/parameters/0/schema/properties/deep${'/properties/a'.repeat(32)}`,
  ],
  [
    'a response 33 levels deep through a chain of definitions',
    (d) => {
      Object.assign(d.swagger.definitions, chain(33));
      list(d).responses[200].schema.properties.link = { $ref: '#/definitions/D0' };
    },
    'schema-too-deep',
    '/definitions/D32/properties/next',
  ],
  [
    // WidgetAdd returns Widget too: 2 body schemas + 1 + 163 x 101 = 16,466, reported there first.
    'a response of 163 references to a definition of 101 schemas (over 16,384 once expanded)',
    (d) => Object.assign(d.swagger.definitions, fanOut(163)),
    'operation-too-many-schemas',
    '/paths/~1widgets/post',
  ],
  [
    'dynamic values fed by an internal parameter',
    (d) => {
      getOne(d).parameters.push(internalScope());
      getOne(d).parameters[0]['x-ms-dynamic-values'].parameters = { page: { parameter: 'scope' } };
    },
    'source-property-internal',
    '/paths/~1widgets~1{widget_id}/get/parameters/0/x-ms-dynamic-values/parameters',
  ],
  [
    'a dynamic list fed by an internal body property',
    (d) => {
      const body = add(d).parameters[0].schema.properties;
      body.scope = { type: 'string', 'x-ms-visibility': 'internal', default: 'all' };
      body.widget = {
        type: 'string',
        'x-ms-dynamic-list': dynamicList({ page: { parameterReference: 'body/scope' } }),
      };
    },
    'source-property-internal',
    '/paths/~1widgets/post/parameters/0/schema/properties/widget/x-ms-dynamic-list/parameters',
  ],
  [
    'dynamic values fed by a body property, without x-ms-dynamic-list',
    (d) => {
      add(d).parameters[0].schema.properties.widget = {
        type: 'string',
        'x-ms-dynamic-values': dynamicValues({ page: { parameter: 'name' } }),
      };
    },
    'dynamic-list-required',
    '/paths/~1widgets/post/parameters/0/schema/properties/widget/x-ms-dynamic-values/parameters',
  ],
  [
    'dynamic values passing a name the target only has in its body',
    (d) => {
      Object.assign(getOne(d).parameters[0]['x-ms-dynamic-values'], {
        operationId: 'WidgetAdd',
        parameters: { name: 'x' },
      });
    },
    'dynamic-list-required',
    '/paths/~1widgets~1{widget_id}/get/parameters/0/x-ms-dynamic-values/parameters',
  ],
  [
    'dynamic values fed by a name both a parameter and a body property carry',
    (d) => {
      add(d).parameters.push({
        ...internalScope(),
        name: 'name',
        'x-ms-visibility': 'important',
        'x-ms-summary': 'Name',
        description: 'The name.',
        required: false,
      });
      delete add(d).parameters[1].default;
      add(d).parameters[0].schema.properties.widget = {
        type: 'string',
        'x-ms-dynamic-values': dynamicValues({ page: { parameter: 'name' } }),
      };
    },
    'dynamic-list-required',
    '/paths/~1widgets/post/parameters/0/schema/properties/widget/x-ms-dynamic-values/parameters',
  ],
  [
    'dynamic schema fed by a body property, without x-ms-dynamic-properties',
    (d) => {
      add(d).parameters[0].schema.properties.extra = {
        type: 'object',
        'x-ms-dynamic-schema': {
          operationId: 'WidgetList',
          parameters: { page: { parameter: 'name' } },
          'value-path': 'widgets',
        },
      };
    },
    'dynamic-properties-required',
    '/paths/~1widgets/post/parameters/0/schema/properties/extra/x-ms-dynamic-schema/parameters',
  ],
  [
    'revision 2 of a family without the V2 suffix',
    (d) => (getOne(d)['x-ms-api-annotation'] = { family: 'WidgetGet', revision: 2 }),
    'family-revision-suffix-missing',
    '/paths/~1widgets~1{widget_id}/get/operationId',
  ],
];

/** A schema `levels` levels deep: { a: { a: ... { type: string } } }. */
function nested(levels: number): Json {
  return levels === 0 ? { type: 'string' } : { type: 'object', properties: { a: nested(levels - 1) } };
}
/** Definitions D0 -> D1 -> ... each referencing the next through its `next` property. */
function chain(n: number): Json {
  const defs: Json = {};
  for (let i = 0; i < n; i++)
    defs[`D${i}`] = {
      type: 'object',
      properties: { next: i + 1 < n ? { $ref: `#/definitions/D${i + 1}` } : { type: 'string' } },
    };
  return defs;
}
/** Widget (WidgetGet's response) with `refs` properties that each reference Leaf, an object of 100 strings. */
function fanOut(refs: number): Json {
  const leaf: Json = { type: 'object', properties: {} };
  for (let i = 0; i < 100; i++) leaf.properties[`f${i}`] = { type: 'string' };
  const widget: Json = { type: 'object', properties: {} };
  for (let i = 0; i < refs; i++) widget.properties[`l${i}`] = { $ref: '#/definitions/Leaf' };
  return { Leaf: leaf, Widget: widget };
}
function internalScope(): Json {
  return { name: 'scope', in: 'query', type: 'string', required: true, default: 'all', 'x-ms-visibility': 'internal' };
}
function dynamicValues(parameters: Json): Json {
  return {
    operationId: 'WidgetList',
    parameters,
    'value-collection': 'widgets',
    'value-path': 'id',
    'value-title': 'name',
  };
}
function dynamicList(parameters: Json): Json {
  return { operationId: 'WidgetList', parameters, itemsPath: 'widgets', itemValuePath: 'id', itemTitlePath: 'name' };
}

/** Inputs each of the rules above must pass: no finding at all. */
const passing: [name: string, mutate: (d: ReturnType<typeof base>) => void][] = [
  ['a body property nested exactly 32 levels deep', (d) => (add(d).parameters[0].schema.properties.deep = nested(31))],
  [
    'a definition that contains itself (a tree) is not too deep',
    (d) => {
      d.swagger.definitions.Node = {
        type: 'object',
        properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } },
      };
      list(d).responses[200].schema.properties.tree = { $ref: '#/definitions/Node' };
    },
  ],
  [
    'a response of 162 references to a definition of 101 schemas (16,365 with the body)',
    (d) => Object.assign(d.swagger.definitions, fanOut(162)),
  ],
  [
    'dynamic values fed by a visible parameter',
    (d) => {
      getOne(d).parameters.push({
        ...internalScope(),
        'x-ms-visibility': 'important',
        'x-ms-summary': 'Scope',
        description: 'The scope.',
      });
      getOne(d).parameters[0]['x-ms-dynamic-values'].parameters = { page: { parameter: 'scope' } };
    },
  ],
  ['an internal parameter no extension reads', (d) => getOne(d).parameters.push(internalScope())],
  [
    'dynamic values fed by a body property, with x-ms-dynamic-list beside them',
    (d) => {
      add(d).parameters[0].schema.properties.widget = {
        type: 'string',
        'x-ms-dynamic-values': dynamicValues({ page: { parameter: 'name' } }),
        'x-ms-dynamic-list': dynamicList({ page: { parameterReference: 'body/name' } }),
      };
    },
  ],
  [
    'revision 2 of a family named with V2',
    (d) => {
      getOne(d)['x-ms-api-annotation'] = { family: 'WidgetGet', revision: 2 };
      getOne(d).operationId = 'WidgetGetV2';
    },
  ],
  [
    'revision 1 of a family keeps the plain name',
    (d) => (getOne(d)['x-ms-api-annotation'] = { family: 'WidgetGet', revision: 1 }),
  ],
];

describe('certification rules', () => {
  test('the clean connector has no finding', () => {
    expect(run(() => undefined)).toEqual([]);
  });

  test.each(passing)('passes: %s', (_name, mutate) => {
    expect(run(mutate).map((d) => `${d.code} ${d.pointer}: ${d.message}`)).toEqual([]);
  });

  test.each(cases.map(([n, m, c, p]) => [`${n} -> ${c}`, m, c, p] as const))('%s', (_name, mutate, code, pointer) => {
    const found = run(mutate);
    const hit = found.find((d) => d.code === code);
    expect(hit).toBeDefined();
    expect(hit!.pointer).toBe(pointer);
    const def = DIAGNOSTICS[code] as { severity: string; certification?: string };
    expect(hit!.severity).toBe(def.certification ?? def.severity);
    expect(hit!.hint.length).toBeGreaterThan(10);
    // One mistake, one kind of finding: no cascade of unrelated codes.
    expect(new Set(found.map((d) => d.code)).size).toBeLessThanOrEqual(2);
  });

  const hostile: [string, unknown][] = [
    ['an array', []],
    ['a string', 'swagger'],
    ['null paths and items', { swagger: '2.0', paths: { '/a': null, '/b': { get: null, post: 'x' } } }],
    [
      'odd operation members',
      {
        swagger: '2.0',
        paths: { '/a': { get: { parameters: 'x', responses: null, consumes: 'json', security: {} } } },
      },
    ],
    [
      'odd parameters',
      {
        swagger: '2.0',
        paths: {
          '/a/{x}': {
            parameters: [null, 1, { $ref: '#/parameters/nope' }],
            get: {
              parameters: [{ in: 'body', schema: { $ref: '#/definitions/Loop' } }],
              responses: { 200: { $ref: '#/responses/nope' } },
            },
          },
        },
        definitions: { Loop: { $ref: '#/definitions/Loop' } },
      },
    ],
    [
      'odd schemas',
      {
        swagger: '2.0',
        definitions: { A: { properties: [], required: 'x', enum: 'x', items: 5 }, B: null },
        'x-ms-connector-metadata': [null, { propertyName: 1 }],
      },
    ],
    [
      'odd info',
      {
        swagger: '2.0',
        info: { title: 5, description: [], contact: 'me' },
        schemes: 'https',
        security: [null, { a: 'b' }],
      },
    ],
  ];
  test.each(hostile)('a swagger that is %s is reported, never a crash', (_n, swagger) => {
    const files = { apiDefinition: 'a.json', apiProperties: 'p.json', readme: 'r.md' };
    const found = runCertification({ connector: 'x', swagger, apiProperties: null, files });
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((f) => f.diagnostic.code === 'api-properties-invalid')).toBe(true);
  });

  test('every code the certification rules can report is exercised by a row', () => {
    const dir = path.join(__dirname, '../../src/validate/certification');
    const reported = new Set<string>();
    for (const f of fs.readdirSync(dir)) {
      for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/report\(\s*'([a-z0-9-]+)'/g))
        reported.add(m[1]!);
    }
    expect(reported.size).toBeGreaterThan(60);
    const exercised = new Set<string>(cases.map((c) => c[2]));
    expect([...reported].filter((c) => !exercised.has(c))).toEqual([]);
  });
});
