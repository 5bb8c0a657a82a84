/** `npm run bench:readme`: rewrites README.md's bench table from the latest record, docs/bench.json. */
import { DEFAULT_RECORD, updateReadme } from './bench/record';

if (!updateReadme(DEFAULT_RECORD)) {
  process.stderr.write('README.md has no bench table markers; see scripts/bench/record.ts\n');
  process.exit(1);
}
process.stdout.write('README.md: bench table updated from docs/bench.json\n');
