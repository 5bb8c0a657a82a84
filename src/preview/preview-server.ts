/**
 * `pcdk preview`'s server: the replay server on 127.0.0.1 with the live preview page mounted at
 * /_pcdk/preview/, so the page, its test calls and the recorded API share one origin.
 */
import type { Connector } from '../model/connector';
import type { LoadedFixture } from '../recordings/format';
import { startReplayServer, type RunningServer } from '../recordings/replay-server';
import { emitSwagger } from '../emit/swagger';
import { connectorPreviewPage } from './connector-page';
import { PREVIEW_PATH, previewRoutes } from './preview-routes';

export interface PreviewServer extends RunningServer {
  /** The page: http://127.0.0.1:<port>/_pcdk/preview/ */
  pageUrl: string;
}

export interface PreviewServerOptions {
  connector: Connector;
  fixtures: readonly LoadedFixture[];
  /** 0 (default) picks a free port. */
  port?: number;
  log?: (line: string) => void;
}

export async function startPreviewServer(o: PreviewServerOptions): Promise<PreviewServer> {
  let origin = '';
  const mount = previewRoutes({
    page: connectorPreviewPage(o.connector, true),
    doc: emitSwagger(o.connector),
    origin: () => origin,
  });
  const server = await startReplayServer({
    connector: o.connector,
    fixtures: o.fixtures,
    port: o.port,
    log: o.log,
    mount,
  });
  origin = `http://127.0.0.1:${server.port}`;
  return { ...server, pageUrl: `${origin}${PREVIEW_PATH}` };
}
