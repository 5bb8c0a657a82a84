/**
 * What the recorded-body validator is compared on against ajv: each finding as one sortable line
 * (pointer, message, and the property a required or additionalProperties finding names).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { SchemaObject } from '../../src/model/schema';
import { toJsonSchema } from '../../src/recordings/json-schema';

type Finding = { instancePath: string; message?: string; params: object };

export function findings(errors: ReadonlyArray<Finding> | null | undefined): string[] {
  return (errors ?? [])
    .map((e) => {
      const p = e.params as { missingProperty?: string; additionalProperty?: string };
      return `${e.instancePath} ${e.message} ${p.missingProperty ?? p.additionalProperty ?? ''}`.trim();
    })
    .sort();
}

/** ajv with every error and ajv-formats' formats, as pcdk used it for recordings before. */
export function ajvReference(schema: SchemaObject): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(toJsonSchema(schema));
}
