/**
 * Triggers on the docs page, as learn.microsoft.com/connectors/<name> lays them out: a Triggers
 * list and sections apart from the actions, each with its Parameters table and, for a webhook,
 * the delivered payload (x-ms-notification-content) as Returns rather than the registration's
 * response. Read from the emitted swagger, like every other row of the page.
 */
import type { SwaggerDocument } from '../swagger/document';
import type { Found } from '../swagger/found';
import { localResolver } from '../swagger/local-ref';
import { foundOperations } from '../swagger/operations';
import { actionRows, returnRows, type ActionRows } from './reference-rows';

export interface PageOperations {
  actions: ActionRows[];
  triggers: ActionRows[];
}

/** The operations makers see, split into actions and triggers (x-ms-trigger), each in document order. */
export function pageOperations(doc: Found<SwaggerDocument>): PageOperations {
  const resolve = localResolver(doc);
  const rows = actionRows(doc);
  const out: PageOperations = { actions: [], triggers: [] };
  // actionRows walks foundOperations in the same order: row i is operation i.
  for (const [i, { item, op }] of foundOperations(doc).entries()) {
    const row = rows[i]!;
    // Internal operations (a trigger's unregister call) are not shown to makers, nor on the page.
    if (op['x-ms-visibility'] === 'internal') continue;
    if (op['x-ms-trigger'] !== 'single' && op['x-ms-trigger'] !== 'batch') {
      out.actions.push(row);
      continue;
    }
    const content = resolve(item['x-ms-notification-content']);
    const payload = content ? resolve(content.schema) : undefined;
    out.triggers.push(payload ? { ...row, returns: returnRows(payload, resolve) } : row);
  }
  return out;
}
