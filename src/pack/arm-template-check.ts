/**
 * Offline checks that an ARM template for a custom API would get past `az deployment group
 * create` validation: the document shape (deploymentTemplate 2019-04-01 and the
 * Microsoft.Web/customApis 2016-06-01 resource type, as a JSON schema of the subset pcdk writes),
 * every parameters('…') an expression uses is declared, and the inline swagger (after ARM
 * unescapes it) is valid Swagger 2.0.
 */
import type Ajv from 'ajv';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { validateWithSwaggerParser } from '../validate/swagger-parser';
import { entriesOf, isArray, isObject, itemsOf, type JsonObject } from '../swagger/found';
import { ARM_SCHEMA, armUnescape, CUSTOM_API_TYPE, CUSTOM_API_VERSION } from '../emit/arm-template';

const PARAMETER_TYPES = ['string', 'securestring', 'int', 'bool', 'object', 'secureObject', 'array'];
const CONNECTION_PARAMETER_TYPES = [
  'array',
  'bool',
  'connection',
  'int',
  'oauthSetting',
  'object',
  'secureobject',
  'securestring',
  'string',
];

/** The properties CustomApiPropertiesDefinition (2016-06-01) declares; nothing else is allowed. */
const CUSTOM_API_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    apiDefinitions: {
      type: 'object',
      additionalProperties: false,
      properties: { originalSwaggerUrl: { type: 'string' }, modifiedSwaggerUrl: { type: 'string' } },
    },
    apiType: { enum: ['NotSpecified', 'Rest', 'Soap'] },
    backendService: {
      type: 'object',
      additionalProperties: false,
      required: ['serviceUrl'],
      properties: { serviceUrl: { type: 'string', pattern: '^(https?://|\\[)' } },
    },
    brandColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
    capabilities: { type: 'array', items: { type: 'string' } },
    connectionParameters: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: { type: { enum: CONNECTION_PARAMETER_TYPES }, oAuthSettings: { type: 'object' } },
      },
    },
    description: { type: 'string' },
    displayName: { type: 'string', minLength: 1 },
    iconUri: { type: 'string' },
    runtimeUrls: { type: 'array', items: { type: 'string' } },
    swagger: { type: 'object' },
    wsdlDefinition: { type: 'object' },
  },
  required: ['displayName', 'swagger'],
};

const TEMPLATE_SCHEMA = {
  type: 'object',
  required: ['$schema', 'contentVersion', 'resources'],
  additionalProperties: false,
  properties: {
    $schema: { const: ARM_SCHEMA },
    contentVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$' },
    metadata: { type: 'object' },
    parameters: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: { enum: PARAMETER_TYPES },
          defaultValue: {},
          allowedValues: { type: 'array' },
          metadata: { type: 'object' },
          minLength: { type: 'integer' },
          maxLength: { type: 'integer' },
          minValue: { type: 'integer' },
          maxValue: { type: 'integer' },
        },
      },
    },
    variables: { type: 'object' },
    functions: { type: 'array' },
    resources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['type', 'apiVersion', 'name', 'location', 'properties'],
        properties: {
          type: { const: CUSTOM_API_TYPE },
          apiVersion: { const: CUSTOM_API_VERSION },
          name: { type: 'string', minLength: 1 },
          location: { type: 'string', minLength: 1 },
          tags: { type: 'object' },
          dependsOn: { type: 'array' },
          properties: CUSTOM_API_SCHEMA,
        },
        additionalProperties: false,
      },
    },
    outputs: {
      type: 'object',
      additionalProperties: { type: 'object', required: ['type'], properties: { type: { enum: PARAMETER_TYPES } } },
    },
  },
};

let compiled: ReturnType<Ajv['compile']> | undefined;
function templateValidator(): ReturnType<Ajv['compile']> {
  // ajv loads with the first check, not with the pack command.
  const AjvClass = (require('ajv') as typeof import('ajv')).default;
  compiled ??= new AjvClass({ allErrors: true, strict: false }).compile(TEMPLATE_SCHEMA);
  return compiled;
}

/** Every string ARM evaluates: "[...]" but not the "[[" escape. */
function expressions(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^\[[\s\S]*\]$/.test(value) && !value.startsWith('[[')) out.push(value);
  } else if (isArray(value)) for (const v of value) expressions(v, out);
  else if (isObject(value)) for (const v of Object.values(value)) expressions(v, out);
  return out;
}

export async function checkArmTemplate(
  template: unknown,
  where: { connector: string; file: string },
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const fail = (reason: string, pointer = ''): void => {
    out.push(diagnostic('arm-template-invalid', { reason }, { ...where, pointer }));
  };
  const validate = templateValidator();
  if (!validate(template)) {
    for (const e of validate.errors ?? [])
      fail(
        `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
        e.instancePath,
      );
    return out;
  }
  // The schema above has checked the shape; the guards only let TypeScript see it.
  const t: JsonObject = isObject(template) ? template : {};
  const declared = new Set(entriesOf(t.parameters).map(([name]) => name));
  const variables = new Set(entriesOf(t.variables).map(([name]) => name));
  for (const expr of expressions(template)) {
    let depth = 0;
    for (const ch of expr.replace(/'(?:[^']|'')*'/g, "''")) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (depth < 0) break;
    }
    if (depth !== 0) fail(`expression ${expr} has unbalanced parentheses`);
    for (const m of expr.matchAll(/\bparameters\(\s*'([^']*)'\s*\)/g)) {
      if (!declared.has(m[1]!))
        fail(`expression ${expr} uses parameter '${m[1]}', which the template does not declare`);
    }
    for (const m of expr.matchAll(/\bvariables\(\s*'([^']*)'\s*\)/g)) {
      if (!variables.has(m[1]!))
        fail(`expression ${expr} uses variable '${m[1]}', which the template does not declare`);
    }
  }
  for (const [i, r] of itemsOf(t.resources).entries()) {
    const properties = isObject(r) ? r.properties : undefined;
    const errors = await validateWithSwaggerParser(
      armUnescape(isObject(properties) ? properties.swagger : undefined),
      where,
    );
    for (const e of errors)
      fail(`resources[${i}].properties.swagger: ${e.message}`, `/resources/${i}/properties/swagger`);
  }
  return out;
}
