/**
 * The runtime's errors: each declares its name, isClientError recognises every one of them (from
 * another realm too) and nothing else, and the generated client's ESM and CommonJS builds, which
 * esbuild compiles from the embedded runtime, keep both.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vm from 'node:vm';
import convertkit from '../../definitions/convertkit/connector';
import {
  AbortError,
  ClientError,
  HttpError,
  InvalidResponseError,
  isClientError,
  NetworkError,
  TimeoutError,
} from '../../src/runtime/errors';
import * as runtimeIndex from '../../src/runtime/index';
import { writeClientPackage } from '../helpers/generated-client';

/** One instance of each class, built from arguments this table names once for every realm. */
const CLASSES = {
  ClientError: ['something failed', 'Account'],
  HttpError: ['Account', 404, 'Not Found', { error: 'Not Found', message: 'no account' }, undefined],
  InvalidResponseError: ['Account', 200, 'Unexpected token <'],
  TimeoutError: ['Account', 50],
  NetworkError: ['Account', 'CAUSE'],
  AbortError: ['Account'],
} as const;
type Name = keyof typeof CLASSES;
const NAMES = Object.keys(CLASSES) as Name[];
const LOCAL: Record<Name, new (...args: never[]) => ClientError> = {
  ClientError,
  HttpError,
  InvalidResponseError,
  TimeoutError,
  NetworkError,
  AbortError,
};

/** Builds every error with the given module's classes; 'CAUSE' stands for an Error of that realm. */
function buildAll(mod: Record<string, unknown>, cause: Error): Record<Name, Error> {
  const out = {} as Record<Name, Error>;
  for (const name of NAMES) {
    const Class = mod[name] as new (...args: unknown[]) => Error;
    out[name] = new Class(...CLASSES[name].map((a) => (a === 'CAUSE' ? cause : a)));
  }
  return out;
}

describe('runtime errors', () => {
  test('isClientError is part of the runtime index, which the generated client exports', () => {
    expect(runtimeIndex.isClientError).toBe(isClientError);
  });

  test.each(NAMES)('%s: named as its class, a ClientError by instanceof and by the guard', (name) => {
    const e = buildAll(LOCAL, new Error('ECONNRESET'))[name];
    expect(e.name).toBe(name);
    expect(LOCAL[name].name).toBe(name);
    expect(e.stack?.split('\n')[0]).toBe(`${name}: ${e.message}`);
    expect(e).toBeInstanceOf(ClientError);
    expect(isClientError(e)).toBe(true);
  });

  test.each([
    ['a plain Error', new Error('x')],
    ['a DOMException named AbortError', new DOMException('aborted', 'AbortError')],
    ['an Error that only borrows a name', Object.assign(new Error('x'), { name: 'HttpError' })],
    ['a plain object shaped like an HttpError', { name: 'HttpError', message: 'x', status: 404 }],
    ['a string', 'HttpError'],
    ['null', null],
    ['undefined', undefined],
  ])('%s is not a ClientError', (_l, value) => {
    expect(isClientError(value)).toBe(false);
  });
});

describe('the generated client (convertkit)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await writeClientPackage(convertkit);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /**
   * Each build run by its own Node process, as a consumer would: jest cannot import ES modules,
   * and a fresh process also shows nothing here leaks into the result.
   */
  const probe = (kind: 'esm' | 'cjs') => `
    const mod = ${kind === 'esm' ? `await import(${JSON.stringify(path.join(dir, 'index.mjs'))})` : `require(${JSON.stringify(path.join(dir, 'index.cjs'))})`};
    const table = ${JSON.stringify(CLASSES)};
    const out = {};
    for (const [name, args] of Object.entries(table)) {
      const e = new mod[name](...args.map((a) => (a === 'CAUSE' ? new Error('ECONNRESET') : a)));
      out[name] = { name: e.name, head: e.stack.split('\\n')[0], message: e.message, guard: mod.isClientError(e), base: e instanceof mod.ClientError };
    }
    out.plain = mod.isClientError(new Error('x'));
    process.stdout.write(JSON.stringify(out));
  `;

  test.each(['esm', 'cjs'] as const)(
    '%s build: err.name is the class name, and isClientError knows every class',
    async (kind) => {
      const args = kind === 'esm' ? ['--input-type=module', '-e', probe(kind)] : ['-e', probe(kind)];
      const { stdout } = await promisify(execFile)(process.execPath, args);
      const out = JSON.parse(stdout) as Record<string, unknown>;
      for (const name of NAMES) {
        const r = out[name] as { name: string; head: string; message: string; guard: boolean; base: boolean };
        expect({ name: r.name, head: r.head, guard: r.guard, base: r.base }).toEqual({
          name,
          head: `${name}: ${r.message}`,
          guard: true,
          base: true,
        });
      }
      expect(out.plain).toBe(false);
    },
  );

  test('errors from the CommonJS build evaluated in another realm are ClientErrors to this runtime, and back', () => {
    const text = fs.readFileSync(path.join(dir, 'index.cjs'), 'utf8');
    const mod = { exports: {} as Record<string, unknown> };
    vm.runInNewContext(text, { module: mod, exports: mod.exports, require, console });
    const ForeignError = vm.runInNewContext('Error') as ErrorConstructor;
    const foreign = buildAll(mod.exports, new ForeignError('ECONNRESET'));
    const foreignGuard = mod.exports.isClientError as (e: unknown) => boolean;
    const local = buildAll(LOCAL, new Error('ECONNRESET'));
    for (const name of NAMES) {
      expect(foreign[name].name).toBe(name);
      expect(foreign[name]).not.toBeInstanceOf(ClientError);
      expect(isClientError(foreign[name])).toBe(true);
      expect(foreignGuard(local[name])).toBe(true);
    }
    expect(foreignGuard(new Error('x'))).toBe(false);
  });
});
