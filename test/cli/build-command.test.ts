/**
 * `pcdk build` end to end, in process: TypeScript definitions loaded from a folder, diagnostics
 * printed for a user (no stack trace), exit codes 0 / 1 / 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { runCli } from '../helpers/run-cli';

function definitions(body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-defs-'));
  fs.mkdirSync(path.join(dir, 'demo'));
  fs.writeFileSync(
    path.join(dir, 'demo', 'connector.ts'),
    `import { defineConnector, operation, path, t } from 'pcdk';\n${body}`,
  );
  return dir;
}

const spec = (ops: string) => `
const get = operation({ id: 'ThingGet', method: 'get', path: '/things/{id}', summary: 'Get a thing', description: 'Gets a thing.',
  params: { id: path(t.string({ title: 'Thing ID', description: 'The thing.' })) },
  responses: { 200: t.partial({ name: t.string({ title: 'Name', description: 'The name.' }) }) } });
export default defineConnector({ id: 'demo', title: 'Demo', description: 'Demo is a service used to test the pcdk command line.',
  version: '1.0', host: 'api.demo.example', basePath: '/', schemes: ['https'],
  contact: { name: 'A', url: 'https://demo.example', email: 'a@demo.example' },
  metadata: { website: 'https://demo.example', privacyPolicy: 'https://demo.example/p', categories: ['Data'] },
  publisher: 'A', stackOwner: 'Demo', iconBrandColor: '#da3b01', auth: { type: 'none' },
  operations: [${ops}], readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' } });
`;

const run = runCli;

describe('pcdk build', () => {
  test('builds a connector from TypeScript definitions in any folder', async () => {
    const defs = definitions(spec('get'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-out-'));
    const r = await run(['build', 'demo', '--definitions', defs, '--out', out]);
    // The one finding: the operation has no recording yet (definitions/demo/recordings/).
    expect(r.err).toMatch(
      /^[^ ]*demo\/connector\.ts:\d+:\d+: warning \[recording-missing\] demo > ThingGet: ThingGet has no recording\n {4}fix: .*\n$/,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/demo: type-checked, wrote/);
    const swagger = JSON.parse(
      fs.readFileSync(path.join(out, 'demo', 'connector', 'apiDefinition.swagger.json'), 'utf8'),
    );
    expect(swagger.paths['/things/{id}'].get.operationId).toBe('ThingGet');
  });

  test('an invalid descriptor exits 1 with located diagnostics and no stack trace', async () => {
    const defs = definitions(spec('get, get'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-out-'));
    const r = await run(['build', 'demo', '--definitions', defs, '--out', out]);
    expect(r.code).toBe(1);
    // Led by the .ts place where the second operation was written, as a compiler would.
    expect(r.err).toMatch(/demo\/connector\.ts:\d+:\d+: error \[duplicate-operation-id\] demo > ThingGet > id/);
    expect(r.err).toContain('fix:');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(out, 'demo'))).toBe(false);
  });

  test('an unknown connector is a user error, not a crash', async () => {
    const defs = definitions(spec('get'));
    const r = await run(['build', 'nothere', '--definitions', defs]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no connector "nothere"/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('a usage error exits 2', async () => {
    const r = await run(['build']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing required argument/);
  });
});

describe('main in process', () => {
  test('returns the exit code and leaves none behind on the host process', async () => {
    const defs = definitions(spec('get, get'));
    const se = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        await main([
          'build',
          'demo',
          '--definitions',
          defs,
          '--out',
          fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-out-')),
        ]),
      ).toBe(1);
    } finally {
      se.mockRestore();
    }
    expect(process.exitCode).toBeUndefined();
  });
});
