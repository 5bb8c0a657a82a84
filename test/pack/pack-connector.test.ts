/**
 * `packConnector` end to end on the real ConvertKit connector: every package is read back with a
 * real zip reader and checked (entries, safe paths, well-formed XML, valid JSON, the connector
 * inside equal to the built one), a rebuild is byte-identical, and no secret gets out.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import YAML from 'yaml';
import convertkit from '../../definitions/convertkit/connector';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { armUnescape } from '../../src/emit/arm-template';
import { checkCertificationPackage } from '../../src/pack/certification-check';
import { packConnector, PACKAGE_FILES, type PackOptions } from '../../src/pack/pack-connector';
import { formatDiagnostic } from '../../src/diagnostics';
import { variant } from '../helpers/sample-connector';
import {
  connectorSolution,
  flowSolution,
  importConfig,
  isSafeEntryName,
  jszip,
  pdpkgFixture,
  png,
  sha256,
  unzip,
} from './helpers';

const FAKE_SECRET = 'ck-fake-secret-7f3a9b2c41d8e6';
const env = { CONVERTKIT_API_SECRET: FAKE_SECRET, PATH: '/usr/bin' };
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-pack-'));

async function certInputs(): Promise<NonNullable<PackOptions['certification']>> {
  return {
    pdpkg: {
      path: '/somewhere/ConvertKitPackage.pdpkg.zip',
      bytes: await pdpkgFixture({
        'ImportConfig.xml': importConfig('ConvertKitConnector.zip', 'ConvertKitFlows.zip'),
        'OldConnector.zip': await connectorSolution(),
      }),
    },
    flowSolution: { path: 'exports/ConvertKitFlows.zip', bytes: await flowSolution() },
  };
}

/** Every byte of a file, and of every member of every zip nested in it; `entries` collects member names as stored. */
async function allBytes(
  name: string,
  data: Buffer,
  out: [string, Buffer][] = [],
  entries: string[] = [],
): Promise<[string, Buffer][]> {
  out.push([name, data]);
  if (name.toLowerCase().endsWith('.zip')) {
    for (const [entry, bytes] of await unzip(data)) {
      entries.push(entry);
      await allBytes(`${name}/${entry}`, bytes, out, entries);
    }
  }
  return out;
}

