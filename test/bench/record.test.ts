/** The bench record (docs/bench.json) and the README table made from it. */
import { stats } from '../../scripts/bench/measure';
import {
  BENCH_END,
  BENCH_START,
  benchTable,
  withBenchTable,
  withSection,
  type BenchRecord,
  type RecordedSection,
} from '../../scripts/bench/record';
import { figureRow, ratioRow, statsRow } from '../../scripts/bench/rows';

const machine = {
  node: 'v20.0.0',
  platform: 'linux',
  arch: 'x64',
  cpus: 2,
  cpuModel: 'cpu',
  memoryGb: 8,
  loadAverage: 0.5,
};
const section = (name: string, measuredAt: string): RecordedSection => ({
  name,
  measuredAt,
  machine,
  title: `${name} | section`,
  rows: [
    statsRow('whole process, median of 5', stats([5, 1, 3, 2, 4]), 'ms'),
    ratioRow('per-op at 256 / at 27 (target <= 1.0)', 0.5, { op: '<=', value: 1 }),
    figureRow('marginal ratio (target <= 1.5)', 2, 'x', { op: '<=', value: 1.5 }),
  ],
});

describe('bench rows', () => {
  it('carry the median with its spread, and a verdict exactly when there is a target', () => {
    const [timed, met, missed] = section('a', '2026-01-01T00:00:00Z').rows;
    expect(timed).toMatchObject({ measure: 3, unit: 'ms', spread: { min: 1, max: 5, q1: 2, q3: 4, runs: 5 } });
    expect(timed!.value).toBe('3 ms (min 1, max 5, 5 runs)');
    expect(timed!.met).toBeUndefined();
    expect(met).toMatchObject({ measure: 0.5, met: true });
    expect(missed).toMatchObject({ measure: 2, met: false });
  });
});

describe('bench record', () => {
  it('replaces a section that ran again and keeps the others, in the bench order', () => {
    let record: BenchRecord = { about: '', sections: [] };
    record = withSection(record, section('scaling', '2026-01-01T00:00:00Z'), ['build', 'scaling']);
    record = withSection(record, section('build', '2026-01-02T00:00:00Z'), ['build', 'scaling']);
    record = withSection(record, section('scaling', '2026-01-03T00:00:00Z'), ['build', 'scaling']);
    expect(record.sections.map((s) => [s.name, s.measuredAt])).toEqual([
      ['build', '2026-01-02T00:00:00Z'],
      ['scaling', '2026-01-03T00:00:00Z'],
    ]);
  });

  it('makes the README table from the figures with targets, between its markers', () => {
    const table = benchTable({ about: '', sections: [section('scaling', '2026-01-03T00:00:00Z')] });
    expect(table).toContain('| per-op at 256 / at 27 | 0.50x | <= 1 | yes |');
    expect(table).toContain('| marginal ratio | 2.00x | <= 1.5 | no |');
    expect(table).toContain('scaling \\| section');
    expect(table).not.toContain('whole process');
    const keyed = benchTable({
      about: '',
      sections: [{ ...section('b', '2026-01-03T00:00:00Z'), rows: [{ label: 'headline', value: '1 ms', key: true }] }],
    });
    expect(keyed).toContain('| headline | 1 ms | | |');
    const readme = `intro\n${BENCH_START}\nold\n${BENCH_END}\nafter\n`;
    const next = withBenchTable(readme, table)!;
    expect(next).toBe(`intro\n${BENCH_START}\n\n${table}\n${BENCH_END}\nafter\n`);
    expect(withBenchTable(next, table)).toBe(next);
    expect(withBenchTable('no markers', table)).toBeUndefined();
  });
});
