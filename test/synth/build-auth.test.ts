/** An OAuth or basic connector builds with a real client, and never writes its client secret. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { basicAuth, oauth2 } from '../../src/model/auth';
import { buildConnector } from '../../src/synth/build-connector';
import { notesConnector, OAUTH, SETS } from '../helpers/auth-connectors';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-build-auth-'));
  roots.push(d);
  return d;
};

function allText(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

test.each([
  ['oauth2', oauth2(OAUTH)],
  ['basic', basicAuth()],
])(
  '%s: the build writes the client (no client-skipped)',
  async (_n, auth) => {
    const out = tmp();
    const r = await buildConnector(notesConnector(auth), {
      outDir: out,
      env: { NOTES_CLIENT_SECRET: 'the-real-secret' },
    });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('client-skipped');
    expect(fs.readdirSync(path.join(out, 'notes', 'client'))).toEqual(
      expect.arrayContaining(['index.cjs', 'index.mjs']),
    );
    expect(allText(out)).not.toContain('the-real-secret');
  },
  60_000,
);

test('an unset clientSecret variable is a warning naming it and the field, never a value', async () => {
  const r = await buildConnector(notesConnector(oauth2(OAUTH)), { outDir: tmp(), env: {} });
  expect(r.ok).toBe(true);
  const d = r.diagnostics.find((x) => x.code === 'secret-env-missing');
  expect(d).toMatchObject({ severity: 'warning', field: 'auth.clientSecret' });
  expect(d!.message).toContain('NOTES_CLIENT_SECRET');
}, 60_000);

test('an oauth2() inside connectionParameterSets is checked too, and the build writes its client', async () => {
  const out = tmp();
  const r = await buildConnector(notesConnector(SETS), { outDir: out, env: {} });
  expect(r.ok).toBe(true);
  expect(r.diagnostics.map((d) => [d.code, d.field])).toEqual(
    expect.arrayContaining([['secret-env-missing', 'auth.sets[1].auth.clientSecret']]),
  );
  expect(r.diagnostics.map((d) => d.code)).not.toContain('client-skipped');
  expect(fs.readdirSync(path.join(out, 'notes', 'client'))).toEqual(expect.arrayContaining(['index.cjs', 'index.mjs']));
}, 60_000);
