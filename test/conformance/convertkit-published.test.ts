/**
 * ConvertKit against shared/: compatible with the published connector (flows in the field keep
 * working), valid against the official schemas, and free of the published defects.
 */
import * as path from 'node:path';
import convertkit from '../../definitions/convertkit/connector';
import { CONNECTOR_FILES, emitConnectorFolder } from '../../src/emit/connector-folder';
import { validateConnectorFiles } from '../../src/synth/connector-folder-artifact';
import { diffSwagger } from '../../src/diff/breaking-changes';
import { loadOfficialValidators } from '../../src/validate/official-schemas';
import { readSharedJson, sharedDir } from '../helpers/shared';

const published = readSharedJson('published', 'convertkit', 'apiDefinition.swagger.json');
const publishedProps = readSharedJson('published', 'convertkit', 'apiProperties.json');
const built = emitConnectorFolder(convertkit);
const swagger = built.swagger as any;
const changes = diffSwagger(published, swagger);

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];
function ops(doc: any): { id: string; method: string; path: string; op: any }[] {
  return Object.entries<any>(doc.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ id: item[m].operationId, method: m, path: p, op: item[m] })),
  );
}

describe('compatibility with the published ConvertKit connector', () => {
  test('zero breaking changes', () => {
    expect(changes.filter((c) => c.breaking)).toEqual([]);
  });

  test.each(ops(published).map((o) => [o.id, o] as const))(
    '%s keeps its method, path, parameter locations and required flags',
    (id, old) => {
      const now = ops(swagger).find((o) => o.id === id);
      expect(now).toBeDefined();
      expect([now!.method, now!.path]).toEqual([old.method, old.path]);
      const shape = (op: any) => op.parameters.map((p: any) => [p.name, p.in, p.required === true]);
      expect(shape(now!.op)).toEqual(shape(old.op));
    },
  );

  test('the connection keeps the parameter name api_key and the apiKey in query named api_secret', () => {
    expect(swagger.securityDefinitions).toEqual(published.securityDefinitions);
    expect(swagger.security).toEqual(published.security);
    expect((built.apiProperties as any).properties.connectionParameters).toEqual(
      publishedProps.properties.connectionParameters,
    );
    expect((built.apiProperties as any).properties).toMatchObject({
      publisher: publishedProps.properties.publisher,
      stackOwner: publishedProps.properties.stackOwner,
    });
  });

  test('the only type changes are int32 -> int64 widenings, and the empty sort_field choice is gone', () => {
    const kinds = new Set(changes.map((c) => c.rule));
    expect([...kinds].sort()).toEqual([
      'empty-enum-value-removed',
      'input-object-to-map',
      'operation-added',
      'output-object-to-map',
      'type-widened',
    ]);
  });

  test('the operations added are the twelve webhook triggers and their internal deletion, all compatible', () => {
    const added = changes.filter((c) => c.rule === 'operation-added');
    expect(added.every((c) => !c.breaking && c.level === 'compatible')).toBe(true);
    expect(added.map((c) => c.operationId).sort()).toEqual(
      convertkit.operations
        .filter((op) => op.trigger || op.id === 'WebhookDelete')
        .map((op) => op.id)
        .sort(),
    );
    expect(added).toHaveLength(13);
  });

  test('custom fields narrowed from a free-form object to a map of strings: a warning on the four inputs', () => {
    // openapi-diff calls these four breaking; the value stays an object, so flows keep their
    // bindings, and ConvertKit only ever took string values there (see pcdk diff's rule text).
    const warnings = changes.filter((c) => c.level === 'warning');
    expect(warnings.map((c) => [c.rule, c.operationId, c.target])).toEqual(
      ['FormSubAdd', 'SequenceSubAdd', 'TagSub', 'SubscriberUpdate'].map((id) => [
        'input-object-to-map',
        id,
        'body.fields',
      ]),
    );
  });
});

