/**
 * script.csx generated from webhook triggers (src/emit/script-csx.ts): which connectors get one,
 * what apiProperties and settings.json say about it, the descriptor rules on apiPath and
 * location, and the script itself compiled by a real C# compiler (mono-mcs, against the documented
 * ScriptBase API) and run on ConvertKit's recorded registration and deletion exchanges.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import convertkit from '../../definitions/convertkit/connector';
import { emitApiProperties } from '../../src/emit/api-properties';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { connectorScript, generatedScript } from '../../src/emit/script-csx';
import { formatDiagnostic } from '../../src/diagnostics';
import { operation, path as pathParam, t, webhookTrigger, type Operation } from '../../src/model';
import { loadFixtureDir } from '../../src/recordings/format';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import { DIAGNOSTICS, type DiagnosticCode } from '../../src/validate/diagnostics';
import { compileScript, type CompiledScript } from '../helpers/csharp';
import { createWidget, getWidget, listWidgets } from '../helpers/sample-connector';
import { deleteHook, withTriggers } from '../helpers/trigger-connector';

const registered = t.partial({
  hook: t.partial({ id: t.string({ title: 'Hook ID', description: 'The hook.' }), url: t.string() }),
});
const hook = (patch: Record<string, unknown>): Operation =>
  webhookTrigger({
    id: 'OnWidgetCreated',
    path: '/virtual/widget-created',
    summary: 'When a widget is created',
    description: 'This operation triggers when a widget is created.',
    notificationUrl: { name: 'target_url' },
    payload: t.object({ id: t.id({ title: 'ID', description: 'The id.' }) }),
    responses: { 201: registered },
    unregister: deleteHook,
    ...patch,
  } as Parameters<typeof webhookTrigger>[0]);
const base = [listWidgets, getWidget, createWidget, deleteHook];

describe('which connectors get a generated script', () => {
  const rows: [string, Operation[], string[] | undefined][] = [
    ['no triggers', base, undefined],
    ['a trigger the API serves as Power Automate expects', [...base, hook({ path: '/hooks' })], undefined],
    ['location', [...base, hook({ location: { fromBody: 'hook.id' } })], ['OnWidgetCreated']],
    ['apiPath', [...base, hook({ apiPath: '/hooks' })], ['OnWidgetCreated']],
    [
      'both, on two triggers',
      [
        ...base,
        hook({ apiPath: '/hooks', location: { fromBody: 'hook.id' } }),
        hook({ id: 'OnWidgetGone', path: '/virtual/widget-gone', apiPath: '/hooks' }),
      ],
      ['OnWidgetCreated', 'OnWidgetGone'],
    ],
  ];
  test.each(rows)('%s', (_name, ops, expected) => {
    const c = withTriggers(...ops);
    expect(validateDescriptor(c).map(formatDiagnostic)).toEqual([]);
    const script = generatedScript(c);
    expect(script?.operations).toEqual(expected);
    const props = emitApiProperties(c).properties;
    const folder = emitConnectorFolder(c);
    if (expected) {
      expect(props.scriptOperations).toEqual(expected);
      expect(folder.files.get('script.csx')).toBe(script!.source);
      expect(folder.settings.script).toBe('script.csx');
      // Deterministic: the same descriptors give the same text.
      expect(generatedScript(withTriggers(...ops))!.source).toBe(script!.source);
    } else {
      expect(props.scriptOperations).toBeUndefined();
      expect(folder.files.has('script.csx')).toBe(false);
      expect(folder.settings.script).toBeUndefined();
    }
  });

  test("a connector's own script wins, and the rule says the two cannot be combined", () => {
    const c = { ...withTriggers(...base, hook({ location: { fromBody: 'hook.id' } })) };
    const own = { ...c, script: { file: 'script.csx', source: '// mine\n' } };
    expect(generatedScript(own)).toBeUndefined();
    expect(connectorScript(own)).toBe('// mine\n');
    const found = validateDescriptor(own).filter((d) => d.code === 'trigger-script-conflict');
    expect(found).toMatchObject([{ operation: 'OnWidgetCreated', field: 'location' }]);
  });
});

// ---- invalid apiPath / location: one row each, with the diagnostic, operation and field ----

const twoParams = operation({
  ...deleteHook,
  path: '/hooks/{group}/{hook_id}',
  params: {
    group: pathParam(t.string({ title: 'Group', description: 'The group.' })),
    hook_id: pathParam(t.string({ title: 'Hook ID', description: 'The hook.' })),
  },
});
type Row = [DiagnosticCode, Operation[], string];
const rows: Row[] = [
  ['trigger-api-path-invalid', [hook({ apiPath: 'hooks' })], 'apiPath'],
  ['trigger-api-path-invalid', [hook({ apiPath: '/hooks/{id}' })], 'apiPath'],
  ['trigger-api-path-invalid', [hook({ apiPath: '/hooks?x=1' })], 'apiPath'],
  ['trigger-api-path-invalid', [hook({ apiPath: '/virtual/widget-created' })], 'apiPath'],
  ['trigger-location-invalid', [hook({ location: { fromBody: 'hook..id' } })], 'location.fromBody'],
  ['trigger-location-invalid', [hook({ location: {} })], 'location.fromBody'],
  ['trigger-location-invalid', [hook({ location: { fromBody: 'hook.missing' } })], 'location.fromBody'],
  ['trigger-location-invalid', [hook({ location: { fromBody: 'hook' } })], 'location.fromBody'],
  ['trigger-location-invalid', [hook({ location: { fromBody: 'hook.id' }, unregister: undefined })], 'unregister'],
  ['trigger-location-invalid', [hook({ location: { fromBody: 'hook.id' }, unregister: '/hooks/{id}' })], 'unregister'],
  [
    'trigger-location-invalid',
    [twoParams, hook({ location: { fromBody: 'hook.id' }, unregister: twoParams })],
    'unregister',
  ],
];

describe('descriptor rules on apiPath and location', () => {
  test.each(rows)('%s (%#)', (code, ops, field) => {
    const found = validateDescriptor(withTriggers(...base, ...ops));
    const hit = found.filter((d) => d.code === code);
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ severity: DIAGNOSTICS[code].severity, operation: 'OnWidgetCreated', field });
    expect(formatDiagnostic(hit[0]!)).toContain('fix:');
  });
});

// ---- ConvertKit's script, compiled by mono-mcs and run on the recordings ----

const recordings = loadFixtureDir(path.join(__dirname, '..', '..', 'definitions', 'convertkit', 'recordings'));
const source = generatedScript(convertkit)!.source;
const HOST = 'https://api.convertkit.com';
const SECRET = 'csx-secret-51d0c2a9';
let compiled: CompiledScript;

beforeAll(() => {
  compiled = compileScript(source);
}, 60_000);
afterAll(() => fs.rmSync(compiled.dir, { recursive: true, force: true }));

describe("ConvertKit's generated script.csx", () => {
  const triggers = convertkit.operations.filter((op) => op.trigger?.kind === 'webhook');

  test('handles exactly the twelve webhook triggers', () => {
    expect(triggers).toHaveLength(12);
    expect(generatedScript(convertkit)!.operations).toEqual(triggers.map((op) => op.id));
    expect(emitApiProperties(convertkit).properties.scriptOperations).toEqual(triggers.map((op) => op.id));
  });

  const registrations = recordings.fixtures.filter((f) => f.fixture.request.path === '/v3/automations/hooks');
  test('every trigger has a registration recording', () => {
    expect(new Set(registrations.map((f) => f.fixture.operationId))).toEqual(new Set(triggers.map((op) => op.id)));
  });

  test.each(registrations.map((f) => [f.file, f] as const))(
    '%s: routed to /automations/hooks, answered 201 with Location = the rule deletion',
    (_file, f) => {
      const op = convertkit.operations.find((o) => o.id === f.fixture.operationId)!;
      const uri = `${HOST}/v3${op.path}?api_secret=${SECRET}`;
      const body = JSON.stringify(f.fixture.response.body);
      const run = compiled.run(op.id, 'POST', uri, f.fixture.response.status, body);
      const ruleId = (f.fixture.response.body as { rule: { id: number } }).rule.id;
      expect(run).toEqual({
        sent: 1,
        sentMethod: 'POST',
        // The credentials in the query travel on; only the path changes.
        sentUri: `${HOST}/v3/automations/hooks?api_secret=${SECRET}`,
        status: 201,
        // The platform calls this as WebhookDelete, adding the credentials itself: none in it.
        location: `${HOST}/v3/automations/hooks/${ruleId}`,
        body,
      });
      // Location is the route of the deletion operation, which has its own recording.
      const del = recordings.fixtures.find((x) => x.fixture.operationId === 'WebhookDelete')!;
      expect(del.fixture.request.path.replace(/\/\d+$/, '')).toBe('/v3/automations/hooks');
    },
  );

  const passThrough: [string, string, string, number, string | undefined][] = [
    ['an action', 'FormList', `${HOST}/v3/forms?api_secret=${SECRET}`, 200, '{"forms":[]}'],
    [
      'the deletion itself',
      'WebhookDelete',
      `${HOST}/v3/automations/hooks/43?api_secret=${SECRET}`,
      200,
      '{"success":true}',
    ],
  ];
  test.each(passThrough)('%s passes through unchanged', (_name, id, uri, status, body) => {
    const run = compiled.run(id, id === 'WebhookDelete' ? 'DELETE' : 'GET', uri, status, body);
    expect(run).toMatchObject({ sent: 1, sentUri: uri, status, location: '', body: body ?? '' });
  });

  const failures: [string, number, string | undefined][] = [
    ['a 401', 401, '{"error":"Authorization Failed","message":"API Key not valid"}'],
    ['a 422', 422, '{"error":"Unprocessable entity"}'],
    ['a 200 that is not JSON', 200, 'Retry later'],
    ['a 200 without a rule id', 200, '{"rule":{}}'],
    ['a 200 whose rule id is an object', 200, '{"rule":{"id":{"x":1}}}'],
    ['a 200 with no content', 200, undefined],
  ];
  test.each(failures)(
    'a registration answered with %s is returned as it came, without Location',
    (_n, status, body) => {
      const uri = `${HOST}/v3/virtual/hooks/tag_add?api_secret=${SECRET}`;
      const run = compiled.run('TagAddedTrigger', 'POST', uri, status, body);
      expect(run).toMatchObject({
        sent: 1,
        sentUri: `${HOST}/v3/automations/hooks?api_secret=${SECRET}`,
        status,
        location: '',
      });
    },
  );

  test('a string id is escaped into the deletion path', () => {
    const run = compiled.run(
      'TagAddedTrigger',
      'POST',
      `${HOST}/v3/virtual/hooks/tag_add`,
      200,
      '{"rule":{"id":"a b/c"}}',
    );
    expect(run.location).toBe(`${HOST}/v3/automations/hooks/a%20b%2Fc`);
  });

  test('the script holds no secret and is the file the build writes', () => {
    expect(source).not.toContain('api_secret=');
    expect(emitConnectorFolder(convertkit).files.get('script.csx')).toBe(source);
  });
});
