/** `npm run docs`: rewrites the command reference in README.md from the commands themselves. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProgram } from '../src/cli/main';
import { commandReference, withReference } from '../src/cli/reference-table';

const file = path.join(__dirname, '..', 'README.md');
const next = withReference(fs.readFileSync(file, 'utf8'), commandReference(createProgram()));
if (next === undefined) {
  process.stderr.write('README.md has no command reference markers; see src/cli/reference-table.ts\n');
  process.exit(1);
}
fs.writeFileSync(file, next);
process.stdout.write('README.md: command reference updated\n');
