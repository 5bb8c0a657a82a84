/** The OpenAPI 3 package checked by swagger-parser, as the pack writes it. */
import SwaggerParser from '@apidevtools/swagger-parser';
import { OPENAPI_VERSION } from '../emit/openapi3';
import { isObject } from '../swagger/found';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';

/** swagger-parser validates OpenAPI 3.0 against its official schema plus semantic checks. */
export async function validateOpenApi3(
  doc: unknown,
  where: { connector: string; file: string },
): Promise<Diagnostic[]> {
  try {
    await SwaggerParser.validate(structuredClone(doc) as never);
    const version = isObject(doc) ? doc.openapi : undefined;
    if (version !== OPENAPI_VERSION) throw new Error(`openapi is ${String(version)}, expected ${OPENAPI_VERSION}`);
    return [];
  } catch (e) {
    const reason = String((e as Error).message ?? e)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ');
    return [diagnostic('openapi3-invalid', { reason }, { ...where, pointer: '' })];
  }
}
