/** Layer 5 inside the build: the connector's recorded exchanges, when it has a folder of them. */
import * as fs from 'node:fs';
import type { Connector } from '../model/connector';
import { checkFixtures } from '../recordings/check';
import { loadFixtureDir } from '../recordings/format';
import type { Diagnostic } from '../validate/diagnostics';

/**
 * No folder given: the caller checks no recordings. A folder that does not exist holds none: fine
 * for a new connector, unless it promises full coverage (requireRecordings).
 */
export function checkRecordingsForBuild(c: Connector, dir: string | undefined): Diagnostic[] {
  if (dir === undefined) return [];
  if (fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return checkFixtures(c, loadFixtureDir(dir));
  return c.requireRecordings ? checkFixtures(c, { fixtures: [], invalid: [] }) : [];
}
