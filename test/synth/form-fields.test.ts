/**
 * Form fields (formData(), t.file()): written as Swagger 2.0 `in: formData` with the operation's
 * own consumes, checked against recorded form bodies, sent by the designer preview to the replay
 * server, and refused where pcdk cannot send them yet (the generated client, the recorder) with a
 * reason instead of a wrong request.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emitSwagger, operationJson } from '../../src/emit/swagger';
import { formData, operation, path as pathParam, t, type Operation } from '../../src/model';
import { invokeLive, wireCall } from '../../src/preview/live-call';
import { checkFixtures } from '../../src/recordings/check';
import type { FixtureSet, LoadedFixture } from '../../src/recordings/format';
import { recordExchange } from '../../src/recordings/record';
import { startReplayServer, type RunningServer } from '../../src/recordings/replay-server';
import { buildConnector } from '../../src/synth/build-connector';
import { getWidget, listWidgets, variant } from '../helpers/sample-connector';

const upload = operation({
  id: 'WidgetPhotoAdd',
  method: 'post',
  path: '/widgets/{id}/photos',
  summary: 'Add a photo to a widget',
  description: 'Uploads a photo of a widget.',
  consumes: ['multipart/form-data'],
  params: {
    id: pathParam(t.string({ title: 'Widget ID', description: 'The widget.' })),
    photo: formData(t.file({ title: 'Photo', description: 'The image file.' }), { required: true }),
    caption: formData(t.string({ title: 'Caption', description: 'Shown under the photo.' })),
  },
  responses: { 201: t.partial({ id: t.string({ title: 'Photo ID', description: 'The new photo.' }) }) },
});
const connector = variant({ operations: [listWidgets, getWidget, upload] });

/** A recorded upload of widget w1's photo with `body` as its request body, answered 201. */
const uploadFixture = (body: unknown): LoadedFixture => ({
  file: 'WidgetPhotoAdd.01.json',
  fixture: {
    operationId: 'WidgetPhotoAdd',
    source: 'test',
    kind: 'documented-example',
    request: { method: 'POST', path: '/v1/widgets/w1/photos', query: {}, headers: { 'X-Api-Key': '[REDACTED]' }, body },
    response: { status: 201, headers: {}, body: { id: 'p1' } },
  },
});

test('a form upload is written as formData parameters under the operation consumes', () => {
  const json = operationJson(upload);
  expect(json.consumes).toEqual(['multipart/form-data']);
  expect(json.parameters).toEqual([
    expect.objectContaining({ name: 'id', in: 'path', required: true }),
    {
      name: 'photo',
      in: 'formData',
      'x-ms-summary': 'Photo',
      description: 'The image file.',
      required: true,
      type: 'file',
    },
    {
      name: 'caption',
      in: 'formData',
      'x-ms-summary': 'Caption',
      description: 'Shown under the photo.',
      required: false,
      type: 'string',
    },
  ]);
});

test('it builds with every layer clean, and no client, saying why', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-form-'));
  const r = await buildConnector(connector, { outDir: out });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const skipped = r.diagnostics.find((d) => d.code === 'client-skipped');
  expect(skipped?.message).toContain('WidgetPhotoAdd sends form fields');
  expect(fs.readFileSync(path.join(out, 'widgets', 'client', 'README.md'), 'utf8')).toContain('form fields');
  const swagger = JSON.parse(
    fs.readFileSync(path.join(out, 'widgets', 'connector', 'apiDefinition.swagger.json'), 'utf8'),
  );
  expect(swagger.paths['/widgets/{id}/photos'].post.consumes).toEqual(['multipart/form-data']);
}, 60_000);

describe('recorded form bodies', () => {
  const set = (body: unknown): FixtureSet => ({ invalid: [], fixtures: [uploadFixture(body)] });
  const found = (body: unknown) =>
    checkFixtures(connector, set(body))
      .filter((d) => d.operation === 'WidgetPhotoAdd')
      .map((d) => [d.code, d.field]);

  test.each<[string, unknown, unknown[]]>([
    ['fields recorded as an object (multipart)', { photo: '<binary>', caption: 'Front' }, []],
    ['urlencoded text', 'photo=x&caption=Front', []],
    ['the required file missing', { caption: 'Front' }, [['fixture-input-missing', 'request.body.photo']]],
    ['no body at all', undefined, [['fixture-input-missing', 'request.body.photo']]],
  ])('%s', (_name, body, expected) => {
    expect(found(body)).toEqual(expected);
  });
});

test('the recorder refuses an operation with form fields instead of sending it wrong', async () => {
  await expect(
    recordExchange({
      connector,
      operationId: 'WidgetPhotoAdd',
      params: { id: 'w1' },
      secret: 's3cr3t',
      fetch: async () => {
        throw new Error('must not be called');
      },
    } as never),
  ).rejects.toThrow(/sends form fields \(formData\(\)\), which the recorder does not encode yet/);
});

test('a form field and a JSON body together are refused by the descriptor rules', async () => {
  const both: Operation = operation({ ...(upload as never as Record<string, unknown>), body: t.object({}) } as never);
  const r = await buildConnector(variant({ operations: [listWidgets, getWidget, both] }), {
    outDir: os.tmpdir(),
    dryRun: true,
  });
  expect(r.ok).toBe(false);
  expect(r.diagnostics.map((d) => d.code)).toContain('body-and-form-data');
});

describe('the designer preview sends form fields to the replay server, over real HTTP', () => {
  const doc = emitSwagger(connector);
  let server: RunningServer;
  beforeAll(async () => {
    server = await startReplayServer({ connector, fixtures: [uploadFixture('photo=x&caption=Front')] });
  });
  afterAll(() => server.close());

  test('the call is put on the wire as form fields, not a JSON body', () => {
    const call = { operationId: 'WidgetPhotoAdd', params: { id: 'w1', photo: 'x', caption: 'Front' } };
    expect(wireCall(doc, call)).toMatchObject({
      method: 'POST',
      path: '/v1/widgets/w1/photos',
      form: [
        ['photo', 'x'],
        ['caption', 'Front'],
      ],
    });
    expect(wireCall(doc, call).body).toBeUndefined();
  });

  test.each<[string, Record<string, string>, number, unknown]>([
    ['every field: the recorded answer', { id: 'w1', photo: 'x', caption: 'Front' }, 201, { id: 'p1' }],
    [
      'the required file missing: a 400 naming it',
      { id: 'w1', caption: 'Front' },
      400,
      expect.objectContaining({ message: expect.stringContaining('photo') }),
    ],
  ])('%s', async (_name, params, status, body) => {
    const origin = `http://127.0.0.1:${server.port}`;
    const reply = await invokeLive(doc, origin, { operationId: 'WidgetPhotoAdd', params });
    expect([reply.status, reply.body]).toEqual([status, body]);
  });
});
