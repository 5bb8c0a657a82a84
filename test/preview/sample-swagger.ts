/**
 * A swagger with everything the designer treats specially: important, advanced and internal
 * inputs, an internal operation, x-ms-enum-values, a Yes/No input, nested and array bodies, a
 * webhook trigger, a $ref, and author text that must be escaped.
 */
import type { Diagnostic } from '../../src/diagnostics';
import type { SwaggerDocument } from '../../src/swagger/document';

export const HOSTILE = '<script>alert("x")</script> & \'quotes\'';

export const previewSwagger: SwaggerDocument = {
  swagger: '2.0',
  info: { title: 'Gadgets', description: 'Gadgets keeps track of gadgets.', version: '1.0' },
  host: 'api.gadgets.example',
  basePath: '/v2',
  schemes: ['https'],
  securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  definitions: {
    Owner: {
      type: 'object',
      properties: { name: { type: 'string', title: 'Name' }, email: { type: 'string', 'x-ms-summary': 'Email' } },
    },
  },
  paths: {
    '/gadgets': {
      get: {
        operationId: 'GadgetList',
        summary: 'List gadgets',
        description: 'Lists the gadgets.',
        'x-ms-visibility': 'important',
        parameters: [
          {
            name: 'kind',
            in: 'query',
            type: 'string',
            'x-ms-summary': 'Kind',
            description: 'The kind.',
            'x-ms-enum-values': [
              { value: 'a', displayName: 'Kind A' },
              { value: 'b', displayName: 'Kind B' },
            ],
          },
          { name: 'archived', in: 'query', type: 'boolean', 'x-ms-summary': 'Archived', 'x-ms-visibility': 'advanced' },
          {
            name: 'api-version',
            in: 'query',
            type: 'string',
            required: true,
            default: '2024-01-01',
            'x-ms-summary': 'Secret API version',
            'x-ms-visibility': 'internal',
          },
          { name: 'ids', in: 'query', type: 'array', items: { type: 'integer' }, 'x-ms-summary': 'IDs' },
        ],
        responses: {
          '200': {
            description: 'OK',
            schema: {
              type: 'object',
              properties: {
                gadgets: {
                  type: 'array',
                  title: 'Gadgets',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'integer', title: 'ID' },
                      label: { type: 'string', 'x-ms-summary': 'Label' },
                      owner: { $ref: '#/definitions/Owner' },
                    },
                  },
                },
                secret: { type: 'string', title: 'Hidden', 'x-ms-visibility': 'internal' },
                meta: { type: 'object', title: 'Meta', properties: { total: { type: 'integer', title: 'Total' } } },
              },
            },
          },
        },
      },
      post: {
        operationId: 'GadgetAdd',
        summary: HOSTILE,
        description: `Creates a gadget. ${HOSTILE}`,
        parameters: [
          {
            name: 'X-Trace',
            in: 'header',
            type: 'string',
            'x-ms-summary': 'Trace',
            'x-ms-visibility': 'advanced',
            description: 'A trace id.',
          },
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              required: ['gadget'],
              properties: {
                gadget: {
                  type: 'object',
                  required: ['name', 'parts'],
                  properties: {
                    name: { type: 'string', 'x-ms-summary': 'Gadget name', description: 'The name.' },
                    source: { type: 'string', 'x-ms-visibility': 'internal', default: 'pcdk' },
                    color: { type: 'string', title: 'Color', enum: ['red', 'blue'], 'x-ms-visibility': 'advanced' },
                    parts: {
                      type: 'array',
                      title: 'Parts',
                      items: {
                        type: 'object',
                        required: ['sku'],
                        properties: {
                          sku: { type: 'string', title: 'SKU' },
                          count: { type: 'integer', title: 'Count' },
                          tags: { type: 'array', title: 'Part tags', items: { type: 'string' } },
                        },
                      },
                    },
                    labels: { type: 'array', title: 'Labels', items: { type: 'string', title: 'Label' } },
                    extra: { type: 'object', title: 'Extra', additionalProperties: { type: 'string' } },
                    kind: {
                      type: 'string',
                      title: 'Kind',
                      'x-ms-dynamic-values': {
                        operationId: 'GadgetList',
                        parameters: { kind: { parameter: 'X-Trace' }, archived: { value: false } },
                        'value-collection': 'gadgets',
                        'value-path': 'id',
                        'value-title': 'label',
                      },
                    },
                  },
                },
              },
            },
          },
        ],
        responses: { '201': { description: 'Created', schema: { type: 'string', title: 'Result' } } },
      },
    },
    '/internal': {
      get: {
        operationId: 'InternalThing',
        summary: 'Internal thing',
        'x-ms-visibility': 'internal',
        responses: { '200': { description: 'OK' } },
      },
    },
    '/hooks': {
      'x-ms-notification-content': {
        schema: { type: 'object', properties: { event: { type: 'string', title: 'Event' } } },
      },
      post: {
        operationId: 'WhenGadget',
        summary: 'When a gadget is added',
        description: 'This operation triggers when a gadget is added.',
        'x-ms-trigger': 'single',
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
  },
};

const at = (
  code: string,
  message: string,
  operation?: string,
  severity: 'error' | 'warning' = 'warning',
): Diagnostic => ({
  code,
  severity,
  message,
  hint: 'fix it',
  connector: 'gadgets',
  ...(operation ? { operation } : {}),
});

export const previewDiagnosticsSample: Diagnostic[] = [
  at('summary-odd', `the summary has <b>markup</b>`, 'GadgetAdd'),
  at('body-undescribed', 'the body property has no description', 'GadgetAdd', 'error'),
  at('contact-missing', 'the connector has no contact'),
];
