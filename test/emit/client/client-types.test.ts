/**
 * The generated client's declarations are as strict as its runtime: every wrong call below fails
 * to compile, each on its own line (checked one by one, with the error it must give), the right
 * calls compile, and the declarations need no DOM or Node types (lib es2022, types []), while a
 * consumer that has them can pass the global fetch and a real AbortSignal.
 */
import convertkit from '../../../definitions/convertkit/connector';
import { compileClient } from '../../../src/synth/client-artifact';
import { typeCheckConsumer, type ConsumerDiagnostic } from '../../helpers/generated-client';

const CLIENT = '/consumer/client.d.ts';
const HEAD = [
  "import { createClient, type ConvertKitClient } from './client';",
  'declare const client: ConvertKitClient;',
  'declare const anyId: string;',
];

/** [what is wrong, the statement, a fragment of the error TypeScript must report on its line]. */
const WRONG: [string, string, string][] = [
  [
    'call: a misspelt operationId',
    "await client.call('Acount');",
    "'\"Acount\"' is not assignable to parameter of type 'keyof ConvertKitClientOperations'",
  ],
  ['call: a method name for an operationId', "await client.call('getAccount');", 'keyof ConvertKitClientOperations'],
  ['call: any string as operationId', 'await client.call(anyId);', 'keyof ConvertKitClientOperations'],
  [
    'call: an unknown key on an operation without parameters',
    "await client.call('Account', { bogus: 1 });",
    "Type 'number' is not assignable to type 'never'",
  ],
  ['call: no params where some are required', "await client.call('FormSubAdd');", 'Expected 2-3 arguments, but got 1'],
  [
    'call: a required parameter missing',
    "await client.call('FormSubAdd', { email: 'a@example.com' });",
    "Property 'form_id' is missing",
  ],
  [
    'call: a parameter of the wrong type',
    "await client.call('FormSubAdd', { form_id: 1, email: 'a@example.com' });",
    "Type 'number' is not assignable to type 'string'",
  ],
  [
    'call: an unknown key next to known ones',
    "await client.call('FormSubAdd', { form_id: '1', email: 'a@example.com', emial: 'x' });",
    "'emial' does not exist in type 'AddSubscriberToFormParams'",
  ],
  [
    'call: a value outside an enum',
    "await client.call('SubscriberList', { sort_order: 'up' });",
    'Type \'"up"\' is not assignable to type \'"asc" | "desc" | undefined\'',
  ],
  [
    'call: the result taken as the wrong type',
    "const n: number = await client.call('Account');",
    "is not assignable to type 'number'",
  ],
  [
    'method: an unknown key on an operation without parameters',
    'await client.getAccount({ bogus: 1 });',
    "Type 'number' is not assignable to type 'never'",
  ],
  [
    'method: an unknown key set to undefined',
    'await client.listTags({ bogus: undefined });',
    "Type 'undefined' is not assignable to type 'never'",
  ],
  [
    'method: an object variable with extra keys',
    'const extra = { bogus: 1 }; await client.getAccount(extra);',
    "not assignable to parameter of type 'GetAccountParams'",
  ],
  [
    'method: a required parameter missing',
    "await client.addSubscriberToForm({ email: 'a@example.com' });",
    "Property 'form_id' is missing",
  ],
  [
    'method: a parameter of the wrong type',
    "await client.addSubscriberToForm({ form_id: '1', email: 42 });",
    "Type 'number' is not assignable to type 'string'",
  ],
  ['method: no params where some are required', 'await client.getSubscriber();', 'Expected 1-2 arguments, but got 0'],
  [
    'method: no such method',
    'await client.addSubscriber();',
    "Property 'addSubscriber' does not exist on type 'ConvertKitClient'",
  ],
  [
    'method: a 204 result taken as a string',
    "const s: string = await client.deleteBroadcast({ broadcast_id: '1' });",
    "Type 'undefined' is not assignable to type 'string'",
  ],
  [
    'iterate: an operation that is not paginated',
    'client.iterate.getAccount();',
    "Property 'getAccount' does not exist",
  ],
  [
    'iterate: a page of the wrong type',
    "client.iterate.listBroadcasts({ page: 'two' });",
    "Type 'string' is not assignable to type 'number'",
  ],
  [
    'options: a misspelt option',
    'await client.getAccount({}, { timeout: 5 });',
    "'timeout' does not exist in type 'CallOptions'",
  ],
  [
    'options: a signal that is not a signal',
    "await client.getAccount({}, { signal: 'stop' });",
    "Type 'string' is not assignable to type 'AbortSignalLike'",
  ],
  ['createClient: no apiSecret', 'createClient({});', "Property 'apiSecret' is missing"],
  [
    'createClient: rateLimit true',
    "createClient({ apiSecret: 's', rateLimit: true });",
    "Type 'true' is not assignable",
  ],
];