describe('packConnector(convertkit)', () => {
  let outDir: string;
  let files: Map<string, Buffer>;
  let inputs: NonNullable<PackOptions['certification']>;
  beforeAll(async () => {
    outDir = tmp();
    inputs = await certInputs();
    const r = await packConnector(convertkit, { outDir, formats: ['yaml'], env, certification: inputs });
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.notes).toEqual(['replaced ConvertKitPackage.pdpkg.zip/PkgAssets/OldConnector.zip']);
    files = new Map(fs.readdirSync(r.packagesDir).map((f) => [f, fs.readFileSync(path.join(r.packagesDir, f))]));
  });

  test('writes every package to dist/<id>/packages/', () => {
    expect([...files.keys()].sort()).toEqual([
      'ConvertKitConnector.zip',
      'apiDefinition.swagger.yaml',
      'azuredeploy.json',
      'connector.zip',
      'convertkit-certification.zip',
      'intro.md',
      'openapi.json',
      'openapi.yaml',
    ]);
  });

  test('every zip, at every depth, has safe entry names and readable members', async () => {
    const entries: string[] = [];
    const all = (await Promise.all([...files].map(([n, b]) => allBytes(n, b, [], entries)))).flat();
    expect(entries.length).toBeGreaterThan(20);
    for (const entry of entries) expect([entry, isSafeEntryName(entry)]).toEqual([entry, true]);
    for (const [name, bytes] of all) {
      if (/\.xml$/i.test(name)) expect([name, XMLValidator.validate(bytes.toString('utf8'))]).toEqual([name, true]);
      if (/\.json$/i.test(name)) expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow();
    }
  });

  test('connector.zip holds exactly the built connector folder', async () => {
    const entries = await unzip(files.get('connector.zip')!);
    const built = emitConnectorFolder(convertkit).files;
    expect([...entries.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [name, text] of built) expect(entries.get(name)!.toString('utf8')).toBe(text);
  });

  test("the solution's Connector files equal the connector folder's contents", async () => {
    const connector = await unzip(files.get('connector.zip')!);
    const solution = await unzip(files.get('ConvertKitConnector.zip')!);
    expect([...solution.keys()].sort()).toEqual([
      'Connector/tths_convertkit_connectionparameters.json',
      // The script generated for the webhook triggers, as Dataverse stores custom code.
      'Connector/tths_convertkit_customcodeblobcontent.csx',
      'Connector/tths_convertkit_openapidefinition.json',
      'Connector/tths_convertkit_policytemplateinstances.json',
      '[Content_Types].xml',
      'customizations.xml',
      'solution.xml',
    ]);
    expect(
      solution
        .get('Connector/tths_convertkit_openapidefinition.json')!
        .equals(connector.get('apiDefinition.swagger.json')!),
    ).toBe(true);
    const apiProperties = JSON.parse(connector.get('apiProperties.json')!.toString('utf8'));
    expect(JSON.parse(solution.get('Connector/tths_convertkit_connectionparameters.json')!.toString('utf8'))).toEqual(
      apiProperties.properties.connectionParameters,
    );
    expect(
      JSON.parse(solution.get('Connector/tths_convertkit_policytemplateinstances.json')!.toString('utf8')),
    ).toEqual(apiProperties.properties.policyTemplateInstances ?? []);
    const solutionXml = solution.get('solution.xml')!.toString('utf8');
    expect(solutionXml).toContain('<Version>1.0.0.0</Version>');
    expect(solutionXml).toMatch(
      /<RootComponent type="372" id="\{[0-9a-f-]{36}\}" schemaName="tths_convertkit" behavior="0" \/>/,
    );
  });

  test('the ARM template carries the built swagger inline', async () => {
    const template = JSON.parse(files.get('azuredeploy.json')!.toString('utf8'));
    const swagger = JSON.parse(
      (await unzip(files.get('connector.zip')!)).get('apiDefinition.swagger.json')!.toString('utf8'),
    );
    expect(armUnescape(template.resources[0].properties.swagger)).toEqual(swagger);
    expect(template.resources[0].properties.backendService).toEqual({ serviceUrl: 'https://api.convertkit.com/v3/' });
    expect(template.resources[0].properties.iconUri).toBeUndefined();
  });

  test('the swagger YAML and the OpenAPI YAML parse back to their JSON', async () => {
    const swagger = JSON.parse(
      (await unzip(files.get('connector.zip')!)).get('apiDefinition.swagger.json')!.toString('utf8'),
    );
    expect(YAML.parse(files.get('apiDefinition.swagger.yaml')!.toString('utf8'))).toEqual(swagger);
    expect(YAML.parse(files.get('openapi.yaml')!.toString('utf8'))).toEqual(
      JSON.parse(files.get('openapi.json')!.toString('utf8')),
    );
  });

  test("the certification package passes the layout check and carries this build's solution", async () => {
    const cert = files.get('convertkit-certification.zip')!;
    const check = await checkCertificationPackage(cert, 'convertkit-certification.zip');
    expect(check.diagnostics).toEqual([]);
    expect(check.solutions.map((s) => s.kind).sort()).toEqual(['connector', 'flow']);
    const outer = await unzip(cert);
    expect([...outer.keys()].sort()).toEqual(['ConvertKitPackage.pdpkg.zip', 'intro.md']);
    expect(outer.get('intro.md')!.equals(files.get('intro.md')!)).toBe(true);
    const pkg = await unzip(outer.get('ConvertKitPackage.pdpkg.zip')!);
    expect([...pkg.keys()].sort()).toEqual([
      'ConvertKitPackage.dll',
      'ConvertKitPackage.pdb',
      'PkgAssets/ConvertKitConnector.zip',
      'PkgAssets/ConvertKitFlows.zip',
      'PkgAssets/ImportConfig.xml',
      '[Content_Types].xml',
    ]);
    expect(pkg.get('PkgAssets/ConvertKitConnector.zip')!.equals(files.get('ConvertKitConnector.zip')!)).toBe(true);
  });

  test('a rebuild is byte-identical (sha256 of every file)', async () => {
    const again = await packConnector(convertkit, { outDir: tmp(), formats: ['yaml'], env, certification: inputs });
    expect(again.ok).toBe(true);
    const hashes = (m: Map<string, Buffer>) => Object.fromEntries([...m].map(([k, v]) => [k, sha256(v)]).sort());
    expect(hashes(again.files)).toEqual(hashes(files));
  });

  test('the fake secret from the environment is nowhere, in no file and no zip member', async () => {
    const all = (await Promise.all([...files].map(([n, b]) => allBytes(n, b)))).flat();
    for (const [name, bytes] of all) expect([name, bytes.includes(FAKE_SECRET)]).toEqual([name, false]);
  });
});

