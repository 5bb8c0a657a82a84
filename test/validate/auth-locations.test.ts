/**
 * A mistake in an oauth2() auth written in a file of its own is reported at that file and the
 * line of the faulty key, loaded from source as `pcdk build` loads it; the secret never shows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDescriptors } from '../../src/load/load-descriptors';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import { formatDiagnostic } from '../../src/diagnostics';
import { BASE, ID, lineOf, writeMistake } from '../helpers/author-mistakes';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-auth-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const VALID: Record<string, string> = {
  identityProvider: "'oauth2'",
  clientId: "'demo-client'",
  clientSecret: "secret('DEMO_CLIENT_SECRET')",
  authorizationUrl: "'https://login.demo.example/oauth/authorize'",
  tokenUrl: "'https://login.demo.example/oauth/token'",
  scopes: "['things.read', 'things.write']",
};

function authFile(patch: Record<string, string>): string {
  const fields = Object.entries({ ...VALID, ...patch }).map(([k, v]) => `  ${k}: ${v},`);
  return ["import { oauth2, secret } from 'pcdk';", '', 'export const auth = oauth2({', ...fields, '});', ''].join(
    '\n',
  );
}

const connectorTs = BASE['connector.ts']!.replace(
  "import { defineConnector } from 'pcdk';",
  "import { defineConnector } from 'pcdk';\nimport { auth } from './auth';",
).replace("  auth: { type: 'none' },", '  auth,');

let n = 0;
async function findings(patch: Record<string, string>) {
  const defs = path.join(tmp, `defs-${++n}`);
  const text = authFile(patch);
  writeMistake(defs, ID, {
    name: 'auth',
    code: 'auth-invalid',
    file: 'auth.ts',
    files: { 'connector.ts': connectorTs, 'auth.ts': text },
  });
  const loaded = await loadDescriptors(ID, defs);
  expect(loaded.diagnostics).toEqual([]);
  return { text, found: validateDescriptor(loaded.connector!).filter((d) => d.code.startsWith('auth-')) };
}

test('a valid oauth2() auth has no findings', async () => {
  expect((await findings({})).found).toEqual([]);
}, 30_000);

test.each([
  ['tokenUrl', "'http://login.demo.example/oauth/token'", 'auth-url-invalid'],
  ['authorizationUrl', "'login.demo.example/authorize'", 'auth-url-invalid'],
  ['scopes', "['things.read', 'things.read']", 'auth-scopes-invalid'],
  ['clientSecret', "'hunter2-literal' as never", 'auth-client-secret-invalid'],
  ['clientId', "''", 'auth-client-id-missing'],
  ['identityProvider', "'aadcertificate' as never", 'auth-identity-provider-invalid'],
])(
  '%s: reported at auth.ts, on its line',
  async (key, value, code) => {
    const { text, found } = await findings({ [key]: value });
    expect(found.map((d) => d.code)).toEqual([code]);
    const d = found[0]!;
    expect(path.basename(d.source!.file)).toBe('auth.ts');
    expect(d.source!.line).toBe(lineOf(text, `  ${key}:`));
    expect(d.connector).toBe(ID);
    expect(d.hint.length).toBeGreaterThan(10);
    expect(formatDiagnostic(d)).not.toContain('hunter2-literal');
  },
  30_000,
);

test('a mistake in an oauth2() inside connectionParameterSets is reported at its own line', async () => {
  const defs = path.join(tmp, `defs-${++n}`);
  const text = [
    "import { apiKey, connectionParameterSets, oauth2, secret } from 'pcdk';",
    '',
    'const viaOAuth = oauth2({',
    "  clientId: 'demo-client',",
    "  clientSecret: secret('DEMO_CLIENT_SECRET'),",
    "  authorizationUrl: 'https://login.demo.example/oauth/authorize',",
    "  tokenUrl: 'http://login.demo.example/oauth/token',",
    "  scopes: ['things.read'],",
    '});',
    '',
    'export const auth = connectionParameterSets({',
    '  sets: [',
    "    { name: 'keyAuth', displayName: 'Key', description: 'A key.', auth: apiKey({ in: 'header', name: 'X-Key' }) },",
    "    { name: 'oauthAuth', displayName: 'OAuth', description: 'Sign in.', auth: viaOAuth },",
    '  ],',
    '});',
    '',
  ].join('\n');
  writeMistake(defs, ID, {
    name: 'sets',
    code: 'auth-url-invalid',
    file: 'auth.ts',
    files: { 'connector.ts': connectorTs, 'auth.ts': text },
  });
  const loaded = await loadDescriptors(ID, defs);
  const found = validateDescriptor(loaded.connector!).filter((d) => d.code.startsWith('auth-'));
  expect(found.map((d) => [d.code, d.field])).toEqual([['auth-url-invalid', 'auth.sets[1].auth.tokenUrl']]);
  expect(path.basename(found[0]!.source!.file)).toBe('auth.ts');
  expect(found[0]!.source!.line).toBe(lineOf(text, '  tokenUrl:'));
}, 30_000);
