/** The three output formats of validate, on hand-made results (located and unlocated findings). */
import * as path from 'node:path';
import { DIAGNOSTIC_CATALOG } from '../../src/cli/diagnostic-catalog';
import { diagnostic } from '../../src/validate/diagnostics';
import {
  formatJson,
  formatRules,
  formatSarif,
  formatText,
  messageTemplate,
  totals,
} from '../../src/validate/report-format';
import type { ValidationResult } from '../../src/validate/validate-target';

const cwd = path.resolve('/work/x');
const located = {
  ...diagnostic(
    'summary-too-long',
    { length: 95 },
    {
      connector: 'widgets',
      operation: 'WidgetList',
      file: 'apiDefinition.swagger.json',
      pointer: '/paths/~1widgets/get/summary',
    },
    'certification',
  ),
  line: 12,
  column: 7,
};
const unlocated = diagnostic('throttling-invalid', {}, { connector: 'widgets', field: 'throttling' });
const warning = {
  ...diagnostic(
    'empty-properties',
    {},
    { connector: 'widgets', file: 'apiDefinition.swagger.json', pointer: '/definitions/A/properties' },
    'certification',
  ),
  line: 40,
  column: 3,
};
const results: ValidationResult[] = [
  { connector: 'widgets', target: path.join(cwd, 'my folder', 'widgets'), diagnostics: [located, unlocated, warning] },
];

describe('report formats', () => {
  test('totals count errors and warnings; certification severities apply', () => {
    expect(warning.severity).toBe('warning');
    expect(totals(results)).toEqual({ errors: 2, warnings: 1 });
  });

  test('text: file:line:column, severity, code, Microsoft rule id, place, pointer, fix; then a summary', () => {
    const text = formatText(results, cwd);
    expect(text).toContain(
      'my folder/widgets/apiDefinition.swagger.json:12:7: error [summary-too-long] (OperationSummaryTooLong) WidgetList: summary is 95 characters; at most 80 are allowed at /paths/~1widgets/get/summary\n    fix: Shorten the summary',
    );
    expect(text).toContain('widgets: error [throttling-invalid] throttling: ');
    expect(text.trimEnd().split('\n').pop()).toBe('1 connector checked: 2 errors, 1 warning');
  });

  test('text: a descriptor finding leads with its .ts place, the built file and pointer follow', () => {
    const d = {
      ...located,
      source: { file: path.join(cwd, 'definitions', 'widgets', 'operations.ts'), line: 9, column: 3 },
    };
    const text = formatText([{ ...results[0]!, diagnostics: [d] }], cwd);
    expect(text).toContain(
      'definitions/widgets/operations.ts:9:3: error [summary-too-long] (OperationSummaryTooLong) WidgetList: summary is 95 characters; at most 80 are allowed (my folder/widgets/apiDefinition.swagger.json:12:7 at /paths/~1widgets/get/summary)\n    fix: ',
    );
  });

  test('json: totals, targets relative to cwd, each diagnostic with its path', () => {
    const body = JSON.parse(formatJson(results, cwd));
    expect(body).toMatchObject({
      errors: 2,
      warnings: 1,
      results: [{ connector: 'widgets', target: 'my folder/widgets' }],
    });
    expect(body.results[0].diagnostics[0]).toMatchObject({
      code: 'summary-too-long',
      line: 12,
      column: 7,
      path: 'my folder/widgets/apiDefinition.swagger.json',
      msRule: 'OperationSummaryTooLong',
    });
    expect(body.results[0].diagnostics[1].path).toBeUndefined();
  });

  test('sarif: 2.1.0 log, one rule per registry code, results pointing at rules and regions', () => {
    const log = JSON.parse(formatSarif(results, cwd, '1.2.3', DIAGNOSTIC_CATALOG));
    expect(log).toMatchObject({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'pcdk', version: '1.2.3' } }, columnKind: 'utf16CodeUnits' }],
    });
    const { rules } = log.runs[0].tool.driver;
    const [a, b, c] = log.runs[0].results;
    expect(rules[a.ruleIndex]).toMatchObject({
      id: 'summary-too-long',
      name: 'OperationSummaryTooLong',
      defaultConfiguration: { level: 'error' },
    });
    expect(rules[a.ruleIndex].shortDescription.text).toBe('summary is {length} characters; at most 80 are allowed');
    expect(a.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'my%20folder/widgets/apiDefinition.swagger.json' },
      region: { startLine: 12, startColumn: 7 },
    });
    expect(a.properties.jsonPointer).toBe('/paths/~1widgets/get/summary');
    expect(b.locations[0].physicalLocation).toBeUndefined();
    expect(b.locations[0].logicalLocations[0].fullyQualifiedName).toBe('widgets/throttling');
    expect(c.level).toBe('warning');
    expect(
      rules.every((r: { shortDescription: { text: string } }) => !r.shortDescription.text.includes('undefined')),
    ).toBe(true);
  });

  test('message templates show the placeholders of the typed message', () => {
    expect(messageTemplate('category-invalid', DIAGNOSTIC_CATALOG.get('category-invalid')!.definition)).toBe(
      '"{category}" is not a connector category',
    );
  });

  test('--rules lists every code of every area with severity, Microsoft id and fix', () => {
    expect(JSON.parse(formatRules('json', DIAGNOSTIC_CATALOG)).map((r: { area: string }) => r.area)).toEqual(
      expect.arrayContaining(['load', 'validate', 'recordings', 'synth', 'pack', 'import']),
    );
    const rows = JSON.parse(formatRules('json', DIAGNOSTIC_CATALOG));
    expect(rows.find((r: { code: string }) => r.code === 'empty-properties')).toMatchObject({
      severity: 'error',
      certification: 'warning',
    });
    expect(formatRules('text', DIAGNOSTIC_CATALOG)).toContain('summary-too-long (error; OperationSummaryTooLong)');
  });
});
