/** `pcdk serve <id> [--port N]`: the replay server on 127.0.0.1, answering from test/fixtures/<id>/. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { loadFixtureDir } from '../../fixtures/format';
import { startReplayServer, type RunningServer } from '../../fixtures/replay-server';
import { loadConnector, UserError } from '../load-definition';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('answer API calls from recorded fixtures on 127.0.0.1 (offline flow and client testing)')
    .argument('<id>', 'connector id')
    .option('--port <n>', 'port (0 = any free port)', '4010')
    .option('--fixtures <dir>', 'folder holding <id>/ fixture folders', 'test/fixtures')
    .option('--definitions <dir>', 'folder holding <id>/connector.ts')
    .action(async (id: string, opts: { port: string; fixtures: string; definitions?: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port "${opts.port}" is not a port number`);
      const c = loadConnector(id, opts.definitions);
      const dir = path.join(path.resolve(opts.fixtures), id);
      if (!fs.existsSync(dir)) throw new UserError(`${id}: no fixtures folder ${path.relative(process.cwd(), dir)}`);
      const set = loadFixtureDir(dir);
      let server: RunningServer;
      try {
        server = await startReplayServer({ connector: c, fixtures: set.fixtures, port, log: (line) => process.stdout.write(`${line}\n`) });
      } catch (e) {
        throw new UserError(`cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
      }
      process.stdout.write(`pcdk: serving ${id} from ${set.fixtures.length} fixtures at ${server.baseUrl} (Ctrl-C stops)\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
