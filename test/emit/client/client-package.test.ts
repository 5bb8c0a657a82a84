/** The generated client package: files, names, types, determinism, and that methods come from the descriptors. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import convertkit from '../../../definitions/convertkit/connector';
import { defineConnector, type Connector, type Operation } from '../../../src/model';
import { produceClientPackage, runtimeBundle } from '../../../src/synth/client-artifact';
import { CLIENT_FILES, emitClientPackage, semverOf } from '../../../src/emit/client/client-package';
import { clientConfig, clientNames } from '../../../src/emit/client/client-source';
import { bundleRuntime, readRuntimeSources } from '../../../src/emit/client/runtime-bundle';

const pkg = emitClientPackage(convertkit, runtimeBundle());
const file = (name: string): string => pkg.files.get(name)!;

describe('ConvertKit client package', () => {
  test('type-checks and has ESM, CJS, declarations for both, package.json and README', () => {
    expect(pkg.errors).toEqual([]);
    expect([...pkg.files.keys()].sort()).toEqual(Object.values(CLIENT_FILES).sort());
    expect(file(CLIENT_FILES.esm)).toMatch(/^export function createClient/m);
    expect(file(CLIENT_FILES.cjs)).toMatch(/exports\.createClient = createClient/);
    expect(file(CLIENT_FILES.dmts)).toBe(file(CLIENT_FILES.dcts));
  });

  test('package.json: exports for import and require, with types, and no dependencies', () => {
    const pj = JSON.parse(file(CLIENT_FILES.packageJson));
    expect(pj).toMatchObject({
      name: 'convertkit-client',
      version: '1.0.0',
      exports: { '.': { import: { types: './index.d.mts', default: './index.mjs' }, require: { types: './index.d.cts', default: './index.cjs' } } },
    });
    expect(pj.dependencies).toBeUndefined();
  });

  test('one method per operation, named by clientName', () => {
    const dts = file(CLIENT_FILES.dmts);
    for (const op of convertkit.operations) expect(dts).toContain(`    ${op.clientName}(params`);
    expect(dts).toContain('addSubscriberToForm(params: AddSubscriberToFormParams, options?: CallOptions): Promise<AddSubscriberToFormResult>;');
    // Params are one object: path params and top-level body properties together.
    expect(dts).toMatch(/export type AddSubscriberToFormParams = \{\s+form_id: string;\s+email: string;\s+first_name\?: string;/);
    // A 204 resolves to undefined; x-nullable becomes `| null`.
    expect(dts).toContain('export type DeleteBroadcastResult = undefined;');
    expect(dts).toMatch(/first_name\?: string \| null;/);
    expect(dts).toContain('listSubscribers(params?: ListSubscribersParams, options?: CallOptions): AsyncIterableIterator<ListSubscribersItem>;');
  });

  test('the embedded runtime exports only its public index; internals stay private', () => {
    const esm = file(CLIENT_FILES.esm);
    for (const name of ['ClientError', 'HttpError', 'TimeoutError', 'NetworkError', 'AbortError', 'InvalidResponseError', 'createCore']) {
      expect(esm).toMatch(new RegExp(`^export (class|function) ${name}\\b`, 'm'));
    }
    for (const name of ['SlidingWindowLimiter', 'prepareRequest', 'redactorFor', 'isRetryable']) {
      expect(esm).toMatch(new RegExp(`^(class|function) ${name}\\b`, 'm'));
      expect(esm).not.toMatch(new RegExp(`^export (class|function) ${name}\\b`, 'm'));
    }
    expect(esm).not.toMatch(/^import /m);
    expect(file(CLIENT_FILES.cjs)).not.toMatch(/require\(/);
  });

  test('byte-identical on a second run', () => {
    const again = emitClientPackage(convertkit, bundleRuntime(readRuntimeSources()));
    for (const [name, text] of pkg.files) expect(again.files.get(name)).toBe(text);
  });

  test('the build producer writes client/ and reports no diagnostics', () => {
    const a = produceClientPackage(convertkit);
    expect([a.target, a.kind, a.diagnostics]).toEqual(['client', 'dir', []]);
    expect(a.files.get(CLIENT_FILES.esm)).toBe(file(CLIENT_FILES.esm));
  });

  test('the route table follows the descriptors', () => {
    const cfg = clientConfig(convertkit);
    expect(cfg.auth).toEqual({ in: 'query', name: 'api_secret' });
    expect(cfg.baseUrl).toBe('https://api.convertkit.com/v3/');
    expect(cfg.operations.FormSubAdd).toEqual({ method: 'POST', path: 'forms/{form_id}/subscribe', params: { form_id: 'path' }, body: true });
    expect(cfg.operations.BroadcastList!.pagination).toEqual({ pageParam: 'page', itemsPath: 'broadcasts' });
    expect(cfg.operations.BroadcastList!.params.page).toBe('query');
    expect(cfg.operations.SubscriberList!.pagination).toEqual({ pageParam: 'page', itemsPath: 'subscribers', totalPagesPath: 'total_pages' });
  });
});

describe('method names', () => {
  test("each ConvertKit clientName is the descriptor's exported const name (no drift)", () => {
    const dir = path.join(__dirname, '../../../definitions/convertkit/operations');
    const byValue = new Map<unknown, string>();
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(dir, f)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) byValue.set(value, name);
    }
    for (const op of convertkit.operations) expect([op.id, op.clientName]).toEqual([op.id, byValue.get(op)]);
  });

  const base = convertkit;
  const withOps = (ops: Operation[]): Connector => defineConnector({ ...base, operations: ops });
  const op = (over: Partial<Operation>): Operation => ({ ...base.operations[0]!, ...over }) as Operation;
  test.each([
    ['falls back to the operationId, first letter lower-cased', [op({ id: 'GetThing', clientName: undefined })], undefined, 'getThing'],
    ['refuses a clash', [op({ id: 'A', clientName: 'same' }), op({ id: 'B', clientName: 'same', path: '/b' })], 'B > clientName: "same" is also the method name of A', ''],
    ['refuses a reserved name', [op({ id: 'A', clientName: 'call' })], '"call" is not usable as a method name', ''],
    ['refuses a non-identifier', [op({ id: 'A', clientName: 'get-thing' })], '"get-thing" is not usable', ''],
  ])('%s', (_label, ops, error, expected) => {
    const c = withOps(ops);
    if (error) {
      expect(() => clientNames(c)).toThrow(error);
      expect(produceClientPackage(c).diagnostics.map((d) => d.code)).toEqual(['client-generation-failed']);
    } else expect(clientNames(c).methods.get(ops[0]!.id)).toBe(expected);
  });

  test.each([
    ['basic auth', (c: Connector) => defineConnector({ ...c, auth: { type: 'basic', securityName: 'b', username: { displayName: 'U', description: 'U' }, password: { displayName: 'P', description: 'P' } } }), 'auth of type "basic"'],
    ['verbatim imported parameters', (c: Connector) => withOps([op({ id: 'A', parameters: [] })]), 'operation A keeps its source'],
  ])('a connector with %s builds without a client (warning)', (_l, make, reason) => {
    const a = produceClientPackage(make(base));
    expect(a.diagnostics.map((d) => [d.code, d.severity])).toEqual([['client-skipped', 'warning']]);
    expect(a.diagnostics[0]!.message).toContain(reason);
    expect([...a.files.keys()]).toEqual(['README.md']);
  });

  test.each([
    ['1.0', '1.0.0'],
    ['2', '2.0.0'],
    ['1.2.3.4', '1.2.3'],
  ])('version %s -> %s', (v, s) => expect(semverOf(v)).toBe(s));
});

describe('runtime bundling', () => {
  const sources = readRuntimeSources();
  test.each([
    ['an import from outside the runtime', 'core', (t: string) => `import { x } from '../model';\n${t}`, 'may import only sibling modules'],
    ['a duplicate top-level name', 'retry', (t: string) => `${t}\nexport function redactorFor(): void {}\n`, '"redactorFor" is declared in both'],
    ['a re-export outside index', 'retry', (t: string) => `${t}\nexport { isRetryable as y };\n`, 're-exports belong in index.ts'],
  ])('refuses %s', (_l, mod, edit, message) => {
    const changed = new Map(sources);
    changed.set(mod, edit(changed.get(mod)!));
    expect(() => bundleRuntime(changed)).toThrow(message);
  });
});
