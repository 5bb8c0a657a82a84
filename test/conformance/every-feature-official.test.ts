/**
 * The connector with every feature (test/helpers/every-feature-connector.ts), built, validates
 * with zero errors against the official schemas in ../shared and the certification rules.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics';
import { buildConnector } from '../../src/synth/build-connector';
import { validateBuilt } from '../../src/validate/validate-target';
import { everyFeatureConnector as connector } from '../helpers/every-feature-connector';
import { sharedDir } from '../helpers/shared';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-every-official-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('it builds, and validates with zero errors against the official schemas and the certification rules', async () => {
  const built = await buildConnector(connector, { outDir: out, env: { NOTES_CLIENT_SECRET: 'zoo-secret-1' } });
  expect(built.ok).toBe(true);
  const validated = await validateBuilt(connector, path.join(out, connector.id, 'connector'), {
    schemasDir: path.join(sharedDir(), 'schemas'),
    certification: true,
  });
  const layers = new Set(validated.diagnostics.map((d) => d.code));
  expect(layers).not.toContain('schemas-unavailable');
  expect(validated.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
}, 120_000);
