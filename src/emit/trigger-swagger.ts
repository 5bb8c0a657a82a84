/**
 * The swagger keys of a trigger descriptor (src/model/trigger.ts): x-ms-trigger and its hint and
 * polling metadata on the operation, x-ms-notification-content on the path item. The callback
 * URL input itself is an ordinary body property or query parameter, written with the rest.
 */
import type { Operation } from '../model/operation';
import type { SchemaObject } from '../model/schema';
import type { DeclaredSchema, HeaderObject, NotificationContent, SwaggerOperation } from '../swagger/document';
import { schemaJson, withoutUndefined } from './schema-object';

/** Operation keys, written after responses as the corpus writes them; {} for an action. */
export function triggerOperationKeys(op: Pick<Operation, 'trigger'>): Partial<SwaggerOperation> {
  const tr = op.trigger;
  if (!tr) return {};
  return withoutUndefined({
    'x-ms-trigger': tr.batch ? 'batch' : 'single',
    'x-ms-trigger-hint': tr.hint,
    'x-ms-trigger-metadata': tr.kind === 'polling' ? { kind: 'query', mode: 'polling' } : undefined,
  });
}

/** The path item's x-ms-notification-content of a webhook trigger, else undefined. */
export function notificationContentJson(op: Pick<Operation, 'trigger'>): NotificationContent | undefined {
  const tr = op.trigger;
  if (tr?.kind !== 'webhook' || !tr.payload) return undefined;
  const headers = tr.headers && Object.entries(tr.headers);
  return withoutUndefined({
    description: tr.payloadDescription,
    schema: schemaJson(tr.payload),
    headers: headers?.length ? Object.fromEntries(headers.map(([n, s]) => [n, headerJson(s)])) : undefined,
  });
}

/** A delivery header as Swagger declares a response header: primitive keys, label, description. */
function headerJson(s: SchemaObject): HeaderObject {
  const j = schemaJson(s);
  return withoutUndefined({
    type: j.type,
    format: j.format,
    enum: j.enum,
    description: j.description,
    'x-ms-summary': s['x-ms-summary'] ?? s.title,
  });
}

/** x-ms-notification-url of a callback URL schema (outside the authored keys, see webhookTrigger). */
export function notificationUrlOf(s: DeclaredSchema): true | undefined {
  return s['x-ms-notification-url'] === true ? true : undefined;
}
