#!/usr/bin/env node
/**
 * `pcdk`: thin commands over the library, one module per command under commands/.
 * Expected failures print diagnostics and exit 1; usage errors exit 2; only a bug shows a stack
 * trace (and only with PCDK_DEBUG=1).
 */
import { Command, CommanderError } from 'commander';
import { registerBuild } from './commands/build';
import { UserError } from './load-definition';

/** Each command module adds itself here. */
const COMMANDS: ((program: Command) => void)[] = [registerBuild];

export function createProgram(): Command {
  const program = new Command('pcdk')
    .description('Power Platform custom connectors written as TypeScript')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UserError) {
      process.stderr.write(`pcdk: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`pcdk: internal error: ${(e as Error).message}\n`);
    if (process.env.PCDK_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
