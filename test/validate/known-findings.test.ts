/**
 * knownFindings, the baseline of an imported connector's faults: a finding an entry names is a
 * warning in `pcdk build` and `pcdk validate <id>` alike, anything else stays an error, an entry
 * that matches nothing warns, and secret and type errors can never be listed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../../src/diagnostics';
import { operation, t, type KnownFinding } from '../../src/model';
import { packConnector } from '../../src/pack/pack-connector';
import { buildConnector } from '../../src/synth/build-connector';
import { entryFor, KnownFindings, matchesFinding } from '../../src/validate/known-findings';
import { validateBuilt } from '../../src/validate/validate-target';
import { createWidget, getWidget, listWidgets, variant } from '../helpers/sample-connector';

const LONG = 'A summary that is much too long for the designer to show in one line of the card at all';
const ok200 = { 200: t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) }) };
const longSummary = (id: string, p: string) =>
  operation({ id, method: 'get', path: p, summary: LONG, description: 'Long.', responses: ok200 });
/** No response at all, declared as an imported connector declares it: swagger-parser and certification reject it. */
const noResponses = operation({
  id: 'WidgetEmpty',
  method: 'get',
  path: '/empty',
  summary: 'Empty responses',
  description: 'Has none.',
  responses: {},
  declared: { operation: { responses: {} } },
});

const faulty = (knownFindings?: readonly KnownFinding[], extra = [longSummary('WidgetLong', '/long')]) =>
  variant({ operations: [listWidgets, getWidget, createWidget, ...extra, noResponses], knownFindings });

/** Every finding of the faulty connector, each named by one entry. */
const EVERY: KnownFinding[] = [
  { code: 'summary-too-long', operation: 'WidgetLong', field: 'summary' },
  { code: 'no-success-response', operation: 'WidgetEmpty', field: 'declared.operation.responses' },
  { code: 'swagger-invalid', pointer: '/paths/~1empty/get/responses' },
  { code: 'no-response', operation: 'WidgetEmpty', pointer: '/paths/~1empty/get/responses' },
];

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-known-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

