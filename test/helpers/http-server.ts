/** A programmable HTTP server on 127.0.0.1 for client tests: each request is recorded and answered by the handler. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Handler = (
  req: SeenRequest,
  res: http.ServerResponse,
  socket: import('node:net').Socket,
) => void | Promise<void>;

export interface TestServer {
  origin: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
      };
      requests.push(seen);
      void handler(seen, res, req.socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Every string reachable from an error: message, stack, own properties (enumerable or not), the cause chain. */
export function everythingIn(e: unknown, seen = new Set<unknown>()): string {
  if (e === null || e === undefined || seen.has(e)) return '';
  if (typeof e !== 'object') return String(e);
  seen.add(e);
  const parts: string[] = [];
  for (const key of Reflect.ownKeys(e)) {
    const v = (e as Record<string | symbol, unknown>)[key];
    parts.push(String(key), typeof v === 'object' ? everythingIn(v, seen) : String(v));
  }
  if (e instanceof Error) parts.push(e.message, e.stack ?? '', everythingIn(e.cause, seen));
  return parts.join('\n');
}
