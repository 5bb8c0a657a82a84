/** The build checks a connector's recordings (layer 5), and a missing one fails it only when the connector requires them. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import convertkit from '../../definitions/convertkit/connector';
import { buildConnector } from '../../src/synth/build-connector';
import { checkRecordingsForBuild } from '../../src/synth/recordings-check';

const committed = path.join(__dirname, '..', '..', 'definitions', 'convertkit', 'recordings');

function copyWithout(file: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-rec-')), 'recordings');
  fs.cpSync(committed, dir, { recursive: true });
  fs.rmSync(path.join(dir, file));
  return dir;
}

test('ConvertKit requires every recording: a missing one fails the build and nothing is written', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bout-'));
  const r = await buildConnector(convertkit, {
    outDir: out,
    recordingsDir: copyWithout('PurchaseGet.01-documented-example.json'),
  });
  expect(r.ok).toBe(false);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.operation])).toEqual([
    ['recording-required', 'PurchaseGet'],
  ]);
  expect(fs.existsSync(path.join(out, 'convertkit'))).toBe(false);
}, 60_000);

test('a connector that does not require recordings builds with a warning for the gap', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bout-'));
  const relaxed = { ...convertkit, requireRecordings: false };
  const r = await buildConnector(relaxed, {
    outDir: out,
    recordingsDir: copyWithout('PurchaseGet.01-documented-example.json'),
  });
  expect(r.ok).toBe(true);
  expect(r.diagnostics.filter((d) => d.code === 'recording-missing').map((d) => [d.operation, d.severity])).toEqual([
    ['PurchaseGet', 'warning'],
  ]);
}, 60_000);

test('with the committed recordings the build passes and writes dist/<id>/client', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bout-'));
  const r = await buildConnector(convertkit, { outDir: out, recordingsDir: committed });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.diagnostics.some((d) => d.code === 'fixture-known-mismatch')).toBe(true);
  expect(fs.readdirSync(path.join(out, 'convertkit', 'client')).sort()).toEqual([
    'README.md',
    'index.cjs',
    'index.d.cts',
    'index.d.mts',
    'index.mjs',
    'package.json',
  ]);
}, 60_000);

test('without a recordings folder every operation is unrecorded: warnings, or errors when required', () => {
  const none = path.join(os.tmpdir(), 'pcdk-no-such-folder');
  const relaxed = checkRecordingsForBuild({ ...convertkit, requireRecordings: false }, none);
  expect(relaxed.map((d) => [d.code, d.severity])).toEqual(
    convertkit.operations.map(() => ['recording-missing', 'warning']),
  );
  expect(checkRecordingsForBuild(convertkit, none).map((d) => d.code)).toEqual(
    convertkit.operations.map(() => 'recording-required'),
  );
  // No folder given at all: the caller checks no recordings.
  expect(checkRecordingsForBuild(convertkit, undefined)).toEqual([]);
});
