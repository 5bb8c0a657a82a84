/** The Logic Apps ARM template: structure, parameters, the swagger inline, ARM escaping. */
import convertkit from '../../definitions/convertkit/connector';
import { emitApiProperties } from '../../src/emit/api-properties';
import { emitSwagger } from '../../src/emit/swagger';
import { ARM_SCHEMA, armLiteral, armUnescape, emitArmTemplate } from '../../src/emit/arm-template';
import { checkArmTemplate } from '../../src/pack/arm-template-check';
import { variant } from '../helpers/sample-connector';
import { png } from '../pack/helpers';

type Json = Record<string, any>;
const where = { connector: 'convertkit', file: 'azuredeploy.json' };
const build = (c = convertkit, icon?: Uint8Array): Json =>
  emitArmTemplate(c, emitSwagger(c), emitApiProperties(c), icon) as Json;
/** The parameter names each "[...]" expression uses. */
function referenced(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string' && /^\[(?!\[)/.test(v))
    for (const m of v.matchAll(/parameters\('([^']+)'\)/g)) out.add(m[1]!);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) referenced(x, out);
  return out;
}

test('the ConvertKit template passes the structural check', async () => {
  expect(await checkArmTemplate(build(), where)).toEqual([]);
});

test('one Microsoft.Web/customApis resource with name and location as parameters', () => {
  const t = build();
  expect(t.$schema).toBe(ARM_SCHEMA);
  expect(Object.keys(t.parameters).sort()).toEqual(['customApiName', 'location']);
  expect(t.parameters.location.defaultValue).toBe('[resourceGroup().location]');
  expect(t.parameters.customApiName.defaultValue).toBe('convertkit');
  expect(t.resources).toHaveLength(1);
  const r = t.resources[0];
  expect([r.type, r.apiVersion, r.name, r.location]).toEqual([
    'Microsoft.Web/customApis',
    '2016-06-01',
    "[parameters('customApiName')]",
    "[parameters('location')]",
  ]);
  expect(r.properties).toMatchObject({
    apiType: 'Rest',
    displayName: 'ConvertKit',
    description: convertkit.description,
    brandColor: '#da3b01',
    backendService: { serviceUrl: 'https://api.convertkit.com/v3/' },
    connectionParameters: { api_key: { type: 'securestring' } },
  });
  expect(r.properties.iconUri).toBeUndefined();
});

test('every parameter an expression uses is declared', () => {
  for (const t of [build(), build(convertkit, png(8, 8))]) {
    const used = referenced(t);
    expect(used.size).toBeGreaterThan(0);
    for (const p of used) expect(Object.keys(t.parameters)).toContain(p);
  }
});

test('the inline swagger equals the built one', () => {
  expect(armUnescape(build().resources[0].properties.swagger)).toEqual(emitSwagger(convertkit));
});

test('with an icon, iconUri is a parameter defaulting to the PNG inline', async () => {
  const icon = png(8, 8);
  const t = build(convertkit, icon);
  expect(t.resources[0].properties.iconUri).toBe("[parameters('iconUri')]");
  expect(t.parameters.iconUri.defaultValue).toBe(`data:image/png;base64,${icon.toString('base64')}`);
  expect(await checkArmTemplate(t, where)).toEqual([]);
});

test.each([
  // Only a string that starts with [ and ends with ] is an expression.
  ['[Deprecated] List forms', '[Deprecated] List forms'],
  ['[beta]', '[[beta]'],
  ["[concat('a','b')]", "[[concat('a','b')]"],
  ['plain', 'plain'],
])('armLiteral(%p) = %p, and back', (literal, escaped) => {
  expect(armLiteral(literal)).toBe(escaped);
  expect(armUnescape(armLiteral(literal))).toBe(literal);
});

test('descriptor text that looks like an expression is escaped, and still round-trips', async () => {
  const c = variant({ description: '[Widgets] is a service that keeps track of the widgets of an account [beta]' });
  const t = build(c);
  expect(t.resources[0].properties.description).toBe(`[${c.description}`);
  expect(await checkArmTemplate(t, { ...where, connector: 'widgets' })).toEqual([]);
  expect(armUnescape(t.resources[0].properties.swagger)).toEqual(emitSwagger(c));
});

const broken: [string, (t: Json) => void, RegExp][] = [
  [
    'an undeclared parameter',
    (t) => {
      t.resources[0].location = "[parameters('region')]";
    },
    /parameter 'region'/,
  ],
  [
    'an undeclared variable',
    (t) => {
      t.resources[0].properties.displayName = "[variables('name')]";
    },
    /variable 'name'/,
  ],
  [
    'unbalanced parentheses',
    (t) => {
      t.resources[0].name = "[parameters('customApiName']";
    },
    /unbalanced/,
  ],
  [
    'a wrong resource type',
    (t) => {
      t.resources[0].type = 'Microsoft.Web/connections';
    },
    /resources\/0\/type/,
  ],
  [
    'a wrong api version',
    (t) => {
      t.resources[0].apiVersion = '2018-07-01-preview';
    },
    /apiVersion/,
  ],
  [
    'a property customApis does not have',
    (t) => {
      t.resources[0].properties.policyTemplateInstances = [];
    },
    /policyTemplateInstances/,
  ],
  [
    'a connection parameter with uiDefinition',
    (t) => {
      t.resources[0].properties.connectionParameters.api_key.uiDefinition = {};
    },
    /uiDefinition/,
  ],
  [
    'an unknown parameter type',
    (t) => {
      t.parameters.location.type = 'text';
    },
    /parameters\/location\/type/,
  ],
  [
    'a missing location',
    (t) => {
      delete t.resources[0].location;
    },
    /location/,
  ],
  [
    'a bad contentVersion',
    (t) => {
      t.contentVersion = '1.0';
    },
    /contentVersion/,
  ],
  [
    'a swagger without paths',
    (t) => {
      delete t.resources[0].properties.swagger.paths;
    },
    /swagger/,
  ],
  [
    'a bad brand colour',
    (t) => {
      t.resources[0].properties.brandColor = 'orange';
    },
    /brandColor/,
  ],
];

test.each(broken)('reports %s', async (_n, breakIt, reason) => {
  const t = build();
  breakIt(t);
  const ds = await checkArmTemplate(t, where);
  expect(ds.length).toBeGreaterThan(0);
  expect(ds.every((d) => d.code === 'arm-template-invalid')).toBe(true);
  expect(ds.map((d) => `${d.message} ${d.pointer ?? ''}`).join('\n')).toMatch(reason);
});
