/**
 * Issue 11, item 2: a field given in both its typed and its declared form is an error naming the
 * .ts line, the operation, the field, which form the build writes and how to keep one. One row
 * per typed/declared pair of the model, each loaded from real descriptor source.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics';
import { loadDescriptors } from '../../src/load/load-descriptors';
import { validateDescriptor } from '../../src/validate/descriptor-rules';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-typed-declared-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

interface Case {
  /** Fields of operation({ ... }) by key, over the defaults: source text each. */
  op?: Record<string, string>;
  /** Fields of the operation's declared: { ... }, over the defaults. */
  declared?: Record<string, string>;
  /** Fields of defineConnector({ ... }), over the defaults. */
  connector?: Record<string, string>;
  /** Lines inside the connector's declared document / properties. */
  document?: string;
  properties?: string;
}

const OP_DEFAULTS: Record<string, string> = {
  id: "'ListAnimals'",
  method: "'get'",
  path: "'/animals'",
  summary: "''",
  description: "''",
  responses: '{}',
};
const DECLARED_DEFAULTS: Record<string, string> = {
  operation: "{ parameters: [], responses: { '200': { description: 'OK' } } }",
};
const CONNECTOR_DEFAULTS: Record<string, string> = {
  id: "'zoo'",
  title: 'document.info.title',
  description: 'document.info.description',
  version: 'document.info.version',
  host: 'document.host',
  basePath: 'document.basePath',
  schemes: "['https']",
  contact: "{ name: '', url: '', email: '' }",
  metadata: "{ website: '', privacyPolicy: '', categories: [] }",
  publisher: "'Zoo'",
  stackOwner: "''",
  iconBrandColor: "'#007ee5'",
  operations: '[listAnimals]',
  readme: "{ prerequisites: '', obtainingCredentials: '', knownIssues: '' }",
};

/** An object literal's fields, one a line: the case's first, then the defaults it leaves. */
const fields = (defaults: Record<string, string>, over: Record<string, string> = {}, indent = '  '): string =>
  Object.entries({ ...over, ...Object.fromEntries(Object.entries(defaults).filter(([k]) => !(k in over))) })
    .map(([k, v]) => `${indent}${k}: ${v},`)
    .join('\n');

function source(c: Case): string {
  return `import { defineConnector, operation, query, t } from 'pcdk';

const document = {
  info: { title: 'Zoo', description: 'Animals of the zoo, one call at a time.', version: '1.0' },
  host: 'api.zoo.example.com',
  basePath: '/',
  schemes: ['https' as const],
  ${c.document ?? ''}
};

const properties = {
  iconBrandColor: '#007ee5',
  publisher: 'Zoo',
  ${c.properties ?? ''}
};

export const listAnimals = operation({
${fields(OP_DEFAULTS, c.op)}
  declared: {
${fields(DECLARED_DEFAULTS, c.declared, '    ')}
  },
});

export default defineConnector({
${fields(CONNECTOR_DEFAULTS, c.connector)}
  declared: { document, properties },
});
`;
}

const PARAMS = "{ limit: query(t.integer({ format: 'int32', title: 'Limit', description: 'At most.' })) }";

