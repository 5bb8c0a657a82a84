/**
 * A connector folder with only its swagger (as the maker portal downloads it): pcdk import derives
 * apiProperties from securityDefinitions, says what it derived and what is left to decide, and the
 * result rebuilds equal, builds green and type-checks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_IMPORT } from '../../src/cli/commands/import';
import { importConnector } from '../../src/import/import-connector';
import { roundTrip } from '../../src/import/round-trip';
import { buildConnector } from '../../src/synth/build-connector';
import { tempDir, typeCheck } from './sample-source';

const work = tempDir('swagger-only');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const swagger = (securityDefinitions?: Record<string, unknown>) => ({
  swagger: '2.0',
  info: { title: 'Lone Swagger', description: 'A swagger downloaded on its own.', version: '1.0' },
  host: 'api.lone.example.com',
  basePath: '/',
  schemes: ['https'],
  paths: {
    '/items': {
      get: {
        operationId: 'ListItems',
        summary: 'List items',
        description: 'Lists the items.',
        responses: { '200': { description: 'OK', schema: { type: 'array', items: { type: 'string' } } } },
      },
    },
  },
  ...(securityDefinitions ? { securityDefinitions } : {}),
});

function folder(name: string, doc: unknown): string {
  const dir = path.join(work, 'src', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'apiDefinition.swagger.json'), JSON.stringify(doc, null, 2));
  return dir;
}

// [name, securityDefinitions, the connection parameters derived (name -> type), what the warning says]
const rows: [string, Record<string, unknown> | undefined, Record<string, string>, string][] = [
  ['no security', undefined, {}, 'no connection parameters (no security)'],
  ['an API key', { key: { type: 'apiKey', in: 'header', name: 'X-Key' } }, { api_key: 'securestring' }, 'api_key'],
  ['basic auth', { basic: { type: 'basic' } }, { username: 'securestring', password: 'securestring' }, 'username'],
  [
    'OAuth 2 (authorization code)',
    {
      oauth: {
        type: 'oauth2',
        flow: 'accessCode',
        authorizationUrl: 'https://login.lone.example.com/authorize',
        tokenUrl: 'https://login.lone.example.com/token',
        scopes: { read: 'Read items' },
      },
    },
    { token: 'oauthSetting' },
    'token',
  ],
];

describe('a swagger on its own', () => {
  test.each(rows)('%s: derived, equal, green', async (name, security, parameters, derived) => {
    const dir = folder(name.replace(/[^a-z0-9]+/gi, '-'), swagger(security));
    const out = path.join(work, 'out');
    const r = await roundTrip(dir, { workDir: out, modelImport: MODEL_IMPORT });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([r.swaggerEqual, r.apiPropertiesEqual]).toEqual([true, true]);
    const warning = r.diagnostics.find((d) => d.code === 'import-properties-derived');
    expect(warning).toMatchObject({ severity: 'warning', file: 'apiProperties.json' });
    expect(warning!.message).toContain(derived);
    expect(warning!.message).toContain('publisher and stackOwner');
    const props = (r.imported.source.apiProperties as { properties: Record<string, any> }).properties;
    expect(
      Object.fromEntries(Object.entries(props.connectionParameters).map(([k, v]: [string, any]) => [k, v.type])),
    ).toEqual(parameters);
    expect(props.iconBrandColor).toBe('#da3b01');
    // No secret is made up: OAuth's client secret is empty, its client id a placeholder to replace.
    if (parameters.token) {
      expect(props.connectionParameters.token.oAuthSettings).toMatchObject({
        clientId: 'YOUR_CLIENT_ID',
        clientSecret: '',
      });
      expect(warning!.message).toContain('YOUR_CLIENT_ID');
    }
    const built = await buildConnector(r.connector!, { outDir: out, dryRun: true, env: {} });
    expect(built.diagnostics.filter((d) => d.severity === 'error' || d.code.startsWith('known-finding-'))).toEqual([]);
    expect(typeCheck(path.join(out, r.id))).toEqual([]);
  });

  test('with no readable swagger either, both files are reported missing', async () => {
    const dir = path.join(work, 'src', 'empty');
    fs.mkdirSync(dir, { recursive: true });
    const r = await importConnector(dir, { modelImport: MODEL_IMPORT });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['import-file-missing', 'apiDefinition.swagger.json'],
      ['import-file-missing', 'apiProperties.json'],
    ]);
  });
});
