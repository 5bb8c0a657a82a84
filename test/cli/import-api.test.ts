/**
 * `pcdk import --api` end to end, in process, on real public API descriptions that ship inside
 * npm packages of this repository: each is imported, then built and validated (certification
 * rules included) through the real CLI, and must give zero errors without a hand edit.
 *   Rebilly API   OpenAPI 3.0.3 YAML, 355 operations (narrowed with --tags)  @redocly/openapi-core
 *   ReadMe API    OpenAPI 3.1 JSON, 54 operations                            @readme/oas-examples
 *   Star Trek API OpenAPI 3.0 JSON, 120 operations (1 MB limit: nesting cut) @readme/oas-examples
 *   Petstore      Swagger 2.0 JSON, 20 operations                            @readme/oas-examples
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';

const run = runCli;
const root = path.join(__dirname, '..', '..');
const pkg = (p: string) => path.join(root, 'node_modules', p);
const REBILLY = pkg('@redocly/openapi-core/src/benchmark/benches/rebilly.yaml');
const EXAMPLES = pkg('@readme/oas-examples');

jest.setTimeout(180_000);

describe('pcdk import --api on real descriptions', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-import-api-'));
  const defs = path.join(work, 'definitions');
  const out = path.join(work, 'dist');
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  async function importBuildValidate(file: string, id: string, extra: string[] = []) {
    const imported = await run(['import', '--api', file, '--id', id, '--out', path.join(defs, id), ...extra]);
    expect(imported.err).not.toMatch(/\n\s+at /);
    expect(imported.code).toBe(0);
    const built = await run(['build', id, '--definitions', defs, '--out', out]);
    const validated = await run(['validate', id, '--definitions', defs]);
    const errors = (s: string) => s.split('\n').filter((l) => /\berror\b \[/.test(l) || / error \[/.test(l));
    expect(errors(built.err)).toEqual([]);
    expect(built.code).toBe(0);
    expect(errors(validated.out + validated.err)).toEqual([]);
    expect(validated.out + validated.err).toMatch(/1 connector checked: 0 errors/);
    expect(validated.code).toBe(0);
    const swagger = JSON.parse(fs.readFileSync(path.join(out, id, 'connector', 'apiDefinition.swagger.json'), 'utf8'));
    return { imported, swagger };
  }

  test('Rebilly (OpenAPI 3.0 YAML), narrowed with --tags', async () => {
    const { imported, swagger } = await importBuildValidate(REBILLY, 'rebilly', [
      '--tags',
      'Customers,Plans,Products,Coupons',
    ]);
    expect(imported.out).toMatch(/pcdk: rebilly: wrote .* \(OpenAPI 3\.0: 29 operations, \d+ shared schemas/);
    // Several ways to sign in: connection parameter sets, the bearer token as an API key.
    expect(imported.err).toContain('security: the API offers 2 ways to sign in');
    expect(swagger.host).toBe('api.rebilly.com');
    const ops = Object.values(swagger.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    expect(ops).toHaveLength(29);
    expect(ops.every((id) => /^[A-Z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(fs.readFileSync(path.join(defs, 'rebilly', 'connector.ts'), 'utf8')).toMatch(
      /^import \{ [^}]*defineConnector[^}]* \} from 'pcdk';$/m,
    );
  });

  test('ReadMe API (OpenAPI 3.1 JSON), every operation', async () => {
    const { imported, swagger } = await importBuildValidate(path.join(EXAMPLES, '3.1/json/readme.json'), 'readme');
    expect(imported.out).toMatch(/\(OpenAPI 3\.1: 54 operations/);
    // Lossy conversions are warned with the operation and the JSON pointer.
    expect(imported.err).toMatch(
      /warning \[api-import-lossy\] readme > \w+ \([^)]*readme\.json#\/paths\/[^)]+\): information lost: anyOf of 2 object schemas merged/,
    );
    expect(imported.err).toMatch(
      /warning \[api-import-skipped\] readme > \w+ .*multipart\/form-data request body was not imported/,
    );
    expect(swagger.info.title).toBe('ReadMe');
    expect(swagger.host).toBe('api.readme.com');
    expect(swagger.basePath).toBe('/v2');
  });

  test('Star Trek API (OpenAPI 3.0 JSON, 120 operations): nesting cut to stay under 1 MB', async () => {
    const { imported } = await importBuildValidate(path.join(EXAMPLES, '3.0/json/star-trek.json'), 'startrek');
    expect(imported.out).toMatch(/\(OpenAPI 3\.0: 120 operations/);
    expect(imported.err).toMatch(/nest too deep for the 1 MB swagger limit: levels below \d are free-form objects/);
    const size = fs.statSync(path.join(out, 'startrek', 'connector', 'apiDefinition.swagger.json')).size;
    expect(size).toBeLessThan(1024 * 1024);
  });

  test('Petstore (Swagger 2.0 JSON)', async () => {
    const { imported, swagger } = await importBuildValidate(path.join(EXAMPLES, '2.0/json/petstore.json'), 'petstore2');
    expect(imported.out).toMatch(/\(Swagger 2\.0: 20 operations, 6 shared schemas/);
    expect(swagger.paths['/pet/{petId}'].get.operationId).toBe('GetPetById');
    expect(fs.readFileSync(path.join(defs, 'petstore2', 'schemas.ts'), 'utf8')).toMatch(
      /export const pet = t\.object\(\{/,
    );
    // A list of users is the whole body (the client's input `body`), not left out.
    const createWithArray = swagger.paths['/user/createWithArray'].post;
    expect(createWithArray.parameters).toEqual([
      expect.objectContaining({
        in: 'body',
        schema: expect.objectContaining({ type: 'array', items: expect.objectContaining({ type: 'object' }) }),
      }),
    ]);
    expect(imported.err).not.toMatch(/request body was not imported/);
  });

  test('refuses to replace an existing folder without --force; usage errors exit 2', async () => {
    const file = path.join(EXAMPLES, '3.0/json/petstore.json');
    const target = path.join(work, 'again');
    expect((await run(['import', '--api', file, '--out', target])).code).toBe(0);
    const again = await run(['import', '--api', file, '--out', target]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('exists; pass --force');
    expect((await run(['import', '--api', file, '--out', target, '--force'])).code).toBe(0);
    expect((await run(['import', 'folder', '--api', file])).code).toBe(2);
    expect((await run(['import', 'folder', '--tags', 'x'])).code).toBe(2);
  });

  test('an unknown tag names it and lists the tags; a bad file is a message, not a stack trace', async () => {
    const r = await run([
      'import',
      '--api',
      path.join(EXAMPLES, '3.0/json/petstore.json'),
      '--tags',
      'pets',
      '--out',
      path.join(work, 'x'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no operation has the tag "pets"; the tags are: pet, store, user');
    const bad = path.join(work, 'bad.yaml');
    fs.writeFileSync(bad, 'name: not an api\n');
    const b = await run(['import', '--api', bad, '--out', path.join(work, 'y')]);
    expect(b.code).toBe(1);
    expect(b.err).toContain(`${bad}: not an OpenAPI or Swagger description`);
    expect(b.err).not.toMatch(/\n\s+at /);
  });
});
