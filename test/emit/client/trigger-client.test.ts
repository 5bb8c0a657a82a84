/**
 * Webhook triggers in the generated client: a payload type per trigger and parseDelivery, which
 * returns the typed payload or throws DeliveryError (a ClientError) on a malformed delivery.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import convertkit from '../../../definitions/convertkit/connector';
import { loadFixtureDir } from '../../../src/recordings/format';
import { compileClient } from '../../../src/synth/client-artifact';
import { loadClientPackage, typeCheckConsumer, writeClientPackage } from '../../helpers/generated-client';
import { withTriggers } from '../../helpers/trigger-connector';

type Parse = (operationId: string, body: string | Uint8Array) => unknown;

describe('parseDelivery in the built package', () => {
  let dir: string;
  let parse: Parse;
  let mod: ReturnType<typeof loadClientPackage> & { parseDelivery: Parse; DeliveryError: new () => Error };
  beforeAll(async () => {
    dir = await writeClientPackage(withTriggers());
    mod = loadClientPackage(dir) as typeof mod;
    parse = mod.parseDelivery;
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const good = { event: 'widget.created', widget: { id: 7 } };
  test.each([
    ['text', JSON.stringify(good)],
    ['bytes', new TextEncoder().encode(JSON.stringify(good))],
  ])('a well-formed delivery as %s is its payload', (_kind, body) => {
    expect(parse('OnWidgetCreated', body)).toEqual(good);
  });

  test.each([
    ['not JSON', '{"event":', /OnWidgetCreated: the delivery is not its payload: not JSON/],
    ['the wrong top-level type', '[1]', /expected object, got array/],
    ['null', 'null', /expected object, got null/],
    ['a missing required property', '{"event":"widget.created"}', /missing widget/],
    ['an unknown trigger', '{}', /no webhook trigger has this operationId/],
  ])('%s throws DeliveryError', (label, body, message) => {
    const id = label === 'an unknown trigger' ? 'WidgetList' : 'OnWidgetCreated';
    let caught: unknown;
    try {
      parse(id, body);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(mod.DeliveryError);
    expect(caught).toBeInstanceOf(mod.ClientError);
    expect((caught as Error).name).toBe('DeliveryError');
    expect((caught as Error).message).toMatch(message);
  });
});

describe('declarations', () => {
  const HEAD = ["import { parseDelivery, type WidgetsClientPayloads } from './client';"];
  test('the payload is typed; a wrong operationId or field use fails to compile', async () => {
    const { dts } = await compileClient(withTriggers());
    const right = [
      ...HEAD,
      "const p = parseDelivery('OnWidgetCreated', '{}');",
      'const id: number = p.widget.id;',
      "const ev: 'widget.created' = p.event;",
      "const q: WidgetsClientPayloads['OnWidgetCreated'] = p;",
      'void [id, ev, q];',
      '',
    ].join('\n');
    const wrong = [
      ...HEAD,
      "parseDelivery('WidgetList', '{}');",
      "const s: string = parseDelivery('OnWidgetCreated', '{}').widget.id;",
      'void s;',
      '',
    ].join('\n');
    const diags = typeCheckConsumer(
      { '/consumer/client.d.ts': dts, '/consumer/right.ts': right, '/consumer/wrong.ts': wrong },
      { lib: ['es2022', 'dom'], types: [] },
    );
    expect(diags.filter((d) => d.file !== '/consumer/wrong.ts').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual(
      [],
    );
    const wrongAt = (line: number) =>
      diags
        .filter((d) => d.file === '/consumer/wrong.ts' && d.line === line)
        .map((d) => d.message)
        .join('\n');
    expect(wrongAt(2)).toContain('\'"WidgetList"\' is not assignable');
    expect(wrongAt(3)).toContain("not assignable to type 'string'");
  }, 60_000);
});

describe("ConvertKit's client parses the recorded deliveries of its triggers", () => {
  let dir: string;
  let mod: ReturnType<typeof loadClientPackage> & { parseDelivery: Parse; DeliveryError: new () => Error };
  const recordings = loadFixtureDir(path.join(__dirname, '..', '..', '..', 'definitions', 'convertkit', 'recordings'));
  beforeAll(async () => {
    dir = await writeClientPackage(convertkit);
    mod = loadClientPackage(dir) as typeof mod;
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each((recordings.deliveries ?? []).map((d) => [d.file, d] as const))('%s', (_file, d) => {
    const text = JSON.stringify(d.delivery.delivery.body);
    expect(mod.parseDelivery(d.delivery.operationId, text)).toEqual(d.delivery.delivery.body);
  });

  test('a delivery that is not an object is refused for every ConvertKit trigger', () => {
    for (const op of convertkit.operations.filter((o) => o.trigger?.kind === 'webhook'))
      expect(() => mod.parseDelivery(op.id, '[]')).toThrow(mod.DeliveryError);
  });
});
