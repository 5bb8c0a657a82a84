/**
 * `pcdk pack` in process: packages written, the certification package built from inputs and
 * checked with --check, expected errors printed without a stack trace, exit codes 0 / 1 / 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { certificationFixture, flowSolution, importConfig, pdpkgFixture, png, unzip } from './helpers';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-cli-pack-'));
const modelPath = path.resolve(__dirname, '../../src/model').replace(/\\/g, '/');
const SECRET = 'demo-fake-secret-0192837465';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** A definitions folder with one connector, `demo`, and an icon beside it. */
function definitions(): string {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, 'demo'));
  fs.writeFileSync(
    path.join(dir, 'demo', 'connector.ts'),
    `import { defineConnector, operation, path, t } from '${modelPath}';
const get = operation({ id: 'ThingGet', method: 'get', path: '/things/{id}', summary: 'Get a thing', description: 'Gets a thing.',
  params: { id: path(t.string({ title: 'Thing ID', description: 'The thing.' })) },
  responses: { 200: t.partial({ name: t.string({ title: 'Name', description: 'The name.' }) }) } });
export default defineConnector({ id: 'demo', title: 'Demo', description: 'Demo is a service used to test the pcdk command line.',
  version: '2.1', host: 'api.demo.example', basePath: '/', schemes: ['https'],
  contact: { name: 'A', url: 'https://demo.example', email: 'a@demo.example' },
  metadata: { website: 'https://demo.example', privacyPolicy: 'https://demo.example/p', categories: ['Data'] },
  publisher: 'Demo Works', stackOwner: 'Demo', iconBrandColor: '#da3b01',
  auth: { type: 'apiKey', parameter: 'api_key', securityName: 'API Key', in: 'header', name: 'X-Key', ui: { displayName: 'API Key', description: 'The key.' } },
  operations: [get], readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' } });
`,
  );
  fs.writeFileSync(path.join(dir, 'demo', 'icon.png'), png(32, 32));
  return dir;
}

describe('pcdk pack', () => {
  const defs = definitions();
  beforeAll(() => {
    process.env.DEMO_API_SECRET = SECRET;
  });
  afterAll(() => {
    delete process.env.DEMO_API_SECRET;
  });

  test('writes the packages, picking up the icon beside the descriptors', async () => {
    const out = tmp();
    const r = await run('pack', 'demo', '--definitions', defs, '--out', out, '--format', 'yaml', '--prefix', 'demo');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const dir = path.join(out, 'demo', 'packages');
    expect(fs.readdirSync(dir).sort()).toEqual([
      'DemoConnector.zip',
      'apiDefinition.swagger.yaml',
      'azuredeploy.json',
      'connector.zip',
      'intro.md',
      'openapi.json',
      'openapi.yaml',
    ]);
    expect(r.out).toContain('connector.zip (');
    const connector = await unzip(fs.readFileSync(path.join(dir, 'connector.zip')));
    expect(connector.get('icon.png')!.equals(fs.readFileSync(path.join(defs, 'demo', 'icon.png')))).toBe(true);
    const solution = await unzip(fs.readFileSync(path.join(dir, 'DemoConnector.zip')));
    expect(solution.has('Connector/demo_demo_iconblob.Png')).toBe(true);
    expect(solution.get('solution.xml')!.toString()).toContain('<Version>2.1.0.0</Version>');
    const template = JSON.parse(fs.readFileSync(path.join(dir, 'azuredeploy.json'), 'utf8'));
    expect(template.resources[0].properties.iconUri).toBe("[parameters('iconUri')]");
    for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f)).includes(SECRET)).toBe(false);
  });

  test('builds the certification package from --pdpkg and --flow-solution, and --check accepts it', async () => {
    const out = tmp();
    const inputs = tmp();
    fs.writeFileSync(
      path.join(inputs, 'Demo.pdpkg.zip'),
      await pdpkgFixture({ 'ImportConfig.xml': importConfig('DemoConnector.zip', 'DemoFlows.zip') }),
    );
    fs.writeFileSync(path.join(inputs, 'DemoFlows.zip'), await flowSolution());
    const r = await run(
      'pack',
      'demo',
      '--definitions',
      defs,
      '--out',
      out,
      '--pdpkg',
      path.join(inputs, 'Demo.pdpkg.zip'),
      '--flow-solution',
      path.join(inputs, 'DemoFlows.zip'),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const cert = path.join(out, 'demo', 'packages', 'demo-certification.zip');
    const check = await run('pack', '--check', cert);
    expect(check.code).toBe(0);
    expect(check.out).toContain('layout is correct');
    expect(check.out).toContain('PkgAssets/DemoConnector.zip (connector)');
  });

  test('--check reports every deviation of a broken package and exits 1, without a stack trace', async () => {
    const file = path.join(tmp(), 'broken.zip');
    fs.writeFileSync(file, await certificationFixture({ outer: { 'docs/intro.md': '#' } }));
    const r = await run('pack', '--check', file);
    expect(r.code).toBe(1);
    for (const code of ['cert-outer-has-folders', 'cert-intro-count', 'cert-package-zip-count'])
      expect(r.err).toContain(`[${code}]`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test.each([
    [['pack'], 1, /name a connector/],
    [
      ['pack', '--check', '/nonexistent/x.zip'],
      1,
      /--check \/nonexistent\/x\.zip: cannot read the file \(it does not exist\)/,
    ],
    [['pack', 'demo', '--pdpkg', 'x.pdpkg.zip'], 1, /needs both --pdpkg and --flow-solution/],
    [['pack', 'demo', '--prefix', 'Not Valid'], 1, /\[pack-setting-invalid\].*--prefix "Not Valid"/],
    [['pack', 'demo', '--format', 'xml'], 2, /use one of json, yaml/],
    [['pack', 'demo', '--option-value-prefix', 'abc'], 2, /whole number/],
    [['pack', 'demo', '--icon', '/nonexistent/icon.png'], 1, /--icon \/nonexistent\/icon\.png: cannot read the file/],
  ])('%j exits %i', async (argv, code, message) => {
    const out = tmp();
    const r = await run(...argv, ...(argv.includes('demo') ? ['--definitions', defs, '--out', out] : []));
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(out, 'demo'))).toBe(false);
  });
});
