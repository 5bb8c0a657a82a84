/**
 * Seed parity: every row of the published docs page (shared/seed) is reproduced by the swagger
 * pcdk generates: the Actions list, and each action's Parameters and Returns rows, in order.
 */
import convertkit from '../../definitions/convertkit/connector';
import { emitSwagger } from '../../src/emit/swagger';
import type { ActionRows } from '../../src/emit/reference-rows';
import { pageOperations } from '../../src/emit/reference-triggers';
import { parseSeedPage } from '../helpers/seed-page';
import { readShared } from '../helpers/shared';

const seed = parseSeedPage(readShared('seed', 'convertkit-connector-reference.txt'));
// The page's actions: the triggers (and the internal hook deletion) are listed apart, or not at all.
const rows = pageOperations(emitSwagger(convertkit)).actions;
const bySummary = new Map(rows.map((r) => [r.summary, r]));

type Row = [label: string, actual: (r: Map<string, ActionRows>) => unknown, expected: unknown];
const table: Row[] = [];
const sortedOurs = () => [...rows].sort((a, b) => a.summary.localeCompare(b.summary));
seed.actionList.forEach((a, i) => {
  table.push([
    `Actions list ${i + 1}: ${a.summary}`,
    () => sortedOurs()[i] && [sortedOurs()[i]!.summary, sortedOurs()[i]!.description],
    [a.summary, a.description],
  ]);
});
for (const action of seed.actions) {
  action.parameters.forEach((p, i) => {
    table.push([`${action.summary} / parameter ${p.key}`, (m) => m.get(action.summary)?.parameters[i], p]);
  });
  action.returns.forEach((r, i) => {
    table.push([`${action.summary} / return ${r.path || r.name}`, (m) => m.get(action.summary)?.returns[i], r]);
  });
}

describe('ConvertKit reference page parity', () => {
  test('the seed holds 27 actions and 365 rows (27 in the Actions list, 338 in the tables)', () => {
    expect(seed.actionList).toHaveLength(27);
    expect(seed.actions).toHaveLength(27);
    expect(table).toHaveLength(365);
  });

  test.each(table)('%s', (_label, actual, expected) => {
    expect(actual(bySummary)).toEqual(expected);
  });

  test.each(seed.actions.map((a) => [a.summary, a] as const))(
    '%s: same description and no extra rows',
    (summary, action) => {
      const ours = bySummary.get(summary);
      expect(ours?.description).toBe(action.description);
      expect(ours?.parameters).toHaveLength(action.parameters.length);
      expect(ours?.returns).toHaveLength(action.returns.length);
    },
  );
});
