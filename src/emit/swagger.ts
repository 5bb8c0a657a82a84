/**
 * apiDefinition.swagger.json: Swagger 2.0 with the x-ms-* extensions Power Platform reads.
 * Pure: connector in, JSON object out.
 */
import type { Connector } from '../model/connector';
import { responseSpec, type Operation, type Param } from '../model/operation';
import type { SchemaObject } from '../model/schema';
import { dynamicValuesOf } from '../model/schema';
import type { JsonObject } from './json';
import { dynamicValuesJson, schemaJson } from './schema-object';

export function emitSwagger(c: Connector): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const op of c.operations) {
    const item = (paths[op.path] ??= {});
    item[op.method] = operationJson(op);
  }
  const doc: JsonObject = {
    swagger: '2.0',
    info: {
      title: c.title,
      description: c.description,
      version: c.version,
      contact: { name: c.contact.name, url: c.contact.url, email: c.contact.email },
    },
    host: c.host,
    basePath: c.basePath,
    schemes: [...c.schemes],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
  };
  const security = securityJson(c);
  if (security) {
    doc.securityDefinitions = security.definitions;
    doc.security = security.requirement;
  }
  doc['x-ms-connector-metadata'] = [
    { propertyName: 'Website', propertyValue: c.metadata.website },
    { propertyName: 'Privacy policy', propertyValue: c.metadata.privacyPolicy },
    { propertyName: 'Categories', propertyValue: c.metadata.categories.join(';') },
  ];
  return doc;
}

function securityJson(c: Connector): { definitions: JsonObject; requirement: JsonObject[] } | undefined {
  const a = c.auth;
  switch (a.type) {
    case 'none':
      return undefined;
    case 'apiKey':
      return {
        definitions: { [a.securityName]: { type: 'apiKey', in: a.in, name: a.name } },
        requirement: [{ [a.securityName]: [] }],
      };
    case 'basic':
      return { definitions: { [a.securityName]: { type: 'basic' } }, requirement: [{ [a.securityName]: [] }] };
  }
}

function operationJson(op: Operation): JsonObject {
  const out: JsonObject = { summary: op.summary, description: op.description, operationId: op.id };
  if (op.tags?.length) out.tags = [...op.tags];
  if (op.visibility) out['x-ms-visibility'] = op.visibility;
  if (op.deprecated) out.deprecated = true;
  const parameters: JsonObject[] = Object.entries(op.params).map(([name, p]) => paramJson(name, p));
  if (op.body) {
    parameters.push({ name: 'body', in: 'body', required: op.bodyRequired ?? true, schema: schemaJson(op.body) });
  }
  out.parameters = parameters;
  const responses: JsonObject = {};
  for (const [status, entry] of Object.entries(op.responses)) {
    if (!entry) continue;
    const r = responseSpec(status, entry);
    const rj: JsonObject = { description: r.description };
    if (r.summary) rj['x-ms-summary'] = r.summary;
    if (r.schema) rj.schema = schemaJson(r.schema);
    responses[status] = rj;
  }
  out.responses = responses;
  return out;
}

/** Non-body parameter: the schema's title and description become x-ms-summary and description. */
function paramJson(name: string, p: Param): JsonObject {
  const s: SchemaObject = p.schema;
  const out: JsonObject = { name, in: p.in };
  if (s.title !== undefined) out['x-ms-summary'] = s.title;
  if (p.in === 'path') out['x-ms-url-encoding'] = 'single';
  if (s.description !== undefined) out.description = s.description;
  out.required = p.required;
  const body = schemaJson(s);
  for (const key of ['type', 'format', 'enum', 'default', 'items', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern']) {
    if (body[key] !== undefined) out[key] = body[key];
  }
  const visibility = p.visibility ?? s['x-ms-visibility'];
  if (visibility) out['x-ms-visibility'] = visibility;
  const dyn = p.dynamicValues ?? dynamicValuesOf(s);
  if (dyn) out['x-ms-dynamic-values'] = dynamicValuesJson(dyn);
  if (p.testValue !== undefined) out['x-ms-test-value'] = p.testValue;
  if (s['x-nullable']) out['x-nullable'] = true;
  return out;
}
