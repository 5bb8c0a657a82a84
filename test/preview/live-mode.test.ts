/**
 * Live mode without a browser: how a call is put on the wire, how a dropdown's choices are read
 * from the answer, and the preview's JSON endpoints over real HTTP on 127.0.0.1.
 */
import { emitSwagger } from '../../src/emit/swagger';
import { dynamicChoices, LiveCallError, wireCall, type LiveCall } from '../../src/preview/live-call';
import { startPreviewServer, type PreviewServer } from '../../src/preview/preview-server';
import type { LoadedFixture } from '../../src/recordings/format';
import { sample } from '../helpers/sample-connector';
import { previewSwagger } from './sample-swagger';

describe('wireCall', () => {
  test.each<[string, LiveCall, object]>([
    [
      'query inputs in declaration order, arrays joined, internal defaults added, the credential named',
      { operationId: 'GadgetList', params: { ids: [1, 2], kind: 'a', unknown: 'x' } },
      {
        method: 'GET',
        path: '/v2/gadgets',
        query: [
          ['kind', 'a'],
          ['api-version', '2024-01-01'],
          ['ids', '1,2'],
        ],
        headers: {},
        credential: { in: 'header', name: 'X-Key' },
      },
    ],
    [
      'a header, and the body with its internal default',
      { operationId: 'GadgetAdd', params: { 'X-Trace': 't1' }, body: { gadget: { name: 'n' } } },
      {
        method: 'POST',
        path: '/v2/gadgets',
        query: [],
        headers: { 'X-Trace': 't1' },
        body: { gadget: { name: 'n', source: 'pcdk' } },
        credential: { in: 'header', name: 'X-Key' },
      },
    ],
  ])('%s', (_what, call, want) => {
    expect(wireCall(previewSwagger, call)).toEqual(want);
  });

  test('path inputs are encoded into the path; a missing one leaves the segment empty', () => {
    const doc = emitSwagger(sample);
    expect(wireCall(doc, { operationId: 'WidgetGet', params: { widget_id: 'a/b c' } }).path).toBe(
      '/v1/widgets/a%2Fb%20c',
    );
    expect(wireCall(doc, { operationId: 'WidgetGet', params: {} }).path).toBe('/v1/widgets/');
  });

  test('an unknown operation is a clear error', () => {
    expect(() => wireCall(previewSwagger, { operationId: 'Nope', params: {} })).toThrow(
      new LiveCallError('the connector has no operation "Nope"'),
    );
  });
});

describe('dynamicChoices', () => {
  test.each<[string, unknown, [string, string, string], { value: string; title: string }[]]>([
    [
      'a collection of objects',
      { forms: [{ id: 1, name: 'A' }] },
      ['forms', 'id', 'name'],
      [{ value: '1', title: 'A' }],
    ],
    [
      'a nested collection',
      { data: { items: [{ k: 'x', t: { n: 'X' } }] } },
      ['data/items', 'k', 't/n'],
      [{ value: 'x', title: 'X' }],
    ],
    ['the response itself', [{ id: 2 }], ['', 'id', ''], [{ value: '2', title: '2' }]],
    ['items without a title', { l: [{ id: 3 }] }, ['l', 'id', 'name'], [{ value: '3', title: '3' }]],
  ])('%s', (_what, body, [collection, value, title], want) => {
    expect(dynamicChoices(body, collection, value, title)).toEqual(want);
  });

  test('an answer without the collection says where it looked', () => {
    expect(() => dynamicChoices({ other: [] }, 'forms', 'id', 'name')).toThrow('the answer has no array at "forms"');
  });
});

