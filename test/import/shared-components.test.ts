/**
 * Shared #/definitions, #/parameters and #/responses are written as named constants
 * (sharedSchema / sharedParameter / sharedResponse) that operations use by name; the swagger
 * still writes a $ref where the source has one, and the document's maps derive each typed entry
 * from its constant. What the typed form cannot rebuild stays declared verbatim, with the reason.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  bodyParameterObject,
  emitSwagger,
  operationJson,
  parameterObject,
  responseObject,
} from '../../src/emit/swagger';
import { schemaJson } from '../../src/emit/schema-object';
import { generateDescriptors } from '../../src/import/generate';
import { asWritten, jsonDifferences } from '../../src/import/json-compare';
import { loadDescriptorFolder } from '../../src/import/load-descriptor';
import {
  declaredSchema,
  operation,
  path as pathParam,
  query,
  response,
  sharedBody,
  sharedParameter,
  sharedResponse,
  sharedSchema,
  t,
} from '../../src/model';
import { sampleApiProperties, sampleSwagger, tempDir, typeCheck } from './sample-source';

type Obj = Record<string, unknown>;

describe('the model marks: the same value, written as a $ref where used', () => {
  const pet = sharedSchema('Pet/Cat~1', t.object({ name: t.string() }));
  const id = sharedParameter('id', 'petId', pathParam(t.string()), { urlEncodingOmitted: true });
  const top = sharedParameter('top', '$top', query(t.integer({ format: 'int32' })), { requiredOmitted: true });
  const notFound = sharedResponse('notFound', response('Not found'));
  const op = operation({
    id: 'Put',
    method: 'put',
    path: '/pets/{petId}',
    summary: 'Put',
    description: 'Put.',
    params: { petId: id, $top: top },
    body: pet,
    responses: { 200: t.array(pet), 404: notFound },
  });

  test('operations write references (JSON pointer escaped)', () => {
    expect(asWritten(operationJson(op))).toMatchObject({
      parameters: [
        { $ref: '#/parameters/id' },
        { $ref: '#/parameters/top' },
        { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Pet~1Cat~01' } },
      ],
      responses: {
        200: { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Pet~1Cat~01' } } },
        404: { $ref: '#/responses/notFound' },
      },
    });
  });

  test('the values keep every key (clients and checks see the whole schema); JSON never sees the mark', () => {
    expect(op.body?.properties?.name).toEqual({ type: 'string' });
    expect(JSON.parse(JSON.stringify(pet))).toEqual({
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['name'],
    });
    expect(Object.keys(top)).toEqual(Object.keys(query(t.integer({ format: 'int32' }))));
  });

  test('the document entries derive from the constants', () => {
    expect(parameterObject(id)).toEqual({ name: 'petId', in: 'path', required: true, type: 'string' });
    expect(parameterObject(top)).toEqual({ name: '$top', in: 'query', type: 'integer', format: 'int32' });
    expect(responseObject(sharedResponse('pets', response('Pets', t.array(pet))))).toEqual({
      description: 'Pets',
      schema: { type: 'array', items: { $ref: '#/definitions/Pet~1Cat~01' } },
    });
    expect(() => parameterObject(query(t.string()))).toThrow(/sharedParameter/);
  });

  test('a shared body is written as a reference where used, and its entry derives from the constant', () => {
    const newPet = sharedBody('NewPet', 'pet', pet, { required: true, description: 'The pet.' });
    const add = operation({
      id: 'Add',
      method: 'post',
      path: '/pets',
      summary: 'Add',
      description: 'Add.',
      params: { $top: top },
      body: newPet,
      responses: { 200: response('OK') },
    });
    expect(operationJson(add).parameters).toEqual([{ $ref: '#/parameters/top' }, { $ref: '#/parameters/NewPet' }]);
    // Where the source lists the body first, the reference is placed there.
    const first = operation({ ...add, declared: { bodyIndex: 0 } });
    expect(operationJson(first).parameters).toEqual([{ $ref: '#/parameters/NewPet' }, { $ref: '#/parameters/top' }]);
    expect(bodyParameterObject(newPet)).toEqual({
      name: 'pet',
      in: 'body',
      required: true,
      description: 'The pet.',
      schema: { $ref: '#/definitions/Pet~1Cat~01' },
    });
    // The body's schema is the whole schema to the client; JSON never sees the mark.
    expect(add.body?.properties?.name).toEqual({ type: 'string' });
    expect(JSON.parse(JSON.stringify(newPet))).toEqual(JSON.parse(JSON.stringify(pet)));
    expect(() => bodyParameterObject(pet)).toThrow(/sharedBody/);
  });

  test('an optional property keeps the reference (t.optional keeps the marks of what it wraps)', () => {
    expect(schemaJson(t.object({ a: t.string(), b: t.optional(pet) }))).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { $ref: '#/definitions/Pet~1Cat~01' } },
      required: ['a'],
    });
  });

  test('a shared schema nested in allOf or a declared schema is a reference too', () => {
    expect(schemaJson(declaredSchema({ allOf: [pet], type: 'object' }))).toEqual({
      type: 'object',
      allOf: [{ $ref: '#/definitions/Pet~1Cat~01' }],
    });
  });
});

describe('import: shared pieces as constants, the swagger equal', () => {
  const swagger = sampleSwagger() as Obj & { paths: Obj; definitions: Obj; parameters: Obj; responses: Obj };
  swagger.definitions.Pet = {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', 'x-ms-summary': 'Name' },
      tag: { type: 'string', 'x-ms-mutability': ['read'] },
    },
  };
  // Refers to a definition that comes after it (written after Pet), and two that refer to each
  // other (the cycle is closed by a $ref text).
  swagger.definitions.Pack = { type: 'array', items: { $ref: '#/definitions/Pet' } };
  swagger.definitions.Node = { type: 'object', properties: { next: { $ref: '#/definitions/Leaf' } } };
  swagger.definitions.Leaf = { type: 'object', properties: { up: { $ref: '#/definitions/Node' } } };
  // A value no schema type holds (the builders' visibility is lower case): declared verbatim.
  swagger.definitions.Odd = { type: 'object', properties: { a: { type: 'string', 'x-ms-visibility': 'Advanced' } } };
  swagger.parameters.PetId = { name: 'petId', in: 'path', required: true, type: 'string' };
  swagger.parameters.Upload = { name: 'file', in: 'formData', required: true, type: 'file' };
  // A path parameter that is not required, which path() cannot write: declared verbatim.
  swagger.parameters.Slot = { name: 'slot', in: 'path', required: false, type: 'string' };
  // A shared body: typed as sharedBody() of the definition's constant, used as the operation's body.
  swagger.parameters.NewPet = {
    name: 'pet',
    in: 'body',
    required: true,
    description: 'The pet.',
    schema: { $ref: '#/definitions/Pet' },
    // A vendor key: added to the entry as declared.
    'x-ms-parameter-location': 'method',
  };
  // A standard key a body parameter has no field for: declared verbatim.
  swagger.parameters.OddBody = { name: 'odd', in: 'body', schema: { type: 'object' }, allowEmptyValue: true };
  swagger.responses.Pets = { description: 'Pets', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } };
  swagger.responses.Limited = { description: 'Limited', headers: { 'Retry-After': { type: 'integer' } } };
  // A vendor key on a response: no field for it, declared verbatim.
  swagger.responses.Odd = { description: 'Odd', 'x-odd': true };
  swagger.paths['/pets/{petId}'] = {
    put: {
      summary: 'Replace a pet',
      description: 'Replaces a pet.',
      operationId: 'PutPet',
      parameters: [
        { $ref: '#/parameters/PetId' },
        { $ref: '#/parameters/Top' },
        { name: 'body', in: 'body', schema: { $ref: '#/definitions/Pet' } },
      ],
      responses: { 200: { $ref: '#/responses/Pets' }, 404: { $ref: '#/responses/Error' } },
    },
    post: {
      summary: 'Add a pet like this one',
      description: 'Adds a pet like this one.',
      operationId: 'AddPetLike',
      // The shared body first: the swagger keeps it there.
      parameters: [{ $ref: '#/parameters/NewPet' }, { $ref: '#/parameters/PetId' }],
      responses: { 200: { $ref: '#/responses/Pets' } },
    },
  };
  // The shared body's "name" is also a query parameter: the client's inputs would clash, so the
  // parameters stay declared.
  swagger.paths['/named'] = {
    post: {
      summary: 'Add a named pet',
      description: 'Adds a named pet.',
      operationId: 'AddNamedPet',
      parameters: [{ $ref: '#/parameters/NewPet' }, { name: 'name', in: 'query', required: true, type: 'string' }],
      responses: { 200: { $ref: '#/responses/Pets' } },
    },
  };
  const generated = generateDescriptors({
    id: 'zoo',
    sourceName: 'Feature Zoo',
    swagger,
    apiProperties: sampleApiProperties(),
    modelImport: 'pcdk',
  });
  const file = (name: string): string => String(generated.files.get(name));
  const dir = tempDir('shared');
  for (const [name, text] of generated.files) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['schemas.ts', "export const pet = sharedSchema('Pet', t.object({"],
    ['schemas.ts', "tag: t.optional(declaredSchema({ type: 'string', 'x-ms-mutability': ['read'] })),"],
    [
      'schemas.ts',
      '// Declared verbatim: holds a key or value the schema types cannot hold.\nexport const odd: DeclaredSchema = {',
    ],
    ['schemas.ts', "export const pack = sharedSchema('Pack', t.array(pet));"],
    [
      'schemas.ts',
      "export const leaf = sharedSchema('Leaf', t.partial({ up: declaredSchema({ $ref: '#/definitions/Node' }) }));",
    ],
    ['schemas.ts', "export const node = sharedSchema('Node', t.partial({ next: leaf }));"],
    [
      'schemas.ts',
      'export const definitions: Record<string, DeclaredSchema> = {\n  Animal: definitionObject(animal),\n  Pet: definitionObject(pet),\n  Pack: definitionObject(pack),\n  Node: definitionObject(node),\n  Leaf: definitionObject(leaf),\n  Odd: odd,\n};',
    ],
    [
      'parameters.ts',
      "export const petId = sharedParameter('PetId', 'petId', path(t.string()), { urlEncodingOmitted: true });",
    ],
    [
      'parameters.ts',
      "export const upload = sharedParameter('Upload', 'file', formData(t.file(), { required: true }));",
    ],
    ['parameters.ts', '// Declared verbatim: holds a key or value path()/query()/header()/formData() cannot write.'],
    ['parameters.ts', 'PetId: parameterObject(petId)'],
    [
      'responses.ts',
      "export const pets = sharedResponse('Pets', { description: 'Pets', schema: t.array(schemas.pet) });",
    ],
    ['responses.ts', "import * as schemas from './schemas';"],
    ['responses.ts', '// Declared verbatim: holds a key a typed response has no field for (vendor keys).'],
    [
      'responses.ts',
      "export const limited = sharedResponse('Limited', { description: 'Limited' }, { headers: { 'Retry-After': { type: 'integer' } } });",
    ],
    [
      'parameters.ts',
      "export const newPet = sharedBody('NewPet', 'pet', schemas.pet, { required: true, description: 'The pet.', keys: { 'x-ms-parameter-location': 'method' } });",
    ],
    ['parameters.ts', 'NewPet: bodyParameterObject(newPet)'],
    ['parameters.ts', "import * as schemas from './schemas';"],
    [
      'parameters.ts',
      '// Declared verbatim: a body parameter with "allowEmptyValue", which sharedBody() cannot write.',
    ],
    ['operations/pets.ts', 'body: parameters.newPet,'],
    ['operations/pets.ts', 'declared: { bodyIndex: 0 }'],
    ['operations/pets.ts', 'params: { petId: parameters.petId, $top: parameters.top },'],
    ['operations/pets.ts', 'body: schemas.pet,'],
    ['operations/pets.ts', 'responses: { 200: responses.pets, 404: responses.error },'],
    ['operations/pets.ts', "declared: { requiredOmitted: ['body'] }"],
  ])('%s has %s', (name, snippet) => {
    expect(file(name)).toContain(snippet);
  });

  test('what stays declared in an operation says why, in its doc comment', () => {
    expect(file('operations/animals.ts')).toContain(
      ' * Declared verbatim: responses: default: #/responses/Error has a schema, which the model forbids under default.',
    );
    // A form upload is typed: its fields, the file among them, and the operation's consumes.
    expect(file('operations/photos.ts')).toContain("consumes: ['multipart/form-data'],");
    expect(file('operations/photos.ts')).toContain(
      "file: formData(t.file({ title: 'Photo', description: 'The photo.' }), { required: true }),",
    );
  });

  test("a shared body whose input is also a parameter's name stays declared, saying why", () => {
    const named = [...generated.files].find(
      ([n, t]) => n.startsWith('operations/') && String(t).includes("id: 'AddNamedPet'"),
    );
    expect(named?.[1]).toContain('Declared verbatim: parameters:');
    expect(named?.[1]).not.toContain('body: parameters.newPet');
  });

  test('constants come after those they use, whatever the source order', () => {
    const at = (id: string) => file('schemas.ts').indexOf(`export const ${id} =`);
    expect(at('pet')).toBeLessThan(at('pack'));
    expect(at('leaf')).toBeLessThan(at('node'));
  });

  test('the operation is typed and rebuilds the source swagger exactly', () => {
    expect(file('operations/pets.ts')).not.toContain('$ref');
    const connector = loadDescriptorFolder(dir);
    expect(jsonDifferences(asWritten(emitSwagger(connector)), swagger)).toEqual([]);
  });

  test('the descriptors type-check', () => {
    expect(typeCheck(dir)).toEqual([]);
  }, 120_000);
});
