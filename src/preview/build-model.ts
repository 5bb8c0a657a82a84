/**
 * The preview model of a swagger: one card per operation the designer offers (internal
 * operations are hidden there, so here too), in document order, with the diagnostics that name
 * each operation. Pure and deterministic: the same document and diagnostics give the same model.
 */
import type { Diagnostic } from '../diagnostics';
import type { SwaggerDocument } from '../swagger/document';
import { isObject, itemsOf, type Found } from '../swagger/found';
import { localResolver } from '../swagger/local-ref';
import { foundOperations } from '../swagger/operations';
import { operationInputs } from './inputs';
import type { Finding, PreviewCard, PreviewModel } from './model';
import { outputSchema, outputTokens } from './outputs';

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** One line per diagnostic, as the page lists it under a card's warning badge. */
export function finding(d: Diagnostic): Finding {
  return { severity: d.severity, text: `${d.message}${d.field ? ` (${d.field})` : ''} [${d.code}]` };
}

function concerns(d: Diagnostic, operationId: string): boolean {
  return d.operation === operationId || (d.operations ?? []).includes(operationId);
}

export function previewModel(doc: Found<SwaggerDocument>, diagnostics: readonly Diagnostic[] = []): PreviewModel {
  const resolve = localResolver(doc);
  const info = isObject(doc.info) ? doc.info : {};
  const cards: PreviewCard[] = [];
  for (const { path, method, item, op } of foundOperations(doc)) {
    const visibility = text(op['x-ms-visibility']).toLowerCase();
    if (visibility === 'internal') continue;
    const operationId = text(op.operationId) || `${method.toUpperCase()} ${path}`;
    cards.push({
      operationId,
      kind: op['x-ms-trigger'] ? 'trigger' : 'action',
      title: text(op.summary) || operationId,
      description: text(op.description),
      method: method.toUpperCase(),
      path,
      important: visibility === 'important',
      advanced: visibility === 'advanced',
      deprecated: op.deprecated === true,
      inputs: operationInputs([...itemsOf(item.parameters), ...itemsOf(op.parameters)], resolve),
      outputs: outputTokens(outputSchema(op.responses, item['x-ms-notification-content'], resolve), resolve),
      findings: diagnostics.filter((d) => concerns(d, operationId)).map(finding),
    });
  }
  return {
    title: text(info.title),
    description: text(info.description),
    cards,
    findings: diagnostics.filter((d) => !d.operation && !d.operations?.length).map(finding),
  };
}
