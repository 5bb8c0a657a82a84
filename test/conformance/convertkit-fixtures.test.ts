/**
 * The committed fixtures are exactly what scripts/convert-convertkit-fixtures.ts makes of
 * ../shared/fixtures/convertkit today (regenerate them when this fails), and every shared
 * operation file is represented.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertDir, SKIPPED } from '../../scripts/convert-convertkit-fixtures';
import { sharedDir } from '../helpers/shared';

const source = path.join(sharedDir(), 'fixtures', 'convertkit');
const committed = path.join(__dirname, '..', '..', 'definitions', 'convertkit', 'recordings');
const files = convertDir(source);

test('committed fixtures are up to date with the converter', () => {
  const onDisk = fs
    .readdirSync(committed)
    .filter((f) => f.endsWith('.json'))
    .sort();
  expect([...files.keys()].sort()).toEqual(onDisk);
  for (const f of onDisk) expect(fs.readFileSync(path.join(committed, f), 'utf8')).toBe(files.get(f));
});

test('every shared exchange is converted or listed as skipped with a reason', () => {
  let exchanges = 0;
  for (const f of fs.readdirSync(source).filter((x) => x.endsWith('.json'))) {
    const j = JSON.parse(fs.readFileSync(path.join(source, f), 'utf8')) as { alternates?: unknown[] };
    exchanges += 1 + (j.alternates?.length ?? 0);
  }
  exchanges += fs.readdirSync(path.join(source, 'errors')).filter((x) => x.endsWith('.json')).length;
  // webhooks/: two documented registrations, the deletion and two deliveries, each converted.
  const hooks = path.join(source, 'webhooks');
  for (const f of fs.readdirSync(hooks).filter((x) => x.endsWith('.json'))) {
    const j = JSON.parse(fs.readFileSync(path.join(hooks, f), 'utf8')) as { alternates?: unknown[] };
    exchanges += 1 + (j.alternates?.length ?? 0);
  }
  // The triggers the docs give no registration example for get a composite of the documented one.
  const composites = [...files.keys()].filter((f) => f.endsWith('.01-composite.json') && f.includes('Trigger.'));
  expect(composites).toHaveLength(10);
  for (const f of composites) expect(files.get(f)).toContain('"kind": "composite"');
  expect(files.size + Object.keys(SKIPPED).length).toBe(exchanges + composites.length);
  expect(fs.readdirSync(source).filter((x) => x.endsWith('.json'))).toHaveLength(27);
});

test('no placeholder credential from the shared files survives', () => {
  for (const text of files.values())
    expect(text).not.toMatch(/<your_(secret|public)_api_key>|<API_(KEY|SECRET)>|fakeApiSecret/);
});
