/**
 * The generated reference page (dist/convertkit/reference.md) against the published docs page
 * (shared/seed): its tables are parsed back and compared row by row with the seed's 365 rows
 * (27 in the Actions list, 338 in the Parameters and Returns tables), plus the header tables.
 */
import convertkit from '../../definitions/convertkit/connector';
import { emitReferencePage } from '../../src/emit/reference-page';
import { produceReferencePage } from '../../src/synth/reference-page-artifact';
import { parseMarkdownPage, type MdSection } from '../helpers/markdown-page';
import { parseSeedPage, type SeedParameter, type SeedReturn } from '../helpers/seed-page';
import { readShared } from '../helpers/shared';

const seedText = readShared('seed', 'convertkit-connector-reference.txt');
const seed = parseSeedPage(seedText);
// The page text uses non-breaking spaces in the region lists; compare with plain spaces.
const seedLines = new Set(
  seedText.split(/\r?\n/).map((l) =>
    l
      .replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ),
);
const page = emitReferencePage(convertkit);
const sections = parseMarkdownPage(page);

const byTitle = (level: number, title: string): MdSection | undefined =>
  sections.find((s) => s.level === level && s.title === title);
const actionsAt = sections.findIndex((s) => s.level === 2 && s.title === 'Actions');
const actionSections = new Map<string, { parameters: SeedParameter[]; returns: SeedReturn[]; description: string }>();
for (let i = actionsAt + 1; i < sections.length && sections[i]!.level > 2; i++) {
  const s = sections[i]!;
  if (s.level !== 3) continue;
  const entry = {
    parameters: [] as SeedParameter[],
    returns: [] as SeedReturn[],
    description: s.lines.filter((l) => !l.startsWith('Operation ID:')).join(' '),
  };
  for (let j = i + 1; j < sections.length && sections[j]!.level === 4; j++) {
    const sub = sections[j]!;
    const t = sub.tables[0];
    if (!t) continue;
    if (sub.title === 'Parameters')
      entry.parameters = t.rows.map(([name, key, req, type, description]) => ({
        name: name!,
        key: key!,
        required: req === 'True',
        type: type!,
        description: description!,
      }));
    if (sub.title === 'Returns') {
      entry.returns =
        t.header.length === 2
          ? t.rows.map(([name, type]) => ({ name: name!, path: '', type: type!, description: '' }))
          : t.rows.map(([name, path, type, description]) => ({
              name: name!,
              path: path!,
              type: type!,
              description: description!,
            }));
    }
  }
  actionSections.set(s.title, entry);
}

type Row = [label: string, actual: unknown, expected: unknown];
const rows: Row[] = [];
const list = sections[actionsAt]?.tables[0]?.rows ?? [];
for (const [i, a] of seed.actionList.entries())
  rows.push([`Actions list ${i + 1}: ${a.summary}`, list[i] && { summary: list[i]![0], description: list[i]![1] }, a]);
for (const action of seed.actions) {
  const ours = actionSections.get(action.summary);
  for (const [i, p] of action.parameters.entries())
    rows.push([`${action.summary} / parameter ${p.key}`, ours?.parameters[i], p]);
  for (const [i, r] of action.returns.entries())
    rows.push([`${action.summary} / return ${r.path || r.name}`, ours?.returns[i], r]);
}

describe('reference.md against the published ConvertKit page', () => {
  test('the build writes the page as dist/convertkit/reference.md', () => {
    const a = produceReferencePage(convertkit);
    expect(a.target).toBe('reference.md');
    expect(a.files.get('reference.md')).toBe(page);
  });

  test('365 rows are compared: 27 in the Actions list and 338 in the action tables', () => {
    expect(seed.actionList).toHaveLength(27);
    expect(rows).toHaveLength(365);
    expect(
      rows.some(
        ([label, , expected]) =>
          label === 'Destroy a broadcast / return response' && (expected as SeedReturn).type === 'string',
      ),
    ).toBe(true);
  });

  test.each(rows)('%s', (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  test.each(seed.actions.map((a) => [a.summary, a] as const))(
    '%s: same description and no extra rows',
    (summary, action) => {
      const ours = actionSections.get(summary);
      expect(ours?.description).toBe(action.description);
      expect(ours?.parameters).toHaveLength(action.parameters.length);
      expect(ours?.returns).toHaveLength(action.returns.length);
    },
  );

  test('the page has no action the seed lacks, in the same order', () => {
    expect([...actionSections.keys()]).toEqual(seed.actions.map((a) => a.summary));
  });

  test('title, description and the header tables read as on the seed page', () => {
    expect(sections[1]).toMatchObject({ level: 1, title: 'ConvertKit (Independent Publisher)' });
    expect(seedLines.has(sections[1]!.lines[0]!)).toBe(true);
    const header: [string, number][] = [
      ['Contact', 3],
      ['Connector Metadata', 4],
      ['Throttling Limits', 1],
    ];
    for (const [title, count] of header) {
      const t = byTitle(2, title)!.tables[0]!;
      expect(t.rows).toHaveLength(count);
      for (const r of t.rows) expect(seedLines.has(r.join(' '))).toBe(true);
    }
    expect(seedLines.has(byTitle(2, 'Throttling Limits')!.tables[0]!.header.join(' '))).toBe(true);
    const connection = byTitle(3, 'Default')!.tables[0]!;
    expect(connection.header.join(' ')).toBe('Name Type Description Required');
    expect(connection.rows.map((r) => r.join(' '))).toEqual(seed.connection.map((r) => r.join(' ')));
    const products = sections.find((s) => s.tables[0]?.header.join(' ') === 'Service Class Regions')!.tables[0]!;
    for (const [service, cls, regions] of products.rows) {
      expect(seedLines.has(`${service} ${cls} ${regions!.split('<br>')[0]}`)).toBe(true);
      for (const r of regions!.split('<br>').slice(1)) expect(seedLines.has(r)).toBe(true);
    }
  });
});
