/** The Dataverse solution zip, read back with jszip and checked entry by entry. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import convertkit from '../../definitions/convertkit/connector';
import { emitSwagger } from '../../src/emit/swagger';
import { connectorFolder, type ConnectorFolder } from '../../src/pack/connector-package';
import { buildSolutionPackage, solutionZip } from '../../src/pack/solution-package';
import { resolveSolutionSettings } from '../../src/pack/solution-settings';
import type { ConnectionParameterSets } from '../../src/model/properties';
import { sample, variant } from '../helpers/sample-connector';
import { png, sha256, unzip } from './helpers';

const settings = resolveSolutionSettings(convertkit).settings!;
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);

async function built(folder: ConnectorFolder, c = convertkit) {
  const { solution, diagnostics } = buildSolutionPackage(c, folder, resolveSolutionSettings(c).settings!);
  expect(diagnostics).toEqual([]);
  return { solution: solution!, entries: await unzip(await solutionZip(solution!)) };
}

test('the zip holds the manifest files and the connector files Dataverse names', async () => {
  const { entries, solution } = await built(connectorFolder(convertkit));
  expect(solution.fileName).toBe('ConvertKitConnector.zip');
  expect([...entries.keys()].sort()).toEqual([
    'Connector/tths_convertkit_connectionparameters.json',
    // The script generated for the webhook triggers, as Dataverse stores custom code.
    'Connector/tths_convertkit_customcodeblobcontent.csx',
    'Connector/tths_convertkit_openapidefinition.json',
    'Connector/tths_convertkit_policytemplateinstances.json',
    '[Content_Types].xml',
    'customizations.xml',
    'solution.xml',
  ]);
  for (const f of ['[Content_Types].xml', 'customizations.xml', 'solution.xml'])
    expect(XMLValidator.validate(entries.get(f)!.toString('utf8'))).toBe(true);
});

test('solution.xml: unique name, publisher, 4-part version, a root component of type 372', async () => {
  const { entries, solution } = await built(connectorFolder(convertkit));
  const m = parse(entries.get('solution.xml')!.toString('utf8')).ImportExportXml.SolutionManifest;
  expect(m.UniqueName).toBe('ConvertKitConnector');
  expect(m.Version).toBe('1.0.0.0');
  expect(m.Managed).toBe(0);
  expect(m.Publisher.UniqueName).toBe(settings.publisher.uniqueName);
  expect(m.Publisher.CustomizationPrefix).toBe('tths');
  expect(m.RootComponents.RootComponent).toEqual({
    '@type': '372',
    '@id': `{${solution.connectorId}}`,
    '@schemaName': 'tths_convertkit',
    '@behavior': '0',
  });
});

test('customizations.xml: the Connector entry points at the files and carries the descriptor values', async () => {
  const { entries, solution } = await built(connectorFolder(convertkit));
  const x = parse(entries.get('customizations.xml')!.toString('utf8')).ImportExportXml;
  expect(x.Workflows).toBe('');
  const conn = x.Connectors.Connector;
  expect(conn).toEqual({
    connectorid: solution.connectorId,
    description: convertkit.description,
    displayname: 'ConvertKit',
    iconbrandcolor: '#da3b01',
    name: 'tths_convertkit',
    connectortype: 1,
    openapidefinition: '/Connector/tths_convertkit_openapidefinition.json',
    connectionparameters: '/Connector/tths_convertkit_connectionparameters.json',
    policytemplateinstances: '/Connector/tths_convertkit_policytemplateinstances.json',
    // ConvertKit's triggers run through the generated script.
    customcodeblobcontent: '/Connector/tths_convertkit_customcodeblobcontent.csx',
    scriptoperations: JSON.stringify(convertkit.operations.filter((op) => op.trigger).map((op) => op.id)),
  });
  for (const key of ['openapidefinition', 'connectionparameters', 'policytemplateinstances', 'customcodeblobcontent'])
    expect(entries.has(conn[key].slice(1))).toBe(true);
});

test("with an icon and a script: iconblob and customcodeblobcontent equal the folder's icon.png and script.csx", async () => {
  const icon = png(32, 32);
  const script = 'public class Script : ScriptBase { }\n';
  const folder = connectorFolder(sample, { icon, script });
  const { entries } = await built(folder, sample);
  const name = `${resolveSolutionSettings(sample).settings!.publisher.prefix}_widgets`;
  expect(entries.get(`Connector/${name}_iconblob.Png`)!.equals(folder.files.get('icon.png') as Buffer)).toBe(true);
  expect(entries.get(`Connector/${name}_customcodeblobcontent.csx`)!.toString('utf8')).toBe(
    folder.files.get('script.csx'),
  );
  expect(entries.get(`Connector/${name}_openapidefinition.json`)!.toString('utf8')).toBe(
    folder.files.get('apiDefinition.swagger.json'),
  );
  const x = parse(entries.get('customizations.xml')!.toString('utf8')).ImportExportXml.Connectors.Connector;
  expect(x.iconblob).toBe(`/Connector/${name}_iconblob.Png`);
  expect(x.customcodeblobcontent).toBe(`/Connector/${name}_customcodeblobcontent.csx`);
  expect(entries.get('[Content_Types].xml')!.toString('utf8')).toMatch(/Extension="png".*\n.*Extension="csx"/);
});

test('the connector GUID is name-based: same on rebuild, different for another prefix', async () => {
  const a = buildSolutionPackage(convertkit, connectorFolder(convertkit), settings).solution!;
  const b = buildSolutionPackage(convertkit, connectorFolder(convertkit), settings).solution!;
  const c = buildSolutionPackage(convertkit, connectorFolder(convertkit), {
    ...settings,
    publisher: { ...settings.publisher, prefix: 'new' },
  }).solution!;
  expect(a.connectorId).toBe(b.connectorId);
  expect(c.connectorId).not.toBe(a.connectorId);
  expect(sha256(await solutionZip(a))).toBe(sha256(await solutionZip(b)));
});

test('a swagger over 500,000 characters is refused with a clear error', () => {
  const folder = connectorFolder(convertkit);
  // Same JSON value, padded past the Dataverse column limit.
  const padded = folder.swaggerText.replace('{', `{${' '.repeat(500_001 - folder.swaggerText.length + 1)}`);
  expect(padded.length).toBeGreaterThan(500_000);
  const r = buildSolutionPackage(convertkit, { ...folder, swaggerText: padded }, settings);
  expect(r.solution).toBeUndefined();
  expect(r.diagnostics).toHaveLength(1);
  const d = r.diagnostics[0]!;
  expect(d.code).toBe('dataverse-column-too-large');
  expect(d.severity).toBe('error');
  expect(d.file).toBe('Connector/tths_convertkit_openapidefinition.json');
  expect(d.message).toBe(
    `openapidefinition is ${padded.length.toLocaleString('en-US')} characters; the Dataverse connector column holds at most 500,000, so the solution would not import`,
  );
});

test('exactly 500,000 characters is still accepted', () => {
  const folder = connectorFolder(convertkit);
  const padded = folder.swaggerText.replace('{', `{${' '.repeat(500_000 - folder.swaggerText.length)}`);
  expect(padded.length).toBe(500_000);
  expect(buildSolutionPackage(convertkit, { ...folder, swaggerText: padded }, settings).diagnostics).toEqual([]);
});

test('XML special characters in descriptor text are escaped', async () => {
  const c = { ...sample, description: 'Widgets & <gadgets> "quoted" for the account, with care.' };
  const { entries } = await built(connectorFolder(c), c);
  const xml = entries.get('customizations.xml')!.toString('utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(parse(xml).ImportExportXml.Connectors.Connector.description).toBe(c.description);
});

test('a multi-auth connector gets connectionparametersets, and its policy templates are carried over', async () => {
  const sets: ConnectionParameterSets = {
    values: [
      {
        name: 'key',
        uiDefinition: { displayName: 'API key', description: 'Use an API key.' },
        parameters: {
          api_key: { type: 'securestring', uiDefinition: { displayName: 'Key', description: 'The key.' } },
        },
      },
      {
        name: 'basic',
        uiDefinition: { displayName: 'Basic', description: 'Use a user name.' },
        parameters: { username: { type: 'securestring' }, password: { type: 'securestring' } },
      },
    ],
  };
  const policies = [
    {
      templateId: 'setheader',
      title: 'Version',
      parameters: {
        'x-ms-apimTemplateParameter.name': 'X-Version',
        'x-ms-apimTemplateParameter.value': '2',
        'x-ms-apimTemplateParameter.existsAction': 'override',
        'x-ms-apimTemplate-policySection': 'Request',
      },
    },
  ];
  // Declared apiProperties come with a declared document: the root the authored fields derive,
  // with the declared security in place of the authored auth's.
  const { swagger: _v, paths: _p, ...root } = emitSwagger(sample);
  const document = { ...root, securityDefinitions: {}, security: [] };
  const properties = {
    iconBrandColor: '#da3b01',
    connectionParameterSets: sets,
    policyTemplateInstances: policies as never,
  };
  const c = variant({ auth: undefined, declared: { document, properties } });
  const folder = connectorFolder(c);
  const { entries } = await built(folder, c);
  const name = `${resolveSolutionSettings(c).settings!.publisher.prefix}_widgets`;
  expect(JSON.parse(entries.get(`Connector/${name}_connectionparametersets.json`)!.toString('utf8'))).toEqual(sets);
  expect(JSON.parse(entries.get(`Connector/${name}_policytemplateinstances.json`)!.toString('utf8'))).toEqual(policies);
  const x = parse(entries.get('customizations.xml')!.toString('utf8')).ImportExportXml.Connectors.Connector;
  expect(x.connectionparametersets).toBe(`/Connector/${name}_connectionparametersets.json`);
});