describe('the preview endpoints', () => {
  const widgets = {
    total_pages: 1,
    widgets: [
      { id: 7, name: 'Seven' },
      { id: 8, name: 'Eight' },
    ],
  };
  const fixtures: LoadedFixture[] = [
    {
      file: 'WidgetList.01-recorded.json',
      fixture: {
        operationId: 'WidgetList',
        source: 'test',
        kind: 'recorded',
        request: { method: 'GET', path: '/v1/widgets', query: {}, body: null },
        response: { status: 200, headers: { 'content-type': 'application/json' }, body: widgets },
      },
    },
  ];
  let server: PreviewServer;
  const log: string[] = [];
  beforeAll(async () => {
    server = await startPreviewServer({ connector: sample, fixtures, log: (l) => log.push(l) });
  });
  afterAll(() => server.close());

  const post = async (endpoint: string, body: string): Promise<[number, unknown]> => {
    const res = await fetch(`${server.pageUrl}${endpoint}`, { method: 'POST', body });
    return [res.status, await res.json()];
  };

  test('the page is served live at /_pcdk/preview/ on 127.0.0.1', async () => {
    expect(server.pageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_pcdk\/preview\/$/);
    const res = await fetch(server.pageUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<body data-live="on">');
    const bare = await fetch(server.pageUrl.slice(0, -1), { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([308, '/_pcdk/preview/']);
  });

  test('the API is still answered beside it', async () => {
    const res = await fetch(`${server.baseUrl}widgets`, { headers: { 'X-Api-Key': 'k' } });
    expect([res.status, await res.json()]).toEqual([200, widgets]);
  });

  test('values: a dropdown fills from the recorded answer', async () => {
    const body = JSON.stringify({
      operationId: 'WidgetList',
      params: {},
      collection: 'widgets',
      valuePath: 'id',
      titlePath: 'name',
    });
    expect(await post('values', body)).toEqual([
      200,
      {
        items: [
          { value: '7', title: 'Seven' },
          { value: '8', title: 'Eight' },
        ],
      },
    ]);
  });

  test.each<[string, string, string, number, unknown]>([
    [
      'a call without a fixture gets the replay server’s answer',
      'invoke',
      JSON.stringify({ operationId: 'WidgetGet', params: { widget_id: '7' } }),
      200,
      {
        request: { method: 'GET', url: '/v1/widgets/7' },
        status: 501,
        body: { error: 'No Fixture', message: 'no 2xx fixture for WidgetGet' },
      },
    ],
    [
      'a body that does not fit the definition is refused with the reason',
      'invoke',
      JSON.stringify({ operationId: 'WidgetAdd', params: {}, body: { color: 'red' } }),
      200,
      {
        request: { method: 'POST', url: '/v1/widgets' },
        status: 400,
        body: { error: 'Bad Request', message: 'WidgetAdd: body "name" is missing' },
      },
    ],
    [
      'a dropdown whose source has no fixture says so',
      'values',
      JSON.stringify({
        operationId: 'WidgetGet',
        params: { widget_id: '9' },
        collection: 'x',
        valuePath: 'id',
        titlePath: 'name',
      }),
      200,
      { error: 'WidgetGet answered 501: no 2xx fixture for WidgetGet' },
    ],
    [
      'a dropdown whose source answers without the collection says where it looked',
      'values',
      JSON.stringify({ operationId: 'WidgetList', params: {}, collection: 'x', valuePath: 'id', titlePath: 'name' }),
      200,
      { error: 'WidgetList: the answer has no array at "x"' },
    ],
    ['not JSON', 'invoke', '{', 400, { error: 'the preview request is not JSON' }],
    [
      'no operationId',
      'invoke',
      '{}',
      400,
      { error: 'a preview request needs {"operationId": string, "params": object}' },
    ],
    [
      'params not an object',
      'values',
      JSON.stringify({ operationId: 'WidgetList', params: [] }),
      400,
      { error: '"params" must be an object of inputs by name' },
    ],
    [
      'an unknown operation',
      'invoke',
      JSON.stringify({ operationId: 'Nope', params: {} }),
      400,
      { error: 'the connector has no operation "Nope"' },
    ],
  ])('%s', async (_what, endpoint, body, status, want) => {
    expect(await post(endpoint, body)).toEqual([status, want]);
  });

  test('an unknown preview path is a 404 that says where the page is', async () => {
    const res = await fetch(`${server.pageUrl}nothing`);
    expect([res.status, await res.json()]).toEqual([
      404,
      { error: 'the preview has no GET /_pcdk/preview/nothing; the page is at /_pcdk/preview/' },
    ]);
  });

  test('the connection placeholder never shows in what the page is told or the log', async () => {
    const [, reply] = await post('invoke', JSON.stringify({ operationId: 'WidgetList', params: {} }));
    expect(JSON.stringify(reply)).not.toContain('pcdk-preview-connection');
    expect(log.join('\n')).not.toContain('pcdk-preview-connection');
  });
});
