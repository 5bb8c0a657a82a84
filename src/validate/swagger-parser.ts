/** Layer 2: strict JSON and @apidevtools/swagger-parser on an emitted or existing swagger. */
import SwaggerParser from '@apidevtools/swagger-parser';
import { diagnostic, type Diagnostic } from './diagnostics';

/** Parses JSON the way the service does: no BOM, no trailing commas, no comments. */
export function parseStrictJson(text: string, where: { connector: string; file: string }): { value?: unknown; diagnostics: Diagnostic[] } {
  if (text.charCodeAt(0) === 0xfeff) {
    return { diagnostics: [diagnostic('json-invalid', { reason: 'the file starts with a byte-order mark' }, { ...where, pointer: '' })] };
  }
  try {
    return { value: JSON.parse(text), diagnostics: [] };
  } catch (e) {
    return { diagnostics: [diagnostic('json-invalid', { reason: (e as Error).message }, { ...where, pointer: '' })] };
  }
}

export async function validateWithSwaggerParser(doc: unknown, where: { connector: string; file: string }): Promise<Diagnostic[]> {
  try {
    // swagger-parser dereferences in place; give it a copy.
    await SwaggerParser.validate(structuredClone(doc) as never);
    return [];
  } catch (e) {
    const reason = String((e as Error).message ?? e).split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
    return [diagnostic('swagger-invalid', { reason }, { ...where, pointer: '' })];
  }
}
