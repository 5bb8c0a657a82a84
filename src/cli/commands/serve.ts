/**
 * `pcdk serve <id> [--port N]`: the replay server on 127.0.0.1, answering from
 * definitions/<id>/recordings/, with the designer preview page beside the API.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { loadFixtureDir } from '../../recordings/format';
import { UserError } from '../../errors';
import {
  loadConnectorFor,
  projectFrom,
  recordingsDir,
  withProjectOptions,
  type ProjectOptions,
} from '../project-options';
import { listen, portOption, untilInterrupted } from './preview';

export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description(
      'answer API calls from the recorded exchanges on 127.0.0.1 (offline flow and client testing), beside the designer preview',
    )
    .argument('<id>', 'connector id')
    .option('--port <n>', 'port (0 = any free port)', '4010')
    .option('--recordings <dir>', 'the recordings folder (default: definitions/<id>/recordings)');
  withProjectOptions(cmd, { out: false }).action(
    async (id: string, opts: ProjectOptions & { port: string; recordings?: string }) => {
      const port = portOption(opts.port);
      const project = projectFrom(opts);
      const c = await loadConnectorFor(id, project);
      const dir = recordingsDir(project, id, opts.recordings);
      if (!fs.existsSync(dir))
        throw new UserError(
          `${id}: no recordings folder ${path.relative(process.cwd(), dir)}; record one with \`pcdk recordings record ${id} <operationId>\``,
        );
      const set = loadFixtureDir(dir);
      const server = await listen(c, set.fixtures, port);
      process.stdout.write(
        `pcdk: serving ${id} from ${set.fixtures.length} recordings at ${server.baseUrl} (Ctrl-C stops)\n` +
          `pcdk: designer preview at ${server.pageUrl}\n`,
      );
      await untilInterrupted(server);
    },
  );
}
