/**
 * The tool's one error model: every expected failure is a PcdkError, recognised by isPcdkError in
 * this realm and from another one, and main prints each in one place as `pcdk: <message>`.
 */
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { Command } from 'commander';
import * as esbuild from 'esbuild';
import { isPcdkError, PcdkError, ReportedFailure, UserError } from '../../src/errors';
import { DiffInputError } from '../../src/diff/load-swagger';
import { DescriptorLoadError } from '../../src/import/load-descriptor';
import { ZipReadError } from '../../src/pack/zip-read';
import { ProjectConfigError } from '../../src/project/project';
import { RecordError } from '../../src/recordings/record';
import { runCli } from '../helpers/run-cli';

// main loads `pcdk serve` on demand; here it throws whatever the test puts in mockThrown, so that
// every error class reaches main the way a command's would.
let mockThrown: unknown;
jest.mock('../../src/cli/commands/serve', () => ({
  registerServe: (program: Command) =>
    program.command('serve').action(() => {
      throw mockThrown;
    }),
}));

type ErrorClass = new (message: string) => PcdkError;
const CLASSES: [string, ErrorClass][] = [
  ['UserError', UserError],
  ['ReportedFailure', ReportedFailure],
  ['RecordError', RecordError],
  ['DiffInputError', DiffInputError],
  ['DescriptorLoadError', DescriptorLoadError],
  ['ZipReadError', ZipReadError],
  ['ProjectConfigError', ProjectConfigError],
];

/**
 * The same error classes, built from the same sources but evaluated in a new vm context: their
 * Error, prototypes and classes are that realm's, so `instanceof` on this side fails, as it does
 * for a second copy of pcdk or a test runner's sandbox.
 */
interface ForeignRealm {
  classes: Record<string, ErrorClass>;
  isPcdkError(e: unknown): boolean;
}
let foreign: ForeignRealm;
beforeAll(async () => {
  const root = path.resolve(__dirname, '../..');
  const modules: Record<string, string> = {
    'src/errors': 'UserError, ReportedFailure, isPcdkError',
    'src/recordings/record': 'RecordError',
    'src/diff/load-swagger': 'DiffInputError',
    'src/import/load-descriptor': 'DescriptorLoadError',
    'src/pack/zip-read': 'ZipReadError',
    'src/project/project': 'ProjectConfigError',
  };
  const built = await esbuild.build({
    stdin: {
      contents: Object.entries(modules)
        .map(([m, names]) => `export { ${names} } from './${m}';`)
        .join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    // npm packages and Node's modules come from this realm; pcdk's own code is evaluated in the other.
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const mod = { exports: {} as Record<string, unknown> };
  const context = vm.createContext({
    module: mod,
    exports: mod.exports,
    require,
    process,
    Buffer,
    URL,
    TextEncoder,
    TextDecoder,
    console,
  });
  vm.runInContext(built.outputFiles[0]!.text, context);
  const { isPcdkError: guard, ...rest } = mod.exports as Record<string, unknown>;
  foreign = { classes: rest as Record<string, ErrorClass>, isPcdkError: guard as ForeignRealm['isPcdkError'] };
});

describe('PcdkError and its subclasses', () => {
  test('the foreign realm holds every subclass, and its errors are not instanceof ours', () => {
    expect(Object.keys(foreign.classes).sort()).toEqual(CLASSES.map(([n]) => n).sort());
    const e = new foreign.classes.UserError('x');
    expect(e).not.toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(PcdkError);
  });

  test.each(CLASSES)('%s is a PcdkError by the guard, named as its class, here and across a realm', (name, Class) => {
    const local = new Class('something went wrong');
    expect(isPcdkError(local)).toBe(true);
    expect(local).toBeInstanceOf(PcdkError);
    expect(local.name).toBe(name);
    expect(Class.name).toBe(name);
    expect(local.stack?.split('\n')[0]).toBe(`${name}: something went wrong`);
    expect(Object.keys(local)).not.toContain('reported');

    const other = new foreign.classes[name]('something went wrong');
    expect(other.name).toBe(name);
    expect(other).not.toBeInstanceOf(PcdkError);
    expect(isPcdkError(other)).toBe(true);
    // And the other way round: the foreign copy's guard knows this realm's errors.
    expect(foreign.isPcdkError(local)).toBe(true);
    expect(other.reported).toBe(name === 'ReportedFailure');
  });

  test.each([
    ['a plain Error', new Error('x')],
    ['a TypeError', new TypeError('x')],
    ['an error that only borrows a name', Object.assign(new Error('x'), { name: 'UserError' })],
    ['a string', 'UserError'],
    ['null', null],
    ['undefined', undefined],
    ['a plain object', { name: 'PcdkError', message: 'x' }],
  ])('%s is not a PcdkError', (_l, value) => {
    expect(isPcdkError(value)).toBe(false);
    expect(foreign.isPcdkError(value)).toBe(false);
  });
});

describe('main prints PcdkErrors in one place', () => {
  const debug = process.env.PCDK_DEBUG;
  beforeEach(() => {
    // A PcdkError never shows a stack, even when debugging is on.
    process.env.PCDK_DEBUG = '1';
  });
  afterEach(() => {
    if (debug === undefined) delete process.env.PCDK_DEBUG;
    else process.env.PCDK_DEBUG = debug;
  });

  const printed = CLASSES.filter(([name]) => name !== 'ReportedFailure');
  test.each(printed)('%s: `pcdk: <message>`, exit 1, no stack', async (_name, Class) => {
    mockThrown = new Class('the thing is wrong');
    const r = await runCli(['serve']);
    expect(r).toEqual({ code: 1, out: '', err: 'pcdk: the thing is wrong\n' });
  });

  test.each(printed)('%s from another realm: the same', async (name) => {
    mockThrown = new foreign.classes[name]('the thing is wrong');
    const r = await runCli(['serve']);
    expect(r).toEqual({ code: 1, out: '', err: 'pcdk: the thing is wrong\n' });
  });

  test.each([
    ['this realm', () => new ReportedFailure('already said')],
    ['another realm', () => new foreign.classes.ReportedFailure('already said')],
  ])('ReportedFailure (%s): exit 1, prints nothing (the command already did)', async (_l, make) => {
    mockThrown = make();
    expect(await runCli(['serve'])).toEqual({ code: 1, out: '', err: '' });
  });

  test.each([
    ['a plain Error', new Error('boom')],
    ['a TypeError', new TypeError('boom')],
    ['an Error named like a PcdkError', Object.assign(new Error('boom'), { name: 'UserError' })],
  ])('%s is an internal error: exit 70, with the stack under PCDK_DEBUG', async (_l, e) => {
    mockThrown = e;
    const r = await runCli(['serve']);
    expect(r.code).toBe(70);
    expect(r.err).toMatch(/^pcdk: internal error: boom\n\w*Error: boom\n\s+at /);
  });

  test('an internal error shows no stack without PCDK_DEBUG', async () => {
    delete process.env.PCDK_DEBUG;
    mockThrown = new Error('boom');
    expect(await runCli(['serve'])).toEqual({ code: 70, out: '', err: 'pcdk: internal error: boom\n' });
  });
});
