/**
 * Imported files are untrusted (issue 6, item 5): hostile operationIds, tags, descriptions,
 * definition and property names must not write outside the output folder, hit reserved or
 * colliding file names, or inject code; the generated TypeScript must compile and evaluate to
 * exactly the source strings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_IMPORT } from '../../src/cli/commands/import';
import { assertSafeRelativePath } from '../../src/io/atomic-write';
import { roundTrip } from '../../src/import/round-trip';
import * as ts from 'typescript';
import { tempDir, typeCheck, writeSource } from './sample-source';

const HOSTILE = [
  "*/ globalThis.pwned = 'comment'; /*",
  "'; globalThis.pwned = 'quote'; '",
  '"; globalThis.pwned = "dquote"; "',
  '`${globalThis.pwned = "template"}`',
  '${globalThis.pwned = 1}',
  'line one\nline two\r\n\u2028\u2029 end',
  "\\' backslash-quote",
  '../../../../tmp/pcdk-escape',
  '/etc/passwd',
  'C:\\Windows\\System32\\evil',
  'lone \ud800 surrogate',
  '</script><!-- -->',
  '\u0000nul\u001b[31mred',
];
const HOSTILE_IDS = [
  '../../evil',
  'CON',
  'constructor',
  '__proto__',
  "x'); process.exit(3); ('",
  '${x}',
  'Users',
  'users',
  'con.ts',
  '',
];
const HOSTILE_TAGS = [
  '../../../tmp/evil',
  '/etc/passwd',
  'C:\\evil',
  'con',
  'AUX',
  'connector',
  'schemas',
  '..',
  '.',
  'Users',
  'users',
  'nul.txt',
  '*/',
  'join',
  'readFileSync',
  'document',
];
const HOSTILE_PROPS = ['__proto__', 'constructor', "a'b", '*/', '${x}', '`', 'toString', 'a\nb', ''];

/**
 * The syntax the importer may produce: imports, consts, an export default, object/array/string/
 * number literals, and calls of a fixed set of functions. A string that escaped its literal or a
 * comment that closed early would show up as some other node or call.
 */
const ALLOWED = new Set([
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ImportClause,
  ts.SyntaxKind.NamedImports,
  ts.SyntaxKind.ImportSpecifier,
  ts.SyntaxKind.NamespaceImport,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.VariableDeclarationList,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.ExportKeyword,
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.ObjectLiteralExpression,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.ShorthandPropertyAssignment,
  ts.SyntaxKind.ComputedPropertyName,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.TypeReference,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.PrefixUnaryExpression,
  ts.SyntaxKind.EndOfFileToken,
  ts.SyntaxKind.TypeReference,
]);
const CALLS = new Set([
  'operation',
  'defineConnector',
  'readFileSync',
  'join',
  'Uint8Array',
  // The typed form's helpers (typed-operation.ts, shared-*.ts), and `t.<builder>` below.
  'path',
  'query',
  'header',
  'response',
  'declaredSchema',
  'sharedSchema',
  'sharedParameter',
  'sharedResponse',
  'definitionObject',
  'parameterObject',
  'responseObject',
]);
const isBuilderCall = (e: ts.Expression): boolean =>
  ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 't';

function unexpectedNodes(source: string): string[] {
  const bad: string[] = [];
  const visit = (n: ts.Node): void => {
    if (!ALLOWED.has(n.kind)) bad.push(ts.SyntaxKind[n.kind]!);
    if (
      (ts.isCallExpression(n) || ts.isNewExpression(n)) &&
      !(ts.isIdentifier(n.expression) && CALLS.has(n.expression.text)) &&
      !isBuilderCall(n.expression)
    )
      bad.push(`call ${n.expression.getText()}`);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken)
      bad.push(ts.SyntaxKind[n.operatorToken.kind]!);
    ts.forEachChild(n, visit);
  };
  visit(ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true));
  return bad;
}

