/**
 * pcdk import writes the errors its connector's build and validate report as knownFindings in
 * connector.ts: the imported connector builds green, says what to fix, and still round-trips.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_IMPORT } from '../../src/cli/commands/import';
import { withKnownFindings } from '../../src/import/known-findings';
import { loadDescriptorFolder } from '../../src/import/load-descriptor';
import { roundTrip } from '../../src/import/round-trip';
import type { KnownFinding } from '../../src/model';
import { buildConnector } from '../../src/synth/build-connector';
import { validateBuilt } from '../../src/validate/validate-target';
import { sampleApiProperties, sampleSwagger, tempDir, typeCheck, writeSource } from './sample-source';

const work = tempDir('known');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The sample with a fault Microsoft accepted in real connectors: an operation without any response. */
function faultySwagger(): Record<string, unknown> {
  const s = sampleSwagger() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  s.paths['/broken'] = {
    get: { operationId: 'Broken', summary: 'Broken', description: 'Has no responses.', responses: {} },
  };
  return s;
}

describe('withKnownFindings', () => {
  const tail = "export default defineConnector({\n  id: 'x',\n});\n";
  test.each<[string, { entry: KnownFinding; message: string }[], string]>([
    ['no findings: unchanged', [], tail],
    [
      'one entry a line, each under a comment quoting its finding',
      [
        { entry: { code: 'swagger-invalid', pointer: '/paths/~1a' }, message: 'swagger-parser rejects */ it' },
        { entry: { code: 'summary-too-long', operation: 'A', field: 'summary' }, message: 'summary is 90\ncharacters' },
      ],
      [
        'export default defineConnector({',
        "  id: 'x',",
        '  // Faults the source had when it was imported: pcdk build and validate report each as a warning, not an',
        '  // error, until it is fixed. Fix one, then delete its entry (a fixed one warns: known-finding-fixed).',
        '  knownFindings: [',
        '    // swagger-parser rejects * / it',
        "    { code: 'swagger-invalid', pointer: '/paths/~1a' },",
        '    // summary is 90 characters',
        "    { code: 'summary-too-long', operation: 'A', field: 'summary' },",
        '  ],',
        '});',
        '',
      ].join('\n'),
    ],
  ])('%s', (_name, found, expected) => {
    expect(withKnownFindings(tail, found)).toBe(expected);
  });

  test('refuses text that does not end with the defineConnector call', () => {
    expect(() => withKnownFindings('const x = 1;\n', [{ entry: { code: 'swagger-invalid' }, message: 'm' }])).toThrow(
      /does not end with the defineConnector/,
    );
  });
});

describe('pcdk import of a connector with faults', () => {
  const src = writeSource(path.join(work, 'src', 'Faulty Zoo'), faultySwagger(), sampleApiProperties());
  const out = path.join(work, 'out');
  let r: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    r = await roundTrip(src, { workDir: out, modelImport: MODEL_IMPORT, validateSource: true });
  });

  test('still round-trips to an equal swagger and apiProperties', () => {
    expect(r.differences).toEqual([]);
    expect([r.swaggerEqual, r.apiPropertiesEqual]).toEqual([true, true]);
  });

  test('writes each error of build and validate as a knownFindings entry, and says so', () => {
    const text = fs.readFileSync(path.join(out, r.id, 'connector.ts'), 'utf8');
    const entries = loadDescriptorFolder(path.join(out, r.id)).knownFindings ?? [];
    expect(entries.length).toBe(r.knownFindings);
    expect(entries).toEqual(
      expect.arrayContaining([
        // swagger-parser (build and validate) and the certification rules (validate).
        { code: 'swagger-invalid', pointer: '/paths/~1broken/get/responses' },
        { code: 'no-response', operation: 'Broken', pointer: '/paths/~1broken/get/responses' },
      ]),
    );
    expect(text).toContain(
      "    // the operation has no responses\n    { code: 'no-response', operation: 'Broken', pointer: '/paths/~1broken/get/responses' },\n",
    );
    expect(r.diagnostics.filter((d) => d.code === 'import-known-findings').map((d) => d.severity)).toEqual(['warning']);
  });

  test('the imported connector builds and validates green, each known finding a warning', async () => {
    const c = loadDescriptorFolder(path.join(out, r.id));
    const built = await buildConnector(c, { outDir: path.join(work, 'dist'), dryRun: true, env: {} });
    const validated = await validateBuilt(c, path.join(work, 'dist', c.id, 'connector'));
    for (const ds of [built.diagnostics, validated.diagnostics]) {
      expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
      expect(ds.filter((d) => d.code.startsWith('known-finding-'))).toEqual([]);
      expect(ds.some((d) => d.code === 'swagger-invalid' && d.message.startsWith('known finding'))).toBe(true);
    }
    expect(validated.diagnostics.find((d) => d.code === 'no-response')?.severity).toBe('warning');
    expect(built.ok).toBe(true);
    // Without the baseline, the same connector fails.
    const bare = await buildConnector({ ...c, knownFindings: undefined }, { outDir: work, dryRun: true, env: {} });
    expect(bare.ok).toBe(false);
  });

  test('the generated descriptors pass a strict type-check', () => {
    expect(typeCheck(out)).toEqual([]);
  }, 60_000);
});
