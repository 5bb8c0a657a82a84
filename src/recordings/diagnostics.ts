/** Recorded HTTP exchanges checked against the operations they record. */
import { def, defineDiagnostics } from '../diagnostics/define';

export const RECORDINGS_DIAGNOSTICS = defineDiagnostics('recordings', {
  'fixture-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `not a fixture: ${a.reason}`,
    hint: 'Follow the format in docs/recordings.md: {operationId, source, kind, request: {method, path, query, body}, response: {status, headers, body}}.',
  }),
  'fixture-operation-unknown': def<{ operationId: string }>({
    severity: 'error',
    message: (a) => `the fixture names operation "${a.operationId}", which the connector does not have`,
    hint: 'Fix operationId in the fixture, or delete the fixture if the operation was removed.',
  }),
  'fixture-route-mismatch': def<{ expected: string; actual: string }>({
    severity: 'error',
    message: (a) => `the request ${a.actual} does not match the operation's ${a.expected}`,
    hint: 'Fix request.method and request.path (it includes the basePath, e.g. /v3/forms/1/subscribe).',
  }),
  'fixture-input-missing': def<{ name: string; where: string }>({
    severity: 'error',
    message: (a) => `required ${a.where} input "${a.name}" is missing from the request`,
    hint: 'Add the value to the fixture request, as the operation requires it.',
  }),
  'fixture-input-invalid': def<{ name: string; reason: string }>({
    severity: 'error',
    message: (a) => `request input "${a.name}" ${a.reason}`,
    hint: 'Give the value the type the operation declares.',
  }),
  'fixture-input-unknown': def<{ name: string; where: string }>({
    severity: 'warning',
    message: (a) => `the request sends ${a.where} "${a.name}", which the operation does not declare`,
    hint: 'Fine for recordings of the live API; declare the input if clients should send it.',
  }),
  'fixture-secret-unredacted': def<{ name: string }>({
    severity: 'error',
    message: (a) => `credential "${a.name}" holds a value other than the redaction placeholder`,
    hint: 'Replace the value with "[REDACTED]"; secrets never go into fixtures.',
  }),
  'fixture-response-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the response body does not match the operation's response schema: ${a.reason}`,
    hint: 'Fix the schema if the API really answers this way (mark the field x-nullable with nullable: true for nulls), or declare a knownMismatches entry with the reason.',
  }),
  'fixture-response-extra-field': def<{ name: string }>({
    severity: 'warning',
    message: (a) => `the response has "${a.name}", which the schema does not declare`,
    hint: 'The live API adds fields; declare it in the schema if flows should see it.',
  }),
  'fixture-known-mismatch': def<{ reason: string }>({
    severity: 'warning',
    message: (a) => `known mismatch with the response schema: ${a.reason}`,
    hint: "Kept on purpose (see the fixture's knownMismatches); remove the entry once the schema matches.",
  }),
  'recording-missing': def<{ operation: string }>({
    severity: 'warning',
    message: (a) => `${a.operation} has no recording`,
    hint: 'Record one with `pcdk recordings record <id> <operationId>`, or write one by hand (docs/recordings.md).',
  }),
  'recording-required': def<{ operation: string }>({
    severity: 'error',
    message: (a) => `${a.operation} has no recording, and this connector requires one for every operation`,
    hint: 'Record one with `pcdk recordings record <id> <operationId>`, or drop requireRecordings from the connector.',
  }),
  'delivery-trigger-unknown': def<{ operationId: string }>({
    severity: 'error',
    message: (a) => `the delivery names "${a.operationId}", which is not a webhook trigger of the connector`,
    hint: 'Set operationId to the webhookTrigger({ id }) whose payload this delivery is, or delete the file.',
  }),
  'delivery-payload-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the delivery does not match the trigger's payload schema: ${a.reason}`,
    hint: 'Fix the payload in webhookTrigger({ payload }) if the service really sends this (nullable: true for nulls).',
  }),
  'delivery-payload-extra-field': def<{ name: string }>({
    severity: 'warning',
    message: (a) => `the delivery has "${a.name}", which the trigger's payload does not declare`,
    hint: 'Declare it in the payload schema if flows should see it as a trigger output.',
  }),
  'delivery-header-missing': def<{ name: string }>({
    severity: 'error',
    message: (a) => `the delivery lacks header "${a.name}", which the trigger declares`,
    hint: 'Record the header the service sends, or remove it from webhookTrigger({ headers }).',
  }),
  'fixture-known-mismatch-stale': def({
    severity: 'error',
    message: () => 'knownMismatches names a place where the response now matches the schema',
    hint: 'Delete the stale knownMismatches entry from the fixture.',
  }),
});

/** This area's definitions, by code. */
export const DIAGNOSTICS = RECORDINGS_DIAGNOSTICS.definitions;
export const { diagnostic } = RECORDINGS_DIAGNOSTICS;
export type DiagnosticCode = keyof typeof RECORDINGS_DIAGNOSTICS.definitions;
