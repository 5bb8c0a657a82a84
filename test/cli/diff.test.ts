/** `pcdk diff` through main(): folders and files, text and JSON, exit codes, unreadable input. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { sample } from '../helpers/sample-connector';

let root: string;
let out: string[];
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-diff-'));
  out = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

const swaggerText = () => emitConnectorFolder(sample).files.get('apiDefinition.swagger.json')!;
function write(rel: string, text: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
const run = async (...args: string[]) => ({ code: await main(args), text: out.join('') });

describe('pcdk diff', () => {
  test('same connector (folder vs file): exit 0, nothing changed', async () => {
    write('old/apiDefinition.swagger.json', swaggerText());
    const file = write('new.json', swaggerText());
    const r = await run('diff', path.join(root, 'old'), file);
    expect(r.code).toBe(0);
    expect(r.text).toContain('0 breaking changes, 0 non-breaking changes');
  });

  test('a removed operation and an added output: exit 1, each with its rule', async () => {
    const doc = JSON.parse(swaggerText());
    delete doc.paths['/widgets/{widget_id}'];
    doc.paths['/widgets'].post.responses['201'].schema.properties.created = { type: 'string' };
    write('old/apiDefinition.swagger.json', swaggerText());
    write('new/apiDefinition.swagger.json', JSON.stringify(doc));
    const text = await run('diff', path.join(root, 'old'), path.join(root, 'new'));
    expect(text.code).toBe(1);
    expect(text.text).toMatch(
      /BREAKING \[operation-removed\] WidgetGet: GET \/widgets\/\{widget_id\} is gone \(The operation has been deleted\.\)/,
    );
    expect(text.text).toMatch(/ok +\[output-field-added\] WidgetAdd: created/);
    out = [];
    const json = await run('diff', path.join(root, 'old'), path.join(root, 'new'), '--json');
    const body = JSON.parse(json.text);
    expect(body).toMatchObject({ breaking: 1, nonBreaking: 1 });
    expect(body.changes[0]).toMatchObject({
      rule: 'operation-removed',
      breaking: true,
      operationId: 'WidgetGet',
      text: 'The operation has been deleted.',
    });
  });

  test('a swagger with a BOM and trailing commas is still compared', async () => {
    write('a.json', swaggerText());
    write('b.json', `\ufeff${swaggerText().replace('"https"\n  ]', '"https",\n  ]')}`);
    expect((await run('diff', path.join(root, 'a.json'), path.join(root, 'b.json'))).code).toBe(0);
  });

  test('an unreadable swagger is a clear error with its position (exit 1, no stack)', async () => {
    write('a.json', swaggerText());
    write('b.json', '{\n  "swagger": "2.0"\n  "paths": {}\n}');
    const r = await run('diff', path.join(root, 'a.json'), path.join(root, 'b.json'));
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/b\.json is not a readable swagger/);
    expect(r.text).toMatch(/b\.json:3:3/);
    expect(r.text).not.toMatch(/\n\s+at /);
  });

  test('a missing side and a folder without a swagger are clear errors', async () => {
    fs.mkdirSync(path.join(root, 'empty'));
    expect((await run('diff', path.join(root, 'nope'), path.join(root, 'empty'))).text).toContain('does not exist');
    out = [];
    write('a.json', swaggerText());
    const r = await run('diff', path.join(root, 'a.json'), path.join(root, 'empty'));
    expect(r.code).toBe(1);
    expect(r.text).toContain('has no apiDefinition.swagger.json');
  });

  test('usage errors exit 2', async () => {
    expect((await run('diff', 'only-one')).code).toBe(2);
    expect((await run('diff', 'a', 'b', '--format', 'xml')).code).toBe(2);
  });
});
