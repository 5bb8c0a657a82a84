/**
 * `pcdk preview <id> [--port N]`: the designer preview on 127.0.0.1, live against the replay
 * server: dropdowns fill from the recordings and the Test panel calls them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { loadFixtureDir, type LoadedFixture } from '../../recordings/format';
import type { Connector } from '../../model/connector';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';
import { UserError } from '../../errors';
import {
  loadConnectorFor,
  projectFrom,
  recordingsDir,
  withProjectOptions,
  type ProjectOptions,
} from '../project-options';

/** --port as a number, or a UserError naming the bad value. */
export function portOption(value: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port "${value}" is not a port number`);
  return port;
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM), after closing `server`. */
export function untilInterrupted(server: { close(): Promise<void> }): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The preview server on 127.0.0.1:`port`, logging each request; a port it cannot take is the user's to fix. */
export async function listen(connector: Connector, fixtures: LoadedFixture[], port: number): Promise<PreviewServer> {
  try {
    return await startPreviewServer({ connector, fixtures, port, log: (line) => process.stdout.write(`${line}\n`) });
  } catch (e) {
    throw new UserError(`cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
  }
}

export function registerPreview(program: Command): void {
  const cmd = program
    .command('preview')
    .description('show every action and trigger as the flow designer does, live against the recordings on 127.0.0.1')
    .argument('<id>', 'connector id')
    .option('--port <n>', 'port (0 = any free port)', '0')
    .option('--recordings <dir>', 'the recordings folder (default: definitions/<id>/recordings)');
  withProjectOptions(cmd, { out: false }).action(
    async (id: string, opts: ProjectOptions & { port: string; recordings?: string }) => {
      const port = portOption(opts.port);
      const project = projectFrom(opts);
      const c = await loadConnectorFor(id, project);
      const dir = recordingsDir(project, id, opts.recordings);
      // Without recordings the page still shows; dropdowns and test calls then say there is no fixture.
      const set = fs.existsSync(dir) ? loadFixtureDir(dir) : { fixtures: [], invalid: [] };
      const server = await listen(c, set.fixtures, port);
      const from = fs.existsSync(dir)
        ? `${set.fixtures.length} recordings in ${path.relative(process.cwd(), dir) || '.'}`
        : 'no recordings';
      process.stdout.write(`pcdk: previewing ${id} (${from}) at ${server.pageUrl} (Ctrl-C stops)\n`);
      await untilInterrupted(server);
    },
  );
}