const RIGHT = [
  "const account = await client.call('Account'); const name: string | undefined = account.name;",
  "await client.call('Account', {});",
  "await client.call('Account', {}, { timeoutMs: 5 });",
  "await client.call('FormSubAdd', { form_id: '1', email: 'a@example.com', first_name: 'A' });",
  "const tags = (await client.call('TagList')).tags?.length;",
  "await client.call('SubscriberList', { sort_order: 'desc', page: 2 });",
  'await client.getAccount();',
  'await client.getAccount({});',
  "const deleted: undefined = await client.deleteBroadcast({ broadcast_id: '1' });",
  "for await (const s of client.iterate.listSubscribers({ sort_order: 'asc' })) s.email_address;",
  'for await (const b of client.iterate.listBroadcasts({ page: 3 })) b.id;',
  "const c = createClient({ apiSecret: 's', rateLimit: false, retry: { limit: 1 }, timeoutMs: 0 }); await c.listTags();",
  "const signal = {} as import('./client').AbortSignalLike; await client.getAccount({}, { signal });",
];

const wrapped = (lines: string[]): string =>
  [...HEAD, ...lines.map((code, i) => `export async function case${i}(): Promise<void> { ${code} }`), ''].join('\n');
const byLine = (diags: ConsumerDiagnostic[], file: string): Map<number, ConsumerDiagnostic[]> => {
  const out = new Map<number, ConsumerDiagnostic[]>();
  for (const d of diags.filter((x) => x.file === file)) out.set(d.line, [...(out.get(d.line) ?? []), d]);
  return out;
};

let dts: string;
let wrong: Map<number, ConsumerDiagnostic[]>;
let others: ConsumerDiagnostic[];
beforeAll(async () => {
  dts = (await compileClient(convertkit)).dts;
  const diags = typeCheckConsumer(
    {
      [CLIENT]: dts,
      '/consumer/wrong.ts': wrapped(WRONG.map(([, code]) => code)),
      '/consumer/right.ts': wrapped(RIGHT),
    },
    { lib: ['es2022'], types: [] },
  );
  wrong = byLine(diags, '/consumer/wrong.ts');
  others = diags.filter((d) => d.file !== '/consumer/wrong.ts');
}, 60_000);

describe('generated client types (ConvertKit, lib es2022, no DOM or Node types)', () => {
  test('there are at least 15 wrong calls, each on its own line', () => {
    expect(WRONG.length).toBeGreaterThanOrEqual(15);
    expect(WRONG.every(([, code]) => !code.includes('\n'))).toBe(true);
  });

  test.each(WRONG.map(([label, code, message], i) => [label, code, message, HEAD.length + i + 1] as const))(
    'does not compile: %s',
    (_label, _code, message, line) => {
      const found = wrong.get(line) ?? [];
      expect(found.map((d) => d.message).join('\n')).toContain(message);
    },
  );

  test('the declarations and the right calls compile without errors', () => {
    expect(others.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });

  test('no error falls outside the wrong calls', () => {
    const lines = new Set(WRONG.map((_, i) => HEAD.length + i + 1));
    expect([...wrong.keys()].filter((l) => !lines.has(l))).toEqual([]);
  });

  test.each([
    ['DOM', { lib: ['es2022', 'dom'], types: [] }],
    ['@types/node', { lib: ['es2022'], types: ['node'] }],
  ])('with %s, the global fetch and a real AbortSignal fit the options', (_l, env) => {
    const consumer = [
      "import { createClient } from './client';",
      'export async function main(): Promise<void> {',
      "  const client = createClient({ apiSecret: 's', fetch });",
      '  await client.getAccount({}, { signal: AbortSignal.timeout(1000) });',
      '  await client.getAccount({}, { signal: new AbortController().signal });',
      '}',
      '',
    ].join('\n');
    const diags = typeCheckConsumer({ [CLIENT]: dts, '/consumer/main.ts': consumer }, env);
    expect(diags.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });
});