describe('the published defects are fixed', () => {
  const all: any[] = [];
  const walk = (v: any) => {
    if (v && typeof v === 'object') {
      all.push(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(swagger);

  test('every id is int64', () => {
    const ids = all.filter(
      (s) => s.type === 'integer' && /(^ID$| ID$|^PID$|^LID$|^Items$)/.test(s.title ?? s['x-ms-summary'] ?? ''),
    );
    expect(ids.length).toBeGreaterThan(40);
    for (const s of ids) expect(s.format).toBe('int64');
  });

  test('no "properties": {}; free-form objects use additionalProperties', () => {
    expect(built.files.get(CONNECTOR_FILES.apiDefinition)).not.toMatch(/"properties": \{\}/);
    const maps = all.filter((s) => s.title === 'Fields' && s.additionalProperties);
    // Six in the actions, and one in each of the eleven subscriber triggers' payloads.
    expect(maps.length).toBe(6 + 11);
  });

  test('path parameters are single-encoded; form, sequence and tag ids are dropdowns', () => {
    const pathParams = ops(swagger).flatMap((o) =>
      o.op.parameters.filter((p: any) => p.in === 'path').map((p: any) => [o.id, p] as const),
    );
    for (const [, p] of pathParams) expect(p['x-ms-url-encoding']).toBe('single');
    const dyn = Object.fromEntries(
      pathParams
        .filter(([, p]) => p['x-ms-dynamic-values'])
        .map(([id, p]) => [`${id}.${p.name}`, p['x-ms-dynamic-values'].operationId]),
    );
    expect(dyn).toEqual({
      'FormSubAdd.form_id': 'FormList',
      'FormSubList.form_id': 'FormList',
      'SequenceSubAdd.sequence_id': 'SequenceList',
      'SequenceSubList.sequence_id': 'SequenceList',
      'TagSub.tag_id': 'TagList',
      'TagSubRemove.tag_id': 'TagList',
      'TagSubRemoveEmail.tag_id': 'TagList',
      'TagSubList.tag_id': 'TagList',
    });
  });

  test('no empty-string enum value, no schema on a default response, integers all have a format', () => {
    for (const s of all) {
      if (Array.isArray(s.enum)) expect(s.enum).not.toContain('');
      if (s.type === 'integer') expect(['int32', 'int64']).toContain(s.format);
    }
    for (const o of ops(swagger)) expect(o.op.responses.default?.schema).toBeUndefined();
  });
});

describe('official Power Platform schemas', () => {
  const schemas = path.join(sharedDir(), 'schemas');

  test('apiDefinition, apiProperties and settings validate, and swagger-parser accepts the swagger', async () => {
    expect(await validateConnectorFiles('convertkit', built.files, schemas)).toEqual([]);
  });

  test('the published connector validates too (the layer is not vacuous) and a broken copy does not', () => {
    const v = loadOfficialValidators(schemas);
    expect(v.validate('apiDefinition', published, { connector: 'published', file: 'x' })).toEqual([]);
    const broken = structuredClone(swagger);
    broken.paths['/account'].get['x-ms-visibility'] = 'hidden';
    broken.paths['/account'].get['x-ms-bogus'] = true;
    const found = v.validate('apiDefinition', broken, { connector: 'convertkit', file: 'apiDefinition.swagger.json' });
    expect(found.map((d) => d.pointer)).toEqual(expect.arrayContaining(['/paths/~1account/get']));
    expect(found.map((d) => d.message).join('\n')).toMatch(/x-ms-bogus/);
  });

  test('the known gaps are patched without relaxing the schemas', () => {
    const v = loadOfficialValidators(schemas);
    const where = { connector: 'convertkit', file: 'settings.json' };
    expect(
      v.validate(
        'settings',
        { apiDefinition: 'a', script: 'script.csx', environment: 'Default-0123abcd-0123-4567-89ab-0123456789ab' },
        where,
      ),
    ).toEqual([]);
    expect(v.validate('settings', { apiDefinition: 'a', scriptz: 'x' }, where)).toHaveLength(1);
    const props = structuredClone(built.apiProperties) as any;
    props.properties.throttling = { calls: 100 };
    expect(
      v
        .validate('apiProperties', props, where)
        .map((d) => d.message)
        .join(),
    ).toMatch(/throttling/);
  });
});
