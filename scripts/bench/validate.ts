/**
 * Validate speed over the 60 corpus connectors (../shared/corpus): `pcdk validate` with every
 * offline layer but the official schemas, against the baseline of what the corpus statistics
 * script ran (JSON.parse + @apidevtools/swagger-parser validate on each swagger), in one run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { findConnectorFolders } from '../../src/io/connector-folders';
import { validateFolder } from '../../src/validate/validate-target';
import { stats, type Stats } from './measure';
import { ratioRow, statsRow } from './rows';
import type { BenchSection } from './types';

const root = path.resolve(__dirname, '..', '..');

async function timeIt(fn: () => Promise<void>, runs: number): Promise<Stats> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(times);
}

export async function run(): Promise<BenchSection> {
  const corpus = path.join(path.resolve(process.env.PCDK_SHARED ?? path.join(root, '..', 'shared')), 'corpus');
  if (!fs.existsSync(corpus))
    return { title: 'validate (corpus)', rows: [{ label: 'skipped', value: `${corpus} is missing` }] };
  const dirs = findConnectorFolders(corpus);
  let findings = 0;
  const pcdk = await timeIt(async () => {
    findings = 0;
    for (const d of dirs) findings += (await validateFolder(d)).diagnostics.length;
  }, 5);
  const baseline = await timeIt(async () => {
    for (const d of dirs) {
      try {
        await SwaggerParser.validate(JSON.parse(fs.readFileSync(path.join(d, 'apiDefinition.swagger.json'), 'utf8')));
      } catch {
        // rejected or unreadable: the baseline only pays the time
      }
    }
  }, 5);
  const ours = statsRow('pcdk validate, all offline layers', pcdk, 'ms');
  return {
    title: `validate: ${dirs.length} corpus connectors (median of 5)`,
    rows: [
      { ...ours, value: `${ours.value}; ${findings} findings` },
      statsRow('baseline: JSON.parse + swagger-parser only', baseline, 'ms'),
      { ...ratioRow('pcdk / baseline', pcdk.median / baseline.median), key: true },
    ],
  };
}