describe('packConnector refusals', () => {
  test('a secret that reaches an output stops the pack, names the variable, never the value, and writes nothing', async () => {
    const outDir = tmp();
    const leaky = variant({ description: `Widgets is a service; test key ${FAKE_SECRET} for the sandbox.` });
    const r = await packConnector(leaky, { outDir, env });
    expect(r.ok).toBe(false);
    const leaks = r.diagnostics.filter((d) => d.code === 'secret-in-output');
    expect(leaks.map((d) => d.file)).toEqual(
      expect.arrayContaining([
        'connector.zip/apiDefinition.swagger.json',
        'WidgetsConnector.zip/customizations.xml',
        'intro.md',
      ]),
    );
    for (const d of r.diagnostics) expect(formatDiagnostic(d)).not.toContain(FAKE_SECRET);
    expect(leaks[0]!.message).toContain('CONVERTKIT_API_SECRET');
    expect(fs.existsSync(path.join(outDir, 'widgets'))).toBe(false);
  });

  test('a secret deep inside an input (a flow in the flow solution in the package) is found too', async () => {
    const leakyFlow = await jszip({
      '[Content_Types].xml': '<Types/>',
      'solution.xml': '<ImportExportXml/>',
      'customizations.xml':
        '<ImportExportXml><Workflows><Workflow Name="x"/></Workflows><Connectors><Connector><name>c</name></Connector></Connectors></ImportExportXml>',
      'Connector/c_openapidefinition.json': '{}',
      'Workflows/Flow.json': JSON.stringify({
        properties: { definition: { actions: { Call: { inputs: { api_secret: FAKE_SECRET } } } } },
      }),
    });
    const outDir = tmp();
    const r = await packConnector(variant(), {
      outDir,
      env,
      certification: { ...(await certInputs()), flowSolution: { path: 'ConvertKitFlows.zip', bytes: leakyFlow } },
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.code === 'secret-in-output').map((d) => d.file)).toEqual([
      'widgets-certification.zip/ConvertKitPackage.pdpkg.zip/PkgAssets/ConvertKitFlows.zip/Workflows/Flow.json',
    ]);
    expect(fs.existsSync(path.join(outDir, 'widgets'))).toBe(false);
  });

  test('a failed pack leaves the previous packages exactly as they were', async () => {
    const outDir = tmp();
    const first = await packConnector(variant(), { outDir, env: {} });
    expect(first.ok).toBe(true);
    const before = fs.readFileSync(path.join(first.packagesDir, PACKAGE_FILES.connectorZip));
    const r = await packConnector(variant({ version: 'v1-beta' }), { outDir, env: {} });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('pack-setting-invalid');
    expect(fs.readFileSync(path.join(first.packagesDir, PACKAGE_FILES.connectorZip)).equals(before)).toBe(true);
  });

  test('an icon that is not a PNG, or too large for Dataverse, is refused', async () => {
    const bad = await packConnector(variant(), {
      outDir: tmp(),
      env: {},
      extras: { icon: Buffer.from('GIF89a...'), iconPath: 'defs/widgets/icon.png' },
    });
    expect(bad.diagnostics.map((d) => [d.code, d.file])).toEqual([['icon-invalid', 'defs/widgets/icon.png']]);
    const big = await packConnector(variant(), { outDir: tmp(), env: {}, extras: { icon: png(300, 300) } });
    expect(big.diagnostics.find((d) => d.code === 'icon-invalid')!.message).toContain('300x300');
  });

  test('--format json and yaml write the swagger beside the packages in both formats', async () => {
    const r = await packConnector(variant(), { outDir: tmp(), env: {}, formats: ['json', 'yaml'] });
    expect(r.ok).toBe(true);
    const connector = await unzip(r.files.get(PACKAGE_FILES.connectorZip)!);
    expect(r.files.get('apiDefinition.swagger.json')!.equals(connector.get('apiDefinition.swagger.json')!)).toBe(true);
    expect(YAML.parse(r.files.get('apiDefinition.swagger.yaml')!.toString('utf8'))).toEqual(
      JSON.parse(connector.get('apiDefinition.swagger.json')!.toString('utf8')),
    );
  });

  test('invalid descriptors stop before any package is made', async () => {
    const r = await packConnector(variant({ title: 'A title that is far too long for certification' }), {
      outDir: tmp(),
      env: {},
    });
    expect(r.ok).toBe(false);
    expect(r.files.size).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toContain('title-too-long');
  });
});
