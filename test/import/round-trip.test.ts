import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_IMPORT } from '../../src/cli/commands/import';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { importConnector } from '../../src/import/import-connector';
import { loadDescriptorFolder } from '../../src/import/load-descriptor';
import { asWritten, jsonDifferences, roundTrip } from '../../src/import/round-trip';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import {
  SAMPLE_ICON,
  SAMPLE_SCRIPT,
  sampleApiProperties,
  sampleSwagger,
  tempDir,
  typeCheck,
  writeSource,
} from './sample-source';

describe('jsonDifferences (the round-trip normalization)', () => {
  test.each([
    ['key order does not count', { a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, []],
    ['array order counts', { a: [1, 2] }, { a: [2, 1] }, ['/a/0', '/a/1']],
    ['a missing key counts', { a: 1 }, { a: 1, b: null }, ['/b']],
    ['types count', { a: '1' }, { a: 1 }, ['/a']],
    ['array vs object counts', { a: [] }, { a: {} }, ['/a']],
    ['length counts', { a: [1] }, { a: [1, 1] }, ['/a/length']],
    ['pointer escaping', { 'a/b~': 1 }, { 'a/b~': 2 }, ['/a~1b~0']],
  ])('%s', (_name, a, b, expected) => {
    expect(jsonDifferences(a, b)).toEqual(expected);
  });
});

describe('import -> descriptors -> emit round trip (every modelled construct)', () => {
  const work = tempDir('rt');
  const src = writeSource(path.join(work, 'src', 'Feature Zoo'), sampleSwagger(), sampleApiProperties(), {
    script: SAMPLE_SCRIPT,
    icon: SAMPLE_ICON,
  });
  const out = path.join(work, 'out');
  let result: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    result = await roundTrip(src, { workDir: out, modelImport: MODEL_IMPORT });
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('imports without errors and rebuilds equal swagger, apiProperties and script', () => {
    expect(result.imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.differences).toEqual([]);
    expect(result.swaggerEqual && result.apiPropertiesEqual && result.scriptEqual).toBe(true);
  });

  test("every generated descriptor imports the model from 'pcdk', as an author's do", () => {
    const sources = [...result.imported.files].filter(([f]) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(3);
    for (const [file, text] of sources) {
      const specifiers = [...String(text).matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
      expect(specifiers).toContain('pcdk');
      // Nothing reaches into pcdk's own checkout: only 'pcdk', the folder's own files and node:fs/path.
      for (const s of specifiers)
        expect([file, s]).toEqual([file, expect.stringMatching(/^(pcdk|\.\/[^.]|\.\.\/[a-z]+$|node:(fs|path)$)/)]);
    }
  });

  test('a descriptor that imports the model by a path into pcdk is refused with how to fix it', () => {
    const copy = path.join(work, 'relative-model');
    fs.cpSync(path.join(out, result.id), copy, { recursive: true });
    const file = path.join(copy, 'connector.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("from 'pcdk'", "from '../../src/model'"));
    expect(() => loadDescriptorFolder(copy)).toThrow(
      `connector.ts: cannot import "../../src/model" (only files inside the definition folder; the model is import { ... } from 'pcdk')`,
    );
  });

  test('import is deterministic: the same folder gives the same files', async () => {
    const again = await importConnector(src, { id: 'feature-zoo', modelImport: MODEL_IMPORT });
    expect([...again.files]).toEqual([...result.imported.files]);
  });

  test('vendor keys outside the official schema are reported, not silently kept', () => {
    const w = result.imported.diagnostics.find((d) => d.code === 'import-vendor-extensions');
    expect(w?.message).toContain('x-ms-openai-data (1)');
    expect(w?.message).toContain('x-ms-keywords (1)');
    expect(w?.message).toContain('x-example (1)');
  });

  test('writes readable files: operations grouped by tag, shared components named', () => {
    const files = [...result.imported.files.keys()].sort();
    expect(files).toEqual([
      'connector.ts',
      'icon.png',
      'operations/animals.ts',
      'operations/births.ts',
      'operations/hooks.ts',
      'operations/photos.ts',
      'parameters.ts',
      'responses.ts',
      'schemas.ts',
      'script.csx',
    ]);
    const animals = fs.readFileSync(path.join(out, 'feature-zoo', 'operations', 'animals.ts'), 'utf8');
    expect(animals).toContain('export const listAnimals = operation({');
    expect(animals).toContain("'x-ms-pageable': { nextLinkName: '@odata.nextLink' },");
    expect(animals).toContain("omitted: ['summary', 'description'],");
    const schemas = fs.readFileSync(path.join(out, 'feature-zoo', 'schemas.ts'), 'utf8');
    expect(schemas).toContain("export const animal = sharedSchema('Animal', t.object({");
    expect(schemas).toContain(
      'export const definitions: Record<string, DeclaredSchema> = { Animal: definitionObject(animal) };',
    );
  });

  test('the declared form carries the x-ms-* constructs', () => {
    const c = result.connector!;
    const byId = Object.fromEntries(c.operations.map((o) => [o.id, o.declared]));
    expect(byId.OnAnimalChanged?.operation?.['x-ms-trigger']).toBe('single');
    expect(byId.OnAnimalChanged?.pathItem?.['x-ms-notification-content']?.description).toBe('An animal event.');
    expect(byId.OnBirth?.operation?.['x-ms-trigger-metadata']).toEqual({ kind: 'query', mode: 'polling' });
    expect(byId.GetAnimal?.operation?.['x-ms-api-annotation']?.replacement?.operationId).toBe('GetAnimalV2');
    expect(c.operations.find((o) => o.id === 'GetAnimal')?.deprecated).toBe(true);
    expect(byId.UploadPhoto?.operation?.['x-ms-capabilities']).toEqual({ chunkTransfer: true });
    expect(byId.ListAnimals?.operation?.['x-ms-openai-data']).toEqual({ openai_enabled: true });
    expect(c.auth).toBeUndefined();
    expect(c.declared?.properties.connectionParameters?.token?.oAuthSettings?.identityProvider).toBe('aad');
    expect(c.declared?.document.securityDefinitions).toBeDefined();
    expect(c.declared?.properties.policyTemplateInstances?.map((p) => p.templateId)).toEqual([
      'setheader',
      'dynamichosturl',
      'routerequesttoendpoint',
      'updatenextlink',
      'pollingtrigger',
      'SetProperty',
    ]);
    expect(c.script?.source).toBe(SAMPLE_SCRIPT);
    expect(Buffer.from(c.icon!).equals(Buffer.from(SAMPLE_ICON))).toBe(true);
    expect(c.declared?.document.pathsWithoutOperations).toEqual({ '/': {} });
  });

  test('the generated TypeScript passes a strict type-check', () => {
    expect(typeCheck(path.join(out, 'feature-zoo'))).toEqual([]);
  });

  test('the connector folder carries script.csx, and descriptor findings on a declared document do not block', () => {
    const folder = emitConnectorFolder(result.connector!);
    expect(folder.files.get('script.csx')).toBe(SAMPLE_SCRIPT);
    expect(jsonDifferences(asWritten(folder.swagger), sampleSwagger())).toEqual([]);
    expect(validateDescriptor(result.connector!).filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('descriptor rules read the declared parameters and responses; only unsound builds stay errors', () => {
    const c = result.connector!;
    const findings = validateDescriptor(c);
    // Path parameters declared on the path item ({id}) or by $ref count as declared.
    expect(findings.filter((d) => d.code === 'path-param-undeclared')).toEqual([]);
    expect(findings.filter((d) => d.code === 'no-success-response')).toEqual([]);
    // Authoring rules the source breaks are reported as warnings (GetAnimal has no summary).
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'summary-missing', operation: 'GetAnimal', severity: 'warning' }),
    );
    const dup = { ...c, operations: [...c.operations, c.operations[0]!] };
    expect(validateDescriptor(dup)).toContainEqual(
      expect.objectContaining({ code: 'duplicate-operation-id', severity: 'error' }),
    );
  });

  test('a source swagger-parser rejects is reported (a warning) and still imported as declared', async () => {
    const s = sampleSwagger();
    (s.paths as any)['/births'].get.responses = {};
    const dir = writeSource(path.join(work, 'src', 'invalid'), s, sampleApiProperties());
    const r = await roundTrip(dir, { workDir: out, modelImport: MODEL_IMPORT, validateSource: true });
    const warning = r.diagnostics.find((d) => d.code === 'import-swagger-invalid');
    expect(warning).toMatchObject({ severity: 'warning', file: 'apiDefinition.swagger.json' });
    expect(warning!.message).toMatch(/responses/);
    expect(r.swaggerEqual && r.apiPropertiesEqual).toBe(true);
  });

  test('an OpenAPI 3 style key is an error naming its pointer, and nothing is written', async () => {
    const s = sampleSwagger();
    (s.definitions as Record<string, Record<string, unknown>>).Animal!.nullable = true;
    const bad = writeSource(path.join(work, 'src', 'bad'), s, sampleApiProperties());
    const r = await roundTrip(bad, { workDir: out, modelImport: MODEL_IMPORT });
    expect(r.imported.ok).toBe(false);
    expect(r.imported.files.size).toBe(0);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.pointer])).toContainEqual([
      'import-unsupported',
      'apiDefinition.swagger.json',
      '/definitions/Animal/nullable',
    ]);
    expect(fs.existsSync(path.join(out, 'bad'))).toBe(false);
  });
});
