/** validateBuilt: descriptor findings come out located in the built files, with the other layers' findings. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { findConnectorFolders } from '../../src/io/connector-folders';
import { validateBuilt } from '../../src/validate/validate-target';
import { sample } from '../helpers/sample-connector';

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

test('findConnectorFolders finds folders holding a swagger, in sorted order', () => {
  for (const rel of ['b/two', 'a/one', 'a/one/nested-ignored', 'c'])
    fs.mkdirSync(path.join(root, rel), { recursive: true });
  for (const rel of ['b/two', 'a/one', 'a/one/nested-ignored'])
    fs.writeFileSync(path.join(root, rel, 'apiDefinition.swagger.json'), '{}');
  fs.writeFileSync(path.join(root, 'c', 'apidefinition.swagger.json'), '{}');
  expect(findConnectorFolders(root).map((d) => path.relative(root, d))).toEqual(['a/one', 'b/two', 'c']);
});