async function both(c: ReturnType<typeof faulty>): Promise<{ build: Diagnostic[]; validate: Diagnostic[] }> {
  const build = (await buildConnector(c, { outDir: out, dryRun: true })).diagnostics;
  const validate = (await validateBuilt(c, path.join(out, 'none'))).diagnostics.filter(
    (d) => d.code !== 'build-out-of-date',
  );
  return { build, validate };
}
const errors = (ds: Diagnostic[]) =>
  ds.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.operation ?? ''}`.trim());
const known = (ds: Diagnostic[]) =>
  ds.filter((d) => d.message.startsWith('known finding')).map((d) => `${d.code} ${d.operation ?? ''}`.trim());
const own = (ds: Diagnostic[]) =>
  ds.filter((d) => d.code.startsWith('known-finding-')).map((d) => `${d.code} ${d.field}`);

describe('without a baseline the faulty connector fails both commands', () => {
  test('build stops at the descriptor rules; validate reports every layer', async () => {
    const { build, validate } = await both(faulty());
    expect(errors(build)).toEqual(['summary-too-long WidgetLong', 'no-success-response WidgetEmpty']);
    expect(errors(validate).sort()).toEqual(
      [
        'no-response WidgetEmpty',
        'no-success-response WidgetEmpty',
        'summary-too-long WidgetLong',
        'swagger-invalid',
        'swagger-invalid',
      ].sort(),
    );
  });
});

describe('a baseline demotes exactly the findings its entries name', () => {
  test.each<[string, KnownFinding[], { build: string[]; validate: string[]; knownInBuild: string[] }]>([
    [
      'every finding listed: both commands are green',
      EVERY,
      {
        build: [],
        validate: [],
        knownInBuild: [
          'summary-too-long WidgetLong',
          'no-success-response WidgetEmpty',
          'swagger-invalid',
          'swagger-invalid',
        ],
      },
    ],
    [
      'the descriptor findings listed: the build goes on, and swagger-parser fails it',
      EVERY.slice(0, 2),
      {
        build: ['swagger-invalid', 'swagger-invalid'],
        validate: ['no-response WidgetEmpty', 'swagger-invalid', 'swagger-invalid'],
        knownInBuild: ['summary-too-long WidgetLong', 'no-success-response WidgetEmpty'],
      },
    ],
    [
      'an entry without the field the finding names matches nothing (not a whole operation)',
      [{ code: 'summary-too-long', operation: 'WidgetLong' }, ...EVERY.slice(1)],
      { build: ['summary-too-long WidgetLong'], validate: ['summary-too-long WidgetLong'], knownInBuild: [] },
    ],
    [
      'an entry with another pointer matches nothing',
      [...EVERY.slice(0, 2), { code: 'swagger-invalid', pointer: '/paths/~1other/get/responses' }, EVERY[3]!],
      {
        build: ['swagger-invalid', 'swagger-invalid'],
        validate: ['swagger-invalid', 'swagger-invalid'],
        knownInBuild: [],
      },
    ],
    [
      'an entry naming another file matches nothing',
      [...EVERY.slice(0, 2), { ...EVERY[2]!, file: 'apiProperties.json' }, EVERY[3]!],
      {
        build: ['swagger-invalid', 'swagger-invalid'],
        validate: ['swagger-invalid', 'swagger-invalid'],
        knownInBuild: [],
      },
    ],
  ])('%s', async (_name, entries, expected) => {
    const { build, validate } = await both(faulty(entries));
    expect(errors(build)).toEqual(expected.build);
    expect(errors(validate).sort()).toEqual([...expected.validate].sort());
    if (expected.knownInBuild.length) expect(known(build)).toEqual(expected.knownInBuild);
  });

  test('a new fault of the same kind elsewhere stays an error', async () => {
    const c = faulty(EVERY, [longSummary('WidgetLong', '/long'), longSummary('WidgetLonger', '/longer')]);
    const { build, validate } = await both(c);
    expect(errors(build)).toEqual(['summary-too-long WidgetLonger']);
    expect(errors(validate)).toEqual(['summary-too-long WidgetLonger']);
  });

  test('a demoted finding keeps its code and place and says what to do', async () => {
    const { build } = await both(
      faulty([...EVERY.slice(0, 1), { ...EVERY[1]!, note: 'as published' }, ...EVERY.slice(2)]),
    );
    const d = build.find((x) => x.code === 'no-success-response')!;
    expect(d).toMatchObject({ severity: 'warning', operation: 'WidgetEmpty', field: 'declared.operation.responses' });
    expect(d.message).toBe(
      'known finding, kept as a warning by knownFindings[1] (as published): the operation has no 2xx response',
    );
    expect(d.hint).toMatch(/once it is fixed, delete entry 1 from knownFindings in defineConnector\.$/);
  });
});

describe('an entry that matches nothing warns: known-finding-fixed', () => {
  test.each<[string, KnownFinding, { build: string[]; validate: string[] }]>([
    [
      'a descriptor and certification finding: validate runs both layers',
      { code: 'summary-too-long', operation: 'WidgetGet', field: 'summary' },
      { build: [], validate: ['known-finding-fixed knownFindings[4]'] },
    ],
    [
      'a swagger-parser finding: both commands run that layer',
      { code: 'swagger-invalid', pointer: '/paths/~1gone' },
      { build: ['known-finding-fixed knownFindings[4]'], validate: ['known-finding-fixed knownFindings[4]'] },
    ],
    [
      'an official-schema finding: only when the schemas are given',
      { code: 'schema-violation', field: '/paths' },
      { build: [], validate: [] },
    ],
    [
      'a recordings finding: only in a build with recordings',
      { code: 'recording-missing', operation: 'WidgetGone' },
      { build: [], validate: [] },
    ],
  ])('%s', async (_name, stale, expected) => {
    const { build, validate } = await both(faulty([...EVERY, stale]));
    expect(own(build)).toEqual(expected.build);
    expect(own(validate)).toEqual(expected.validate);
    // A stale entry is a warning: it never fails the build.
    expect(errors(build)).toEqual([]);
    const fixed = [...build, ...validate].find((d) => d.code === 'known-finding-fixed');
    if (fixed) expect(fixed.message).toMatch(/matches no finding any more: the fault is fixed$/);
  });
});

test('a recordings entry is checked by a build with recordings', async () => {
  const c = faulty([...EVERY, { code: 'recording-missing', operation: 'WidgetGone' }]);
  const r = await buildConnector(c, { outDir: out, dryRun: true, recordingsDir: path.join(out, 'no-recordings') });
  expect(own(r.diagnostics)).toEqual(['known-finding-fixed knownFindings[4]']);
  expect(r.ok).toBe(true);
});

describe('entries that cannot be baselined are errors', () => {
  test.each<[string, unknown, string, RegExp]>([
    [
      'a secret finding',
      { code: 'auth-client-secret-invalid' },
      'known-finding-refused',
      /a secret finding is never baselined/,
    ],
    ['a missing secret', { code: 'secret-env-missing', field: 'auth.clientSecret' }, 'known-finding-refused', /secret/],
    ['a secret in a package', { code: 'secret-in-output' }, 'known-finding-refused', /secret/],
    ['a type error', { code: 'descriptor-type-error' }, 'known-finding-refused', /type error is never baselined/],
    ['a value of the wrong type', { code: 'descriptor-value-invalid' }, 'known-finding-refused', /type error/],
    ['a syntax error', { code: 'descriptor-syntax-error' }, 'known-finding-refused', /load or type error/],
    [
      'an unknown code',
      { code: 'summary-to-long' },
      'known-finding-invalid',
      /"summary-to-long" is not a pcdk diagnostic code/,
    ],
    ['no code', { operation: 'WidgetGet' }, 'known-finding-invalid', /it has no code/],
    [
      'an unknown key',
      { code: 'summary-too-long', operations: ['WidgetGet'] },
      'known-finding-invalid',
      /unknown key operations/,
    ],
    [
      'a key that is not a string',
      { code: 'summary-too-long', pointer: 3 },
      'known-finding-invalid',
      /pointer is not a string/,
    ],
    [
      'a field and a pointer',
      { code: 'summary-too-long', field: 'summary', pointer: '/x' },
      'known-finding-invalid',
      /not both/,
    ],
    [
      'a code only pcdk import reports',
      { code: 'round-trip-mismatch' },
      'known-finding-invalid',
      /reported by pcdk import/,
    ],
    ['the baseline itself', { code: 'known-finding-fixed' }, 'known-finding-invalid', /its own findings/],
    ['a repeated entry', EVERY[0], 'known-finding-invalid', /repeats entry #0/],
    ['not an object', 'summary-too-long', 'known-finding-invalid', /not an object/],
  ])('%s', async (_name, entry, code, message) => {
    const { build, validate } = await both(faulty([...EVERY, entry as KnownFinding]));
    for (const ds of [build, validate]) {
      const d = ds.filter((x) => x.code.startsWith('known-finding-'));
      expect(d.map((x) => [x.code, x.severity, x.field])).toEqual([[code, 'error', 'knownFindings[4]']]);
      expect(d[0]!.message).toMatch(message);
    }
  });

  test('a refused entry does not demote its finding', () => {
    const finding: Diagnostic = {
      code: 'auth-client-secret-invalid',
      severity: 'error',
      message: 'x',
      hint: 'y',
      connector: 'widgets',
      field: 'auth.clientSecret',
    };
    const k = KnownFindings.of(faulty([{ code: 'auth-client-secret-invalid', field: 'auth.clientSecret' }]));
    expect(k.apply([finding])).toEqual([finding]);
  });
});

describe('matching and the entries pcdk import writes', () => {
  const at = (where: Partial<Diagnostic>): Diagnostic => ({
    code: 'swagger-invalid',
    severity: 'error',
    message: 'm',
    hint: 'h',
    connector: 'c',
    ...where,
  });
  test.each<[string, Diagnostic, KnownFinding]>([
    [
      'a descriptor field',
      at({ code: 'summary-too-long', operation: 'A', field: 'summary' }),
      { code: 'summary-too-long', operation: 'A', field: 'summary' },
    ],
    [
      'a located descriptor field keeps its field',
      at({
        code: 'summary-too-long',
        operation: 'A',
        field: 'summary',
        file: 'apiDefinition.swagger.json',
        pointer: '/p',
        line: 3,
      }),
      { code: 'summary-too-long', operation: 'A', field: 'summary' },
    ],
    [
      'a pointer in the swagger',
      at({ file: 'apiDefinition.swagger.json', pointer: '/paths', line: 9, column: 2 }),
      { code: 'swagger-invalid', pointer: '/paths' },
    ],
    [
      'the root pointer',
      at({ file: 'apiDefinition.swagger.json', pointer: '' }),
      { code: 'swagger-invalid', pointer: '' },
    ],
    [
      'a pointer in apiProperties',
      at({ file: 'apiProperties.json', pointer: '/properties' }),
      { code: 'swagger-invalid', file: 'apiProperties.json', pointer: '/properties' },
    ],
    ['a connector-wide finding', at({ code: 'client-generation-failed' }), { code: 'client-generation-failed' }],
  ])('%s', (_name, d, entry) => {
    expect(entryFor(d)).toEqual(entry);
    expect(matchesFinding(entry, d)).toBe(true);
    expect(matchesFinding({ ...entry, operation: 'Other' }, d)).toBe(false);
    expect(matchesFinding({ ...entry, code: 'json-invalid' }, d)).toBe(false);
  });

  test('a collecting baseline keeps each error once, sorted, and never a secret or type error', () => {
    const k = KnownFindings.collecting(faulty());
    const e = (code: string, where: Partial<Diagnostic> = {}) => at({ code, ...where });
    k.apply([
      e('summary-too-long', { operation: 'B', field: 'summary' }),
      e('swagger-invalid', { file: 'apiDefinition.swagger.json', pointer: '/b' }),
      e('swagger-invalid', { file: 'apiDefinition.swagger.json', pointer: '/b', message: 'another' }),
      e('summary-too-long', { operation: 'A', field: 'summary' }),
      e('auth-client-secret-invalid', { field: 'auth.clientSecret' }),
      e('descriptor-type-error'),
      { ...e('description-not-sentence', { operation: 'A' }), severity: 'warning' },
    ]);
    expect(k.collected().map((x) => x.entry)).toEqual([
      { code: 'swagger-invalid', pointer: '/b' },
      { code: 'summary-too-long', operation: 'A', field: 'summary' },
      { code: 'summary-too-long', operation: 'B', field: 'summary' },
    ]);
  });
});

describe('pcdk pack honours the baseline too', () => {
  // The package layers (ARM template, OpenAPI 3, secrets) check what they add and are never
  // baselined: a connector whose swagger lacks responses still cannot be packed for ARM.
  const longOnly = (knownFindings?: readonly KnownFinding[]) =>
    variant({ operations: [listWidgets, getWidget, createWidget, longSummary('WidgetLong', '/long')], knownFindings });
  test('a descriptor fault packs once its entry is there, and fails without it', async () => {
    const without = await packConnector(longOnly(), { outDir: out, dryRun: true });
    expect(without.ok).toBe(false);
    expect(errors(without.diagnostics)).toEqual(['summary-too-long WidgetLong']);
    const withEntry = await packConnector(longOnly([EVERY[0]!]), { outDir: out, dryRun: true });
    expect(errors(withEntry.diagnostics)).toEqual([]);
    expect(known(withEntry.diagnostics)).toEqual(['summary-too-long WidgetLong']);
    expect(withEntry.ok).toBe(true);
  });
});
