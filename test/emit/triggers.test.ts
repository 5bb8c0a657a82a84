/**
 * Triggers as typed descriptors (src/model/trigger.ts): what webhookTrigger() and
 * pollingTrigger() emit, that the official apiDefinition schema and the certification rules
 * accept it, that each invalid trigger gets its own descriptor diagnostic at its .ts line, and
 * how the reference page lays triggers out.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emitReferencePage } from '../../src/emit/reference-page';
import { emitSwagger } from '../../src/emit/swagger';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadDescriptors } from '../../src/load/load-descriptors';
import { operation, pollingTrigger, query, t, webhookTrigger, type Operation, type PayloadOf } from '../../src/model';
import { runCertification } from '../../src/validate/certification';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import { DIAGNOSTICS, type DiagnosticCode } from '../../src/validate/diagnostics';
import { createWidget, getWidget, listWidgets } from '../helpers/sample-connector';
import { deleteHook, onWidgetCreated, onWidgetPolled, triggerOps, withTriggers } from '../helpers/trigger-connector';

const connector = withTriggers();
const swagger = emitSwagger(connector) as Record<string, any>;

describe('webhookTrigger emits', () => {
  const item = swagger.paths['/hooks'];
  test('x-ms-trigger single (batch false) on the registration operation, whose response stays its own', () => {
    expect(item.post['x-ms-trigger']).toBe('single');
    expect(item.post.responses['201'].schema.properties.id.type).toBe('string');
    expect(item.post['x-ms-trigger-metadata']).toBeUndefined();
  });
  test('the callback URL: first body property, required, internal, x-ms-notification-url', () => {
    const body = item.post.parameters.find((p: any) => p.in === 'body').schema;
    expect(Object.keys(body.properties)).toEqual(['target_url', 'event']);
    expect(body.required).toEqual(['target_url', 'event']);
    expect(body.properties.target_url).toMatchObject({
      type: 'string',
      'x-ms-visibility': 'internal',
      'x-ms-notification-url': true,
    });
  });
  test('x-ms-notification-content on the path item: description, the t.* payload, the headers', () => {
    expect(Object.keys(item)).toEqual(['x-ms-notification-content', 'post']);
    const nc = item['x-ms-notification-content'];
    expect(nc.description).toBe('The created widget.');
    expect(nc.schema.required).toEqual(['event', 'widget']);
    expect(nc.schema.properties.widget.properties.id).toEqual({
      type: 'integer',
      format: 'int64',
      title: 'Widget ID',
      description: 'The new widget.',
    });
    expect(nc.headers).toEqual({
      'X-Signature': { type: 'string', description: 'HMAC of the body.', 'x-ms-summary': 'Signature' },
    });
  });
  test('a notification URL in the query is a required internal query parameter', () => {
    const op = webhookTrigger({
      id: 'OnQueryHook',
      path: '/qhooks',
      summary: 'When a thing happens',
      description: 'This operation triggers when a thing happens.',
      notificationUrl: { name: 'callback', in: 'query' },
      payload: t.object({ id: t.id({ title: 'ID', description: 'The id.' }) }),
      batch: true,
      responses: { 200: { description: 'OK' } },
    });
    const json = emitSwagger(withTriggers(listWidgets, getWidget, createWidget, op)).paths['/qhooks']!.post!;
    expect(json['x-ms-trigger']).toBe('batch');
    expect(json.parameters).toEqual([
      expect.objectContaining({
        name: 'callback',
        in: 'query',
        required: true,
        type: 'string',
        'x-ms-visibility': 'internal',
        'x-ms-notification-url': true,
      }),
    ]);
  });
});

describe('pollingTrigger emits', () => {
  const get = swagger.paths['/widgets/changes'].get;
  test('a GET with x-ms-trigger, its hint and x-ms-trigger-metadata kind query, mode polling', () => {
    expect(get['x-ms-trigger']).toBe('batch');
    expect(get['x-ms-trigger-hint']).toBe('Rename a widget.');
    expect(get['x-ms-trigger-metadata']).toEqual({ kind: 'query', mode: 'polling' });
  });
  test('its state parameter is an internal query parameter', () => {
    expect(get.parameters).toEqual([
      expect.objectContaining({ name: 'since', in: 'query', 'x-ms-visibility': 'internal' }),
    ]);
  });
});

// The official apiDefinition schema's verdict on them: test/conformance/triggers-official.test.ts.
describe('valid triggers pass every later layer', () => {
  test('the certification rules find nothing about them', () => {
    const found = runCertification({
      connector: 'widgets',
      swagger: JSON.parse(JSON.stringify(swagger)),
      files: { apiDefinition: 'apiDefinition.swagger.json', apiProperties: 'apiProperties.json', readme: 'readme.md' },
    }).map((f) => f.diagnostic);
    const onTriggers = found.filter((d) => /hooks|changes|OnWidget/.test(`${d.pointer} ${d.operation}`));
    expect(onTriggers.map(formatDiagnostic)).toEqual([]);
  });
  test('the descriptor rules find nothing', () => {
    expect(validateDescriptor(connector).map(formatDiagnostic)).toEqual([]);
  });
  test('certification catches a payload-less webhook the descriptor rules caught first', () => {
    const bare = JSON.parse(JSON.stringify(swagger));
    delete bare.paths['/hooks']['x-ms-notification-content'];
    const found = runCertification({
      connector: 'widgets',
      swagger: bare,
      files: { apiDefinition: 'apiDefinition.swagger.json', apiProperties: 'apiProperties.json', readme: 'readme.md' },
    }).map((f) => f.diagnostic.code);
    expect(found).toContain('notification-content-missing');
  });
});

// ---- invalid triggers: one row each, with the diagnostic, operation and field ----

const hook = (patch: Record<string, unknown>): Operation =>
  webhookTrigger({
    id: 'OnWidgetCreated',
    path: '/hooks',
    summary: 'When a widget is created',
    description: 'This operation triggers when a widget is created.',
    notificationUrl: { name: 'target_url' },
    payload: t.object({ id: t.id({ title: 'ID', description: 'The id.' }) }),
    responses: { 201: { description: 'Created' } },
    ...patch,
  } as Parameters<typeof webhookTrigger>[0]);
const poll = (patch: Record<string, unknown>): Operation =>
  pollingTrigger({
    id: 'OnWidgetPolled',
    path: '/widgets/changes',
    summary: 'When a widget changes',
    description: 'This operation triggers when a widget changes.',
    params: { since: query(t.string({ title: 'Since', description: 'The cursor.' }), { visibility: 'internal' }) },
    state: 'since',
    responses: { 200: t.array(t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) })) },
    ...patch,
  } as Parameters<typeof pollingTrigger>[0]);
const base = [listWidgets, getWidget, createWidget, deleteHook];

type Row = [DiagnosticCode, Operation, string, string];
const rows: Row[] = [
  ['trigger-notification-content-missing', hook({ payload: undefined }), 'OnWidgetCreated', 'payload'],
  ['trigger-notification-url-missing', hook({ notificationUrl: undefined }), 'OnWidgetCreated', 'notificationUrl'],
  ['trigger-notification-url-missing', hook({ notificationUrl: { name: '' } }), 'OnWidgetCreated', 'notificationUrl'],
  [
    'trigger-notification-url-invalid',
    hook({ body: t.object({ target_url: t.string({ title: 'URL', description: 'Mine.' }) }) }),
    'OnWidgetCreated',
    'notificationUrl.name',
  ],
  [
    'trigger-notification-url-invalid',
    hook({
      notificationUrl: { name: 'cb', in: 'query' },
      params: { cb: query(t.string({ title: 'CB', description: 'Mine.' })) },
    }),
    'OnWidgetCreated',
    'notificationUrl.name',
  ],
  ['trigger-method-invalid', hook({ method: 'get' }), 'OnWidgetCreated', 'method'],
  ['trigger-summary-style', hook({ summary: 'Widget created' }), 'OnWidgetCreated', 'summary'],
  ['summary-missing', hook({ summary: '' }), 'OnWidgetCreated', 'summary'],
  [
    'trigger-unregister-invalid',
    hook({ unregister: operation({ ...deleteHook, id: 'Elsewhere' }) }),
    'OnWidgetCreated',
    'unregister',
  ],
  ['trigger-unregister-invalid', hook({ unregister: getWidget }), 'OnWidgetCreated', 'unregister'],
  ['trigger-unregister-invalid', hook({ unregister: 'hooks/{id}' }), 'OnWidgetCreated', 'unregister'],
  ['trigger-state-invalid', poll({ state: 'cursor' }), 'OnWidgetPolled', 'state'],
  [
    'trigger-state-invalid',
    poll({ params: { since: query(t.string({ title: 'Since', description: 'The cursor.' })) } }),
    'OnWidgetPolled',
    'state',
  ],
  ['trigger-outputs-missing', poll({ responses: { 200: { description: 'OK' } } }), 'OnWidgetPolled', 'responses'],
  ['trigger-summary-style', poll({ summary: 'Poll widgets' }), 'OnWidgetPolled', 'summary'],
];

describe('descriptor rules on triggers', () => {
  test.each(rows)('%s (%#)', (code, op, operationId, field) => {
    const found = validateDescriptor(withTriggers(...base, op));
    const hit = found.filter((d) => d.code === code);
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ severity: DIAGNOSTICS[code].severity, operation: operationId, field });
    expect(formatDiagnostic(hit[0]!)).toContain('fix:');
  });

  test('a polling trigger written by hand as a POST is caught', () => {
    const op: Operation = { ...poll({}), method: 'post' };
    const found = validateDescriptor(withTriggers(...base, op)).filter((d) => d.code === 'trigger-method-invalid');
    expect(found).toMatchObject([{ operation: 'OnWidgetPolled', field: 'method' }]);
  });
});

describe('trigger findings point at the .ts line', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-triggers-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const CONNECTOR = `import { defineConnector } from 'pcdk';
import { operations } from './operations/x';
export default defineConnector({
  id: 'sites', title: 'Sites', description: 'Sites is a connector used to test where findings point.',
  version: '1.0', host: 'api.sites.example', basePath: '/', schemes: ['https'],
  contact: { name: 'A', url: 'https://sites.example', email: 'a@sites.example' },
  metadata: { website: 'https://sites.example', privacyPolicy: 'https://sites.example/p', categories: ['Data'] },
  publisher: 'A', stackOwner: 'Sites', iconBrandColor: '#da3b01', auth: { type: 'none' },
  operations, readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' },
});
`;
  const X = `import { pollingTrigger, query, t, webhookTrigger } from 'pcdk';

const onThing = webhookTrigger({
  id: 'OnThing',
  path: '/hooks',
  summary: 'Thing added',
  description: 'This operation triggers when a thing is added.',
  notificationUrl: { name: 'target_url' },
  payload: t.object({ id: t.id({ title: 'ID', description: 'The id.' }) }),
  responses: { 201: { description: 'Created' } },
});

const pollThings = pollingTrigger({
  id: 'PollThings',
  path: '/things',
  summary: 'When a thing changes',
  description: 'This operation triggers when a thing changes.',
  params: { since: query(t.string({ title: 'Since', description: 'The cursor.' })) },
  state: 'since',
  responses: { 200: t.array(t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) })) },
});

const onQuery = webhookTrigger({
  id: 'OnQuery',
  path: '/qhooks',
  summary: 'When a query hook fires',
  description: 'This operation triggers when a query hook fires.',
  notificationUrl: {
    name: 'cb',
    in: 'query',
  },
  params: { cb: query(t.string({ title: 'CB', description: 'Mine.' })) },
  payload: t.object({ id: t.id({ title: 'ID', description: 'The id.' }) }),
  responses: { 201: { description: 'Created' } },
});

export const operations = [onThing, pollThings, onQuery];
`;
  const lineOf = (marker: string) => X.slice(0, X.indexOf(marker)).split('\n').length;

  test.each([
    ['trigger-summary-style', "summary: 'Thing added'"],
    ['trigger-state-invalid', "state: 'since'"],
    ['trigger-notification-url-invalid', "name: 'cb'"],
  ] as const)('%s at its line', async (code, marker) => {
    const dir = path.join(tmp, 'defs', 'sites');
    fs.mkdirSync(path.join(dir, 'operations'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'connector.ts'), CONNECTOR);
    fs.writeFileSync(path.join(dir, 'operations', 'x.ts'), X);
    const loaded = await loadDescriptors('sites', path.join(tmp, 'defs'));
    expect(loaded.connector).toBeDefined();
    const hit = validateDescriptor(loaded.connector!).find((d) => d.code === code);
    expect(hit?.source).toMatchObject({ file: path.join(dir, 'operations', 'x.ts'), line: lineOf(marker) });
  });
});

describe('reference page', () => {
  const page = emitReferencePage(connector);
  const section = (title: string) => {
    const from = page.indexOf(`\n${title}\n`);
    const next = page.indexOf('\n## ', from + 1);
    return page.slice(from, next < 0 ? undefined : next);
  };
  test('triggers are listed under Triggers, after and apart from Actions', () => {
    expect(section('## Actions')).not.toContain('When a widget');
    // As on Microsoft's pages, internal operations (the hook deletion) are not listed at all.
    expect(section('## Actions')).toContain('[Create a widget]');
    expect(page).not.toContain('Delete a widget hook');
    expect(section('## Triggers')).toContain(
      '| [When a widget is created](#when-a-widget-is-created) | This operation triggers when a widget is created. |',
    );
    expect(page.indexOf('## Triggers')).toBeGreaterThan(page.indexOf('## Actions'));
  });
  test('a webhook trigger shows its parameters and its payload as Returns, not the registration response', () => {
    const s = section('## Triggers');
    const webhook = s.slice(s.indexOf('### When a widget is created'));
    expect(webhook).toContain('| Event | event | True | string | The event to subscribe to. |');
    expect(webhook).toContain('#### Returns');
    expect(webhook).toContain('| Widget ID | widget.id | integer | The new widget. |');
    expect(webhook).not.toContain('Hook ID');
    // The callback URL is internal: Power Automate fills it in, makers never see it.
    expect(webhook).not.toContain('target_url');
  });
  test('a polling trigger returns its response', () => {
    const s = section('## Triggers');
    expect(s.slice(s.indexOf('### When a widget changes'))).toContain('| ID | id | integer | The id. |');
  });
  test('a connector without triggers has no Triggers section', () => {
    expect(emitReferencePage(withTriggers(listWidgets, getWidget, createWidget))).not.toContain('## Triggers');
  });
});

describe('types', () => {
  test('the payload and the registration input are typed from t.*', () => {
    type Payload = PayloadOf<typeof onWidgetCreated>;
    const p: Payload = { event: 'widget.created', widget: { id: 1 } };
    // @ts-expect-error: event is an enum of the payload schema
    const bad: Payload = { event: 'other', widget: { id: 1 } };
    expect([p, bad]).toHaveLength(2);
    expect(onWidgetCreated.trigger.kind).toBe('webhook');
    expect(onWidgetPolled.trigger.kind).toBe('polling');
    expect(triggerOps).toContain(onWidgetCreated);
  });
});
