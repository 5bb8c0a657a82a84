/** Writes the generated ConvertKit client package to a temp folder and loads its CommonJS entry. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connector } from '../../src/model';
import { compileClient } from '../../src/synth/client-artifact';
import { emitClientPackage } from '../../src/emit/client/client-package';

export async function writeClientPackage(c: Connector): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pcdk-${c.id}-client-`));
  for (const [name, text] of emitClientPackage(c, await compileClient(c))) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export type AnyClient = Record<string, (params?: object, options?: object) => Promise<unknown>> & {
  call(operationId: string, params?: object): Promise<unknown>;
  iterate: Record<string, (params?: object) => AsyncIterableIterator<unknown>>;
};
export interface ClientModule {
  createClient(options: Record<string, unknown>): AnyClient;
  HttpError: new (...args: never[]) => Error & { status: number; body?: { error?: string; message?: string } };
  ClientError: new (...args: never[]) => Error;
}

export function loadClientPackage(dir: string): ClientModule {
  return require(path.join(dir, 'index.cjs')) as ClientModule;
}
