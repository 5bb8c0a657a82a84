/**
 * Issue 11, item 4: a connector whose apiProperties hold an OAuth client secret is imported; the
 * descriptor names an environment variable instead (secret('ENV')), the import warns, and the
 * secret appears in no generated file and no output stream. pcdk build reads the variable, and
 * fails naming it when it is missing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { sampleApiProperties, sampleSwagger, tempDir, typeCheck, writeSource } from './sample-source';

// Distinctive, so that any copy of it (whole, or its JSON-escaped form) is found.
const SECRET = 'zoo-s3cr3t-Qx9/+v==';
const SECOND = 'second-s3cr3t-7Hk';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((e) => (e.isFile() ? [path.join(e.parentPath, e.name)] : []));
}

function withSecrets(): Record<string, any> {
  const p = sampleApiProperties() as Record<string, any>;
  p.properties.connectionParameters.token.oAuthSettings.clientSecret = SECRET;
  const set = p.properties.connectionParameterSets.values[0].parameters;
  set.oauth = {
    type: 'oauthSetting',
    oAuthSettings: { identityProvider: 'oauth2', clientId: 'c', clientSecret: SECOND },
  };
  return p;
}

describe('an OAuth client secret in the source', () => {
  const work = tempDir('secret');
  const src = writeSource(path.join(work, 'src', 'Zoo'), sampleSwagger(), withSecrets());
  const defs = path.join(work, 'definitions');
  const out = path.join(defs, 'zoo');
  const dist = path.join(work, 'dist');
  let imported: Awaited<ReturnType<typeof runCli>>;
  // The sample carries keys the official schemas do not know, as published connectors do; this
  // suite is about secrets, so its builds run without that layer even where CI sets PCDK_SCHEMAS.
  const schemas = process.env.PCDK_SCHEMAS;
  beforeAll(async () => {
    delete process.env.PCDK_SCHEMAS;
    imported = await runCli(['import', src, '--id', 'zoo', '--out', out]);
  });
  afterAll(() => {
    if (schemas !== undefined) process.env.PCDK_SCHEMAS = schemas;
    delete process.env.ZOO_CLIENT_SECRET;
    delete process.env.ZOO_CLIENT_SECRET_2;
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('is imported, the round trip verified equal, with a warning naming the variable', () => {
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('rebuilt swagger and apiProperties equal the source');
    expect(imported.err).toContain('ZOO_CLIENT_SECRET');
    expect(imported.err).toContain('ZOO_CLIENT_SECRET_2');
    expect(imported.err).toContain('/properties/connectionParameters/token/oAuthSettings/clientSecret');
  });

  test('the descriptor names the variables, and type-checks', () => {
    const connector = fs.readFileSync(path.join(out, 'connector.ts'), 'utf8');
    expect(connector).toContain("clientSecret: secret('ZOO_CLIENT_SECRET')");
    expect(connector).toContain("clientSecret: secret('ZOO_CLIENT_SECRET_2')");
    expect(connector).toMatch(/^import \{ defineConnector, secret, .*\} from 'pcdk';$/m);
    expect(typeCheck(out)).toEqual([]);
  });

  test('the secrets appear in no generated file and in neither output stream', () => {
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(3);
    for (const value of [SECRET, SECOND, JSON.stringify(SECRET).slice(1, -1)]) {
      for (const f of files) expect([f, fs.readFileSync(f, 'latin1').includes(value)]).toEqual([f, false]);
      expect(imported.out).not.toContain(value);
      expect(imported.err).not.toContain(value);
    }
  });

  test('pcdk build without the variables warns, naming each one and the .ts line, and writes the secret empty', async () => {
    delete process.env.ZOO_CLIENT_SECRET;
    delete process.env.ZOO_CLIENT_SECRET_2;
    const r = await runCli(['build', 'zoo', '--definitions', defs, '--out', dist]);
    expect(r.code).toBe(0);
    const text = r.out + r.err;
    expect(text).toContain(
      "warning [secret-env-missing] zoo > connectionParameters.token.oAuthSettings.clientSecret is secret('ZOO_CLIENT_SECRET'), and the environment variable ZOO_CLIENT_SECRET is not set".replace(
        'warning [secret-env-missing] zoo > ',
        '',
      ),
    );
    expect(text).toContain('the environment variable ZOO_CLIENT_SECRET_2 is not set');
    expect(text).toMatch(/warning \[secret-env-missing\]/);
    const line = fs
      .readFileSync(path.join(out, 'connector.ts'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes("secret('ZOO_CLIENT_SECRET')"));
    expect(text).toContain(`connector.ts:${line + 1}:`);
    expect(text).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    const props = JSON.parse(fs.readFileSync(path.join(dist, 'zoo', 'connector', 'apiProperties.json'), 'utf8'));
    expect(props.properties.connectionParameters.token.oAuthSettings.clientSecret).toBe('');
  });

  test('pcdk build with the variables set copies neither value anywhere: paconn or pac gets it at deployment', async () => {
    process.env.ZOO_CLIENT_SECRET = SECRET;
    process.env.ZOO_CLIENT_SECRET_2 = SECOND;
    const r = await runCli(['build', 'zoo', '--definitions', defs, '--out', dist]);
    expect(r.code).toBe(0);
    expect(r.out + r.err).not.toContain('secret-env-missing');
    for (const value of [SECRET, SECOND]) {
      expect(r.out + r.err).not.toContain(value);
      const holding = filesUnder(path.join(dist, 'zoo')).filter((f) => fs.readFileSync(f, 'latin1').includes(value));
      expect(holding).toEqual([]);
    }
    const props = JSON.parse(fs.readFileSync(path.join(dist, 'zoo', 'connector', 'apiProperties.json'), 'utf8'));
    const expected = withSecrets();
    expected.properties.connectionParameters.token.oAuthSettings.clientSecret = '';
    expected.properties.connectionParameterSets.values[0].parameters.oauth.oAuthSettings.clientSecret = '';
    expect(props).toEqual(expected);
  });
});
