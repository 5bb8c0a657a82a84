/** reference.md from descriptors: layout, tables from the swagger rows, escaping, determinism. */
import { anchor, cell, emitReferencePage } from '../../src/emit/reference-page';
import { defineConnector, operation, path as pathParam, response, t } from '../../src/model';
import { parseMarkdownPage } from '../helpers/markdown-page';
import { sample, sampleSpec, variant } from '../helpers/sample-connector';

const sections = parseMarkdownPage(emitReferencePage(sample));
const section = (level: number, title: string) => sections.find((s) => s.level === level && s.title === title);

describe('emitReferencePage', () => {
  test('headings follow the docs page layout, actions sorted by summary', () => {
    expect(sections.filter((s) => s.level > 0 && s.level <= 2).map((s) => s.title)).toEqual([
      'Widgets (Independent Publisher)',
      'Contact',
      'Connector Metadata',
      'Creating a connection',
      'Throttling Limits',
      'Actions',
    ]);
    expect(sections.filter((s) => s.level === 3 && s.title !== 'Default').map((s) => s.title)).toEqual([
      'Create a widget',
      'Get a widget',
      'List widgets',
    ]);
  });

  test('tables come from the descriptors', () => {
    expect(section(2, 'Throttling Limits')!.tables[0]!.rows).toEqual([['API calls per connection', '10', '1 seconds']]);
    expect(section(3, 'Default')!.tables[0]!.rows).toEqual([['API Key', 'securestring', 'The API key.', 'True']]);
    expect(section(2, 'Connector Metadata')!.tables[0]!.rows).toContainEqual(['Categories', 'Productivity']);
    expect(section(2, 'Actions')!.tables[0]!.rows[0]).toEqual(['Create a widget', 'Creates a widget.']);
    const i = sections.findIndex((s) => s.title === 'Create a widget');
    expect(sections[i + 1]!.title).toBe('Parameters');
    expect(sections[i + 1]!.tables[0]!.rows).toEqual([
      ['Name', 'name', 'True', 'string', 'The name.'],
      ['Color', 'color', '', 'string', 'The color.'],
    ]);
    expect(sections[i]!.lines).toContain('Operation ID: WidgetAdd');
  });

  test('no throttling, no Throttling Limits section; a primitive response is a Name/Type table plus a definition', () => {
    const del = operation({
      id: 'WidgetDelete',
      method: 'delete',
      path: '/widgets/{widget_id}',
      summary: 'Delete a widget',
      description: 'Deletes | removes a widget.',
      params: { widget_id: pathParam(t.string({ title: 'Widget ID', description: 'The widget.' })) },
      responses: { 204: response('No Content', t.string()) },
    });
    const c = defineConnector({ ...sampleSpec, throttling: undefined, operations: [...sample.operations, del] });
    const page = emitReferencePage(c);
    const s = parseMarkdownPage(page);
    expect(s.some((x) => x.title === 'Throttling Limits')).toBe(false);
    const i = s.findIndex((x) => x.title === 'Delete a widget');
    const returns = s.slice(i).find((x) => x.title === 'Returns')!.tables[0]!;
    expect(returns).toEqual({ header: ['Name', 'Type'], rows: [['response', 'string']] });
    expect(s.find((x) => x.title === 'Actions')!.tables[0]!.rows).toContainEqual([
      'Delete a widget',
      'Deletes | removes a widget.',
    ]);
    expect(page).toContain('Deletes \\| removes a widget.');
    expect(s.some((x) => x.level === 3 && x.title === 'string')).toBe(true);
  });

  test('a connector without connection parameters says so', () => {
    const page = emitReferencePage(variant({ auth: { type: 'none' } }));
    expect(page).toContain('This connector needs no connection parameters.');
  });

  test('pure and deterministic: same connector, same bytes, LF and one trailing newline', () => {
    const a = emitReferencePage(sample);
    expect(emitReferencePage(variant())).toBe(a);
    expect(a.endsWith('\n') && !a.endsWith('\n\n')).toBe(true);
    expect(a).not.toContain('\r');
  });

  test.each([
    ['a | b', 'a \\| b'],
    ['two\nlines', 'two lines'],
  ])('cell(%j)', (input, expected) => expect(cell(input)).toBe(expected));

  test('anchor drops punctuation like the docs site', () => {
    expect(anchor("List subscriber's tags")).toBe('list-subscribers-tags');
  });
});
