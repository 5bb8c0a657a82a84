/** Layer 5 inside the build: the connector's recorded fixtures, when it has a folder of them. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connector } from '../model/connector';
import { checkFixtures } from '../fixtures/check';
import { loadFixtureDir } from '../fixtures/format';
import type { Diagnostic } from '../validate/diagnostics';

/** `<fixturesRoot>/<id>/`, or undefined when the connector has no fixtures there. */
export function fixtureDirFor(c: Connector, fixturesRoot: string | undefined): string | undefined {
  if (!fixturesRoot) return undefined;
  const dir = path.join(fixturesRoot, c.id);
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? dir : undefined;
}

export function checkFixturesForBuild(c: Connector, fixturesRoot: string | undefined): Diagnostic[] {
  const dir = fixtureDirFor(c, fixturesRoot);
  return dir ? checkFixtures(c, loadFixtureDir(dir)) : [];
}
