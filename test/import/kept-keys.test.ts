/**
 * Issue 11, item 3: keys that made pcdk import refuse real connectors are modelled or kept
 * verbatim, so the rebuilt files equal the source. One small inline source per key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_IMPORT } from '../../src/cli/commands/import';
import { roundTrip } from '../../src/import/round-trip';
import { tempDir, typeCheck, writeSource } from './sample-source';

const work = tempDir('kept');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function swagger(pathItem: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Hooks', version: '1.0' },
    host: 'api.hooks.example.com',
    basePath: '/',
    schemes: ['https'],
    paths: {
      '/hooks': {
        ...pathItem,
        post: {
          operationId: 'OnEvent',
          summary: 'When an event happens',
          'x-ms-trigger': 'single',
          responses: { '201': { description: 'Created' } },
        },
      },
    },
  };
}
const properties = (extra: Record<string, unknown> = {}) => ({
  properties: { iconBrandColor: '#007ee5', publisher: 'Hooks', ...extra },
});
const notification = (extra: Record<string, unknown>) => ({
  'x-ms-notification-content': { description: 'The event.', schema: { type: 'object' }, ...extra },
});

// [name, swagger, apiProperties, warning codes the import reports]
const rows: [string, unknown, unknown, string[]][] = [
  ['a script key in apiProperties', swagger(), properties({ script: { file: 'script.csx' } }), []],
  ['a lower-case stackowner', swagger(), properties({ stackowner: 'Hooks Inc' }), []],
  ['stackowner beside stackOwner', swagger(), properties({ stackOwner: 'Hooks Inc', stackowner: 'Hooks Inc' }), []],
  [
    'another apiProperties key the model lacks',
    swagger(),
    properties({ throttling: { calls: 10 }, environment: 'prod' }),
    ['import-properties-kept'],
  ],
  [
    'headers in x-ms-notification-content',
    swagger(notification({ headers: { 'X-Signature': { type: 'string', description: 'HMAC of the body.' } } })),
    properties(),
    [],
  ],
  [
    'parameters in x-ms-notification-content',
    swagger(notification({ parameters: [{ name: 'id', in: 'query', type: 'string' }] })),
    properties(),
    [],
  ],
  ['title in x-ms-notification-content', swagger(notification({ title: 'Event' })), properties(), []],
  ['summary in x-ms-notification-content', swagger(notification({ summary: 'Event payload' })), properties(), []],
];

describe('keys the model lacks are kept: the round trip stays equal', () => {
  test.each(rows)('%s', async (name, s, p, warnings) => {
    const dir = writeSource(path.join(work, 'src', name.replace(/[^a-z]+/gi, '-')), s, p);
    const out = path.join(work, 'out');
    const r = await roundTrip(dir, { workDir: out, modelImport: MODEL_IMPORT });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.differences).toEqual([]);
    expect([r.swaggerEqual, r.apiPropertiesEqual]).toEqual([true, true]);
    const kept = r.diagnostics.filter((d) => d.code === 'import-properties-kept');
    expect(kept.map((d) => d.code)).toEqual(warnings);
    // The warning names every kept key and where the first one is.
    if (warnings.length)
      expect(kept[0]).toMatchObject({ file: 'apiProperties.json', pointer: '/properties/throttling' });
    if (warnings.length) expect(kept[0]!.message).toContain('throttling, environment');
    // What the import writes is valid, strictly typed descriptor source.
    expect(typeCheck(path.join(out, r.id))).toEqual([]);
  });

  test('a notification-content header that is not a header object is still an error naming its pointer', async () => {
    const dir = writeSource(
      path.join(work, 'src', 'bad-header'),
      swagger(notification({ headers: { 'X-Signature': { type: 'string', shema: {} } } })),
      properties(),
    );
    const r = await roundTrip(dir, { workDir: path.join(work, 'out'), modelImport: MODEL_IMPORT });
    expect(r.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual([
      'import-unsupported',
      '/paths/~1hooks/x-ms-notification-content/headers/X-Signature/shema',
    ]);
  });
});
