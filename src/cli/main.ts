/**
 * `pcdk`: thin commands over the library, one module per command under commands/.
 * Expected failures are PcdkErrors (../errors): main prints them, and only main, as
 * `pcdk: <message>` and exits 1; usage errors exit 2; anything else is a bug, reported as an
 * internal error with exit code 70 and a stack trace only with PCDK_DEBUG=1.
 */
import { Command, CommanderError } from 'commander';
import { isPcdkError } from '../errors';
import { ownVersion } from '../io/own-package';

type Register = (program: Command) => void;
/**
 * Each command module adds itself here. Modules are loaded on demand: a command pulls in its
 * libraries (archiver, the importer, ...), and `pcdk build` should not pay for `pcdk pack`.
 */
const COMMANDS: Record<string, () => Register> = {
  init: () => require('./commands/init').registerInit,
  build: () => require('./commands/build').registerBuild,
  pack: () => require('./commands/pack').registerPack,
  validate: () => require('./commands/validate').registerValidate,
  diff: () => require('./commands/diff').registerDiff,
  recordings: () => require('./commands/recordings').registerRecordings,
  fixtures: () => require('./commands/recordings').registerRecordings,
  serve: () => require('./commands/serve').registerServe,
  preview: () => require('./commands/preview').registerPreview,
  import: () => require('./commands/import').registerImport,
};

/** The program with every command, or only `only` when the command line names one. */
export function createProgram(only?: string): Command {
  const program = new Command('pcdk')
    .description('Power Platform custom connectors written as TypeScript')
    .version(ownVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const name of commandsFor(only)) COMMANDS[name]!()(program);
  return program;
}

/** The commands a command line needs registered: the one it names, or all of them (for help). */
function commandsFor(only: string | undefined): string[] {
  // `pcdk --version` needs no command, and loading them all took most of its 0.4 s.
  if (only === '-v' || only === '--version') return [];
  if (only && only in COMMANDS) return [only];
  // `fixtures` is an alias that `recordings` declares: listed in COMMANDS only so that
  // `pcdk fixtures` loads that one module, and skipped when every command is registered.
  return Object.keys(COMMANDS).filter((n) => n !== 'fixtures');
}

/**
 * Runs one command line and returns its exit code. Commands report failure through
 * process.exitCode; main reads it and clears it, so that calling main in-process (tests, tools)
 * never leaves the host process with a stale failing exit code.
 */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await createProgram(argv[0]).parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isPcdkError(e)) {
      // An expected failure: its message is the whole story, so no stack trace even with PCDK_DEBUG.
      if (!e.reported) process.stderr.write(`pcdk: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`pcdk: internal error: ${(e as Error).message}\n`);
    if (process.env.PCDK_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  } finally {
    process.exitCode = undefined;
  }
}