// [typed field, declared field, form the build writes, the case, the text on the reported line]
const rows: [string, string, string, Case, string, boolean][] = [
  ['params', 'declared.operation.parameters', 'declared', { op: { params: PARAMS } }, 'params:', true],
  [
    'body',
    'declared.operation.parameters',
    'declared',
    { op: { body: "t.object({ name: t.string({ title: 'Name' }) })", method: "'post'" } },
    'body:',
    true,
  ],
  [
    'bodyRequired',
    'declared.operation.parameters',
    'declared',
    { op: { bodyRequired: 'false' } },
    'bodyRequired:',
    true,
  ],
  [
    'responses',
    'declared.operation.responses',
    'declared',
    { op: { responses: "{ 200: t.object({ id: t.string({ title: 'Id' }) }) }" } },
    'responses: { 200',
    true,
  ],
  [
    'summary',
    'declared.operation["summary"]',
    'declared',
    { op: { summary: "'List'" }, declared: { operation: "{ parameters: [], responses: {}, summary: 'List them' }" } },
    "summary: 'List'",
    true,
  ],
  [
    'description',
    'declared.operation["description"]',
    'declared',
    { op: { description: "'Lists.'" }, declared: { operation: "{ responses: {}, description: 'Lists them.' }" } },
    "description: 'Lists.'",
    true,
  ],
  [
    'tags',
    'declared.operation["tags"]',
    'declared',
    { op: { tags: "['Animals']" }, declared: { operation: '{ responses: {}, tags: [] }' } },
    'tags:',
    true,
  ],
  [
    'deprecated',
    'declared.operation["deprecated"]',
    'declared',
    { op: { deprecated: 'true' }, declared: { operation: '{ responses: {}, deprecated: false }' } },
    'deprecated:',
    true,
  ],
  [
    'visibility',
    'declared.operation["x-ms-visibility"]',
    'declared',
    { op: { visibility: "'advanced'" }, declared: { operation: "{ responses: {}, 'x-ms-visibility': 'important' }" } },
    'visibility:',
    true,
  ],
  [
    'summary',
    'declared.omitted',
    'declared',
    { op: { summary: "'List'" }, declared: { omitted: "['summary']" } },
    "summary: 'List'",
    true,
  ],
  [
    'params',
    'declared.omitted',
    'declared',
    { op: { params: PARAMS }, declared: { operation: '{ responses: {} }', omitted: "['parameters']" } },
    'params:',
    true,
  ],
  [
    'declared.bodyParameter',
    'declared.operation.parameters',
    'declared',
    { declared: { bodyParameter: "{ name: 'animal' }" } },
    'bodyParameter:',
    true,
  ],
  [
    'declared.requiredOmitted',
    'declared.operation.parameters',
    'declared',
    { declared: { requiredOmitted: "['limit']" } },
    'requiredOmitted:',
    true,
  ],
  [
    'declared.urlEncodingOmitted',
    'declared.operation.parameters',
    'declared',
    { declared: { urlEncodingOmitted: "['id']" } },
    'urlEncodingOmitted:',
    true,
  ],
  [
    'declared.parameterKeys',
    'declared.operation.parameters',
    'declared',
    { declared: { parameterKeys: "{ limit: { collectionFormat: 'multi' } }" } },
    'parameterKeys:',
    true,
  ],
  [
    'declared.bodyIndex',
    'declared.operation.parameters',
    'declared',
    { declared: { bodyIndex: '0' } },
    'bodyIndex:',
    true,
  ],
  [
    'declared.body',
    'declared.operation.parameters',
    'declared',
    { declared: { body: "{ name: 'body', in: 'body', schema: { type: 'array', items: { type: 'string' } } }" } },
    'body: {',
    true,
  ],
  [
    'declared.responses',
    'declared.operation.responses',
    'declared',
    { declared: { responses: "{ '200': { headers: { 'x-a': { type: 'string' } } } }" } },
    "responses: { '200': { headers",
    true,
  ],
  [
    'auth',
    'declared.document.securityDefinitions, declared.properties.connectionParameters',
    'auth',
    {
      connector: { auth: "{ type: 'none' }" },
      document: "securityDefinitions: { key: { type: 'apiKey' as const, in: 'header' as const, name: 'key' } },",
      properties: "connectionParameters: { api_key: { type: 'securestring' } },",
    },
    'auth:',
    false,
  ],
  [
    'title',
    'declared.document.info.title',
    'declared',
    { connector: { title: "'Zoo Two'" } },
    "title: 'Zoo Two'",
    false,
  ],
  [
    'description',
    'declared.document.info.description',
    'declared',
    { connector: { description: "'Another text for the readme only.'" } },
    "description: 'Another",
    false,
  ],
  [
    'version',
    'declared.document.info.version',
    'declared',
    { connector: { version: "'2.0'" } },
    "version: '2.0'",
    false,
  ],
  ['host', 'declared.document.host', 'declared', { connector: { host: "'other.example.com'" } }, "host: 'other", false],
  [
    'basePath',
    'declared.document.basePath',
    'declared',
    { connector: { basePath: "'/v2'" } },
    "basePath: '/v2'",
    false,
  ],
  [
    'schemes',
    'declared.document.schemes',
    'declared',
    { connector: { schemes: "['http']" } },
    "schemes: ['http']",
    false,
  ],
  [
    'contact.email',
    'declared.document.info.contact.email',
    'declared',
    { connector: { contact: "{ name: '', url: '', email: 'a@zoo.example.com' }" } },
    'contact: { name',
    false,
  ],
  [
    'metadata.website',
    'declared.document["x-ms-connector-metadata"]',
    'declared',
    { connector: { metadata: "{ website: 'https://zoo.example.com', privacyPolicy: '', categories: [] }" } },
    'metadata: { website',
    false,
  ],
  [
    'publisher',
    'declared.properties.publisher',
    'declared',
    { connector: { publisher: "'Zoo Inc'" } },
    "publisher: 'Zoo Inc'",
    false,
  ],
  [
    'stackOwner',
    'declared.properties.stackOwner',
    'declared',
    { connector: { stackOwner: "'Zoo'" } },
    "stackOwner: 'Zoo'",
    false,
  ],
  [
    'iconBrandColor',
    'declared.properties.iconBrandColor',
    'declared',
    { connector: { iconBrandColor: "'#000000'" } },
    "iconBrandColor: '#000000'",
    false,
  ],
];

async function findings(name: string, c: Case): Promise<{ ds: Diagnostic[]; file: string; text: string }> {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'zoo'), { recursive: true });
  const file = path.join(dir, 'zoo', 'connector.ts');
  const text = source(c);
  fs.writeFileSync(file, text);
  const loaded = await loadDescriptors('zoo', dir);
  expect(loaded.diagnostics).toEqual([]);
  return { ds: validateDescriptor(loaded.connector!), file, text };
}

describe('a field given typed and declared', () => {
  test.each(rows)('%s beside %s', async (typed, declared, winner, c, marker, onOperation) => {
    const name = `${typed}-${declared}`.replace(/[^A-Za-z0-9]+/g, '-');
    const { ds, file, text } = await findings(name, c);
    const hits = ds.filter((d) => d.code === 'typed-declared-conflict');
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(hit).toMatchObject({
      severity: 'error',
      field: typed,
      ...(onOperation ? { operation: 'ListAnimals' } : {}),
    });
    // Where it was written: the .ts file and the line of the typed field (or of the key the operation declares).
    expect(hit.source?.file).toBe(file);
    expect(hit.source?.line).toBe(text.split('\n').findIndex((l) => l.includes(marker)) + 1);
    const shown = formatDiagnostic(hit);
    expect(shown).toContain(declared);
    expect(shown).toContain(`the build writes ${winner === 'auth' ? 'auth' : declared}`);
    expect(shown).toContain('fix:');
  });

  test('an imported operation and connector as pcdk import writes them report nothing', async () => {
    const { ds } = await findings('clean', {});
    expect(ds.filter((d) => d.code === 'typed-declared-conflict')).toEqual([]);
  });
});
