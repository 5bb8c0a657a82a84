/** validateBuilt: descriptor findings come out located in the built files, with the other layers' findings. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { findConnectorFolders } from '../../src/io/connector-folders';
import { validateBuilt } from '../../src/validate/validate-target';
import { buildConnector } from '../../src/synth/build-connector';
import { operation, query, t, type Operation } from '../../src/model';
import { createWidget, getWidget, listWidgets, sample, variant } from '../helpers/sample-connector';

let root: string;
beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-target-'))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('a descriptor finding names the built file, pointer and line:column', async () => {
  const c = {
    ...sample,
    operations: sample.operations.map((o) => (o.id === 'WidgetGet' ? { ...o, summary: 'Get a widget/gadget' } : o)),
  };
  const dir = path.join(root, 'widgets', 'connector');
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of emitConnectorFolder(c).files) fs.writeFileSync(path.join(dir, f), text);
  const r = await validateBuilt(c, dir);
  const fromDescriptor = r.diagnostics.find((d) => d.code === 'summary-restricted-characters' && d.field === 'summary');
  expect(fromDescriptor).toMatchObject({
    file: 'apiDefinition.swagger.json',
    pointer: '/paths/~1widgets~1{widget_id}/get/summary',
    operation: 'WidgetGet',
  });
  const text = fs.readFileSync(path.join(dir, 'apiDefinition.swagger.json'), 'utf8').split('\n');
  expect(text[fromDescriptor!.line! - 1]).toContain('"summary": "Get a widget/gadget"');
  // The certification layer finds the same problem at the same place: reported once.
  expect(r.diagnostics.filter((d) => d.code === 'summary-restricted-characters')).toHaveLength(1);
});

const op = (patch: Record<string, unknown>, base: Operation = createWidget): Operation =>
  operation({ ...(base as any), ...patch });

/**
 * The mistakes that once passed validate and then failed (or silently passed) the build: validate
 * reports each, and the build refuses with the same diagnostic, never a crash.
 */
const agree: [string, ReturnType<typeof variant>][] = [
  ['client-name-duplicate', variant({ operations: [listWidgets, getWidget, op({ clientName: 'widgetList' })] })],
  [
    'body-property-undescribed',
    variant({ operations: [listWidgets, getWidget, op({ body: t.object({ name: t.string() }) })] }),
  ],
  [
    'dynamic-values-sibling-missing',
    variant({
      operations: [
        listWidgets,
        createWidget,
        op(
          {
            params: {
              widget_id: query(t.string({ title: 'W', description: 'W.' }), {
                dynamicValues: {
                  from: 'WidgetList',
                  collection: 'widgets',
                  value: 'id',
                  title: 'name',
                  parameters: { page: { parameter: 'pg' } },
                },
              }),
            },
          },
          getWidget,
        ),
      ],
    }),
  ],
  [
    'integer-format-missing',
    variant({
      operations: [
        listWidgets,
        getWidget,
        op({
          declared: {
            pathItem: {
              'x-ms-notification-content': { schema: { type: 'object', properties: { n: { type: 'integer' } } } },
            },
          },
        }),
      ],
    }),
  ],
];

test.each(agree)('%s: validate reports it, and build fails with the same diagnostic', async (code, c) => {
  const dir = path.join(root, 'widgets', 'connector');
  const validated = await validateBuilt(c, dir);
  const found = validated.diagnostics.find((d) => d.code === code);
  expect(found).toMatchObject({ severity: 'error', file: 'apiDefinition.swagger.json' });
  expect(found!.line).toBeGreaterThan(1);
  const built = await buildConnector(c, { outDir: root, dryRun: true });
  expect(built.ok).toBe(false);
  expect(built.diagnostics.find((d) => d.code === code)).toMatchObject({
    message: found!.message,
    operation: found!.operation,
    field: found!.field,
  });
});

test('validateBuilt checks the current build in memory, whatever the folder holds', async () => {
  const c = {
    ...sample,
    operations: sample.operations.map((o) => (o.id === 'WidgetGet' ? { ...o, summary: 'Get a widget/gadget' } : o)),
  };
  const dir = path.join(root, 'widgets', 'connector');
  fs.mkdirSync(dir, { recursive: true });
  // A stale build: the clean sample, shifted down, with apiProperties.json missing.
  fs.writeFileSync(
    path.join(dir, 'apiDefinition.swagger.json'),
    `\n\n\n${emitConnectorFolder(sample).files.get('apiDefinition.swagger.json')}`,
  );
  const r = await validateBuilt(c, dir);
  const current = emitConnectorFolder(c).files.get('apiDefinition.swagger.json')!.split('\n');
  const finding = r.diagnostics.find((d) => d.code === 'summary-restricted-characters')!;
  expect(current[finding.line! - 1]).toContain('"summary": "Get a widget/gadget"');
  expect(r.diagnostics.map((d) => d.code)).not.toContain('file-missing');
  expect(r.diagnostics.filter((d) => d.code === 'build-out-of-date')).toMatchObject([
    { severity: 'warning', file: 'apiDefinition.swagger.json', message: expect.stringContaining('is out of date') },
  ]);
  // Written as it builds now: the same findings, and no warning about the build.
  fs.writeFileSync(path.join(dir, 'apiDefinition.swagger.json'), current.join('\n'));
  const again = await validateBuilt(c, dir);
  expect(again.diagnostics.map((d) => d.code)).not.toContain('build-out-of-date');
  expect(again.diagnostics.find((d) => d.code === 'summary-restricted-characters')!.line).toBe(finding.line);
});

test('findConnectorFolders finds folders holding a swagger, in sorted order', () => {
  for (const rel of ['b/two', 'a/one', 'a/one/nested-ignored', 'c'])
    fs.mkdirSync(path.join(root, rel), { recursive: true });
  for (const rel of ['b/two', 'a/one', 'a/one/nested-ignored'])
    fs.writeFileSync(path.join(root, rel, 'apiDefinition.swagger.json'), '{}');
  fs.writeFileSync(path.join(root, 'c', 'apidefinition.swagger.json'), '{}');
  expect(findConnectorFolders(root).map((d) => path.relative(root, d))).toEqual(['a/one', 'b/two', 'c']);
});
