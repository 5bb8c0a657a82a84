/** Layer 5 inside the build: the connector's recorded exchanges, when it has a folder of them. */
import * as fs from 'node:fs';
import type { Connector } from '../model/connector';
import { checkFixtures } from '../recordings/check';
import { loadFixtureDir } from '../recordings/format';
import type { Diagnostic } from '../diagnostics';

/**
 * No folder given: the caller checks no recordings. A folder that does not exist holds none, so
 * every operation is unrecorded: a warning each, or an error when the connector requires them.
 */
export function checkRecordingsForBuild(c: Connector, dir: string | undefined): Diagnostic[] {
  if (dir === undefined) return [];
  const present = fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory();
  return checkFixtures(c, present ? loadFixtureDir(dir) : { fixtures: [], invalid: [] });
}
