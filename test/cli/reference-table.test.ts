/** The README documents every command and every option `--help` shows, exactly as the commands declare them. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProgram } from '../../src/cli/main';
import { commandReference, withReference } from '../../src/cli/reference-table';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

test('the README command reference is up to date (run `npm run docs` when this fails)', () => {
  expect(withReference(readme, commandReference(createProgram()))).toBe(readme);
});

test('every option of every command appears in the README', () => {
  const walk = (cmd: ReturnType<typeof createProgram>): string[] => [
    ...cmd.options.filter((o) => !o.hidden).map((o) => o.flags),
    ...cmd.commands.flatMap(walk),
  ];
  const program = createProgram();
  const flags = program.commands.flatMap(walk);
  expect(flags.length).toBeGreaterThan(30);
  for (const f of flags) expect(readme).toContain(`\`${f}\``);
});
