/** The build runs the fixture check (layer 5) for connectors that have fixtures, and writes the client. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import convertkit from '../../definitions/convertkit/connector';
import { buildConnector } from '../../src/build/build-connector';
import { fixtureDirFor } from '../../src/build/fixture-check';

const committed = path.join(__dirname, '..', 'fixtures');

test('a broken fixture fails the build and nothing is written', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bfx-'));
  fs.cpSync(path.join(committed, 'convertkit'), path.join(root, 'convertkit'), { recursive: true });
  fs.rmSync(path.join(root, 'convertkit', 'PurchaseGet.01-documented-example.json'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bout-'));
  const r = await buildConnector(convertkit, { outDir: out, fixturesRoot: root });
  expect(r.ok).toBe(false);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.operation])).toEqual([['fixture-missing', 'PurchaseGet']]);
  expect(fs.existsSync(path.join(out, 'convertkit'))).toBe(false);
}, 60_000);

test('with the committed fixtures the build passes and writes dist/<id>/client', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bout-'));
  const r = await buildConnector(convertkit, { outDir: out, fixturesRoot: committed });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.diagnostics.some((d) => d.code === 'fixture-known-mismatch')).toBe(true);
  expect(fs.readdirSync(path.join(out, 'convertkit', 'client')).sort()).toEqual(['README.md', 'index.cjs', 'index.d.cts', 'index.d.mts', 'index.mjs', 'package.json']);
}, 60_000);

test('connectors without a fixtures folder are not checked', () => {
  expect(fixtureDirFor(convertkit, os.tmpdir())).toBeUndefined();
  expect(fixtureDirFor(convertkit, undefined)).toBeUndefined();
  expect(fixtureDirFor(convertkit, committed)).toBe(path.join(committed, 'convertkit'));
});