function hostileSwagger(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  HOSTILE_TAGS.forEach((tag, i) => {
    const id = i < HOSTILE_IDS.length ? HOSTILE_IDS[i]! : `${HOSTILE_IDS[i % HOSTILE_IDS.length]}${i}`;
    const text = HOSTILE[i % HOSTILE.length]!;
    paths[`/r${i}/{x}`] = {
      get: {
        operationId: id,
        summary: text,
        description: HOSTILE[(i + 3) % HOSTILE.length]!,
        tags: [tag],
        parameters: [
          {
            name: 'x',
            in: 'path',
            required: true,
            type: 'string',
            'x-ms-summary': text,
            description: text,
            default: text,
          },
        ],
        responses: {
          '200': {
            description: text,
            schema: {
              type: 'object',
              properties: Object.fromEntries(
                HOSTILE_PROPS.map((p, j) => [
                  p,
                  { type: 'string', description: HOSTILE[j % HOSTILE.length]!, enum: [text] },
                ]),
              ),
            },
          },
        },
      },
    };
  });
  const definitions: Record<string, unknown> = {};
  for (const [i, name] of [...HOSTILE_PROPS, ...HOSTILE_TAGS].entries()) {
    Object.defineProperty(definitions, name, {
      value: { type: 'string', title: HOSTILE[i % HOSTILE.length] },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    swagger: '2.0',
    info: {
      title: HOSTILE[0],
      description: HOSTILE[3],
      version: HOSTILE[1],
      contact: { name: HOSTILE[2], url: HOSTILE[4], email: HOSTILE[5] },
    },
    host: 'api.example.com',
    paths,
    definitions,
    'x-ms-connector-metadata': HOSTILE.map((h) => ({ propertyName: h, propertyValue: h })),
  };
}

function hostileProperties(): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const name of HOSTILE_PROPS) {
    Object.defineProperty(params, name, {
      value: { type: 'securestring', uiDefinition: { displayName: HOSTILE[0], description: HOSTILE[1] } },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    properties: {
      connectionParameters: params,
      iconBrandColor: HOSTILE[3],
      publisher: HOSTILE[0],
      policyTemplateInstances: [
        {
          templateId: 'setheader',
          title: HOSTILE[2],
          parameters: { 'x-ms-apimTemplateParameter.name': HOSTILE[4], 'x-ms-apimTemplateParameter.value': HOSTILE[1] },
        },
      ],
    },
  };
}

/** Every file under `dir`, relative, forward slashes. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

test.each([
  ["const a = 'x'; globalThis.pwned = 1;", ['ExpressionStatement', 'FirstAssignment']],
  ["const a = 'x' + require('child_process');", ['PlusToken', 'call require']],
  ['const a = `${1}`;', ['TemplateExpression', 'TemplateHead', 'TemplateSpan', 'LastTemplateToken']],
])('the data-only check catches injected code: %s', (source, kinds) => {
  expect(unexpectedNodes(source)).toEqual(expect.arrayContaining(kinds));
});

describe('import of a hostile connector', () => {
  const work = tempDir('hostile');
  // The folder name itself is hostile too.
  const src = writeSource(path.join(work, 'src', "..evil'name ${x} `y`"), hostileSwagger(), hostileProperties(), {
    script: HOSTILE.join('\n'),
  });
  const outRoot = path.join(work, 'deep', 'out');
  let result: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    delete (globalThis as Record<string, unknown>).pwned;
    result = await roundTrip(src, { workDir: outRoot, modelImport: MODEL_IMPORT });
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('imports, and the id from the folder name is a safe folder name', () => {
    expect(result.imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.id).toBe('evil-name-x-y');
  });

  test('file names are safe, relative, unreserved and unique (case-insensitively)', () => {
    const names = [...result.imported.files.keys()];
    for (const n of names) {
      expect(() => assertSafeRelativePath(n)).not.toThrow();
      expect(n).toMatch(/^(operations\/)?[a-z0-9][a-z0-9-]*\.(ts|csx)$/);
      expect(path.basename(n).split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // Tags that differ only in case, and the reserved ones, got distinct safe files.
    expect(names).toEqual(
      expect.arrayContaining([
        'operations/users.ts',
        'operations/users-2.ts',
        'operations/con-ops.ts',
        'operations/aux-ops.ts',
      ]),
    );
  });

  test('nothing is written outside the output folder', () => {
    expect(fs.readdirSync(work).sort()).toEqual(['deep', 'src']);
    expect(fs.readdirSync(path.join(work, 'deep'))).toEqual(['out']);
    expect(fs.readdirSync(outRoot)).toEqual(['evil-name-x-y']);
    expect(listFiles(path.join(outRoot, 'evil-name-x-y'))).toEqual([...result.imported.files.keys()].sort());
    expect(fs.existsSync('/tmp/pcdk-escape')).toBe(false);
  });

  test('loading the descriptors ran no injected code', () => {
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  test('every string survives exactly: the rebuilt swagger, apiProperties and script equal the source', () => {
    expect(result.differences).toEqual([]);
    expect(result.swaggerEqual && result.apiPropertiesEqual && result.scriptEqual).toBe(true);
    const defs = result.connector!.declared!.document.definitions!;
    expect(Object.hasOwn(defs, '__proto__')).toBe(true);
  });

  test('the generated code is data only (no injected statement or call) and compiles strictly', () => {
    for (const [name, body] of result.imported.files) {
      if (name.endsWith('.ts')) expect([name, unexpectedNodes(String(body))]).toEqual([name, []]);
    }
    expect(typeCheck(path.join(outRoot, 'evil-name-x-y'))).toEqual([]);
  });
});
