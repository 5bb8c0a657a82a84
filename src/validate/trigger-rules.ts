/**
 * Descriptor rules for triggers (src/model/trigger.ts), run with the other operation rules
 * (descriptor-rules.ts) before anything is written. Each finding names the operation and the
 * field as written in webhookTrigger({ ... }) / pollingTrigger({ ... }), so it is located at
 * that .ts line.
 */
import { scriptedTriggers } from '../emit/script-csx';
import type { Connector } from '../model/connector';
import { successSchema, type Operation } from '../model/operation';
import type { SchemaObject } from '../model/schema';
import type { PollingTriggerInfo, WebhookTriggerInfo } from '../model/trigger';
import type { DeclaredSchema } from '../swagger/document';
import type { TriggerReport } from './descriptor-rules';

type TriggerRule = (op: Operation, c: Connector, report: TriggerReport) => void;

// Microsoft's style guide: "Triggers read 'When a …'" (reference/power-platform.md §3 item 12).
const WHEN = /^When\b/;

export const triggerRules: TriggerRule[] = [
  function triggerSummary(op, _c, report) {
    // A missing summary is summary-missing, for triggers as for actions.
    if (op.trigger && op.summary && !WHEN.test(op.summary))
      report('trigger-summary-style', { summary: op.summary }, { operation: op.id, field: 'summary' });
  },
  function webhookPayload(op, _c, report) {
    const tr = webhookOf(op);
    if (tr && (!tr.payload || typeof tr.payload !== 'object'))
      report('trigger-notification-content-missing', {}, { operation: op.id, field: 'payload' });
  },
  function webhookMethod(op, _c, report) {
    if (webhookOf(op) && op.method === 'get')
      report('trigger-method-invalid', { kind: 'webhook', method: op.method }, { operation: op.id, field: 'method' });
  },
  function webhookUrl(op, _c, report) {
    const tr = webhookOf(op);
    if (!tr) return;
    const u = tr.notificationUrl;
    if (!u || typeof u.name !== 'string' || !u.name)
      return report('trigger-notification-url-missing', {}, { operation: op.id, field: 'notificationUrl' });
    const at = { operation: op.id, field: 'notificationUrl.name' };
    const input = urlInput(op, u.name, u.in === 'query');
    // webhookTrigger() writes the input; a params entry or body property of the same name
    // written by hand replaces it and loses the x-ms-notification-url mark.
    if (!input) return report('trigger-notification-url-invalid', { name: u.name, reason: 'is not an input' }, at);
    const problems: string[] = [];
    const d: DeclaredSchema = input.schema;
    if (d['x-ms-notification-url'] !== true) problems.push('has no x-ms-notification-url mark');
    if (input.schema.type !== 'string') problems.push('is not a string');
    if (!input.required) problems.push('is not required');
    if (input.visibility !== 'internal') problems.push('is not internal');
    if (problems.length) report('trigger-notification-url-invalid', { name: u.name, reason: problems.join(', ') }, at);
  },
  function webhookUnregister(op, c, report) {
    const u = webhookOf(op)?.unregister;
    if (u === undefined) return;
    const at = { operation: op.id, field: 'unregister' };
    if (typeof u === 'string') {
      if (!u.startsWith('/')) report('trigger-unregister-invalid', { reason: `"${u}" is not a path template` }, at);
      return;
    }
    // defineConnector copies each operation, so the one listed is found by its id.
    if (!c.operations.some((o) => o === u || (o.id === u.id && o.method === u.method && o.path === u.path)))
      return report('trigger-unregister-invalid', { reason: `names ${u.id}, which is not in operations` }, at);
    if (u.method !== 'delete')
      report('trigger-unregister-invalid', { reason: `names ${u.id}, a ${u.method.toUpperCase()}, not a DELETE` }, at);
  },
  function webhookApiPath(op, _c, report) {
    const p = webhookOf(op)?.apiPath;
    if (p === undefined) return;
    const at = { operation: op.id, field: 'apiPath' };
    if (typeof p !== 'string' || !p.startsWith('/'))
      return report('trigger-api-path-invalid', { reason: `${JSON.stringify(p)} does not start with "/"` }, at);
    if (/[{}?#]/.test(p))
      return report('trigger-api-path-invalid', { reason: `"${p}" holds a parameter, query or fragment` }, at);
    if (p === op.path) report('trigger-api-path-invalid', { reason: `equals path "${p}"` }, at);
  },
  function webhookLocation(op, _c, report) {
    const tr = webhookOf(op);
    const loc = tr?.location;
    if (!tr || loc === undefined) return;
    const at = { operation: op.id, field: 'location.fromBody' };
    if (!loc || typeof loc.fromBody !== 'string' || !/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/.test(loc.fromBody))
      return report('trigger-location-invalid', { reason: 'needs fromBody, a dotted path such as "rule.id"' }, at);
    const u = tr.unregister;
    if (u === undefined || typeof u === 'string')
      return report(
        'trigger-location-invalid',
        { reason: 'needs unregister to name the DELETE operation whose URL becomes Location' },
        { operation: op.id, field: 'unregister' },
      );
    const pathParams = (u.path.match(/\{[^}]+\}/g) ?? []).length;
    if (pathParams !== 1)
      report(
        'trigger-location-invalid',
        { reason: `needs ${u.id}'s path to hold exactly one parameter (the hook id), not ${pathParams}` },
        { operation: op.id, field: 'unregister' },
      );
    const found = schemaAt(successSchema(op), loc.fromBody.split('.'));
    if (!found)
      report(
        'trigger-location-invalid',
        { reason: `"${loc.fromBody}" is not in the registration response schema` },
        at,
      );
    else if (found.type !== 'integer' && found.type !== 'string')
      report(
        'trigger-location-invalid',
        {
          reason: `"${loc.fromBody}" is a${found.type ? ` ${found.type}` : 'n untyped value'}, not an id (integer or string)`,
        },
        at,
      );
  },
  function webhookScriptConflict(op, c, report) {
    // Reported once, on the first trigger that needs the generated script; the operations that
    // need it are the ones the generator scripts (one definition of "needs").
    if (!c.script) return;
    const needing = scriptedTriggers(c);
    if (needing[0] !== op) return;
    report(
      'trigger-script-conflict',
      { operations: needing.map((o) => o.id).join(', ') },
      { operation: op.id, field: op.trigger && webhookOf(op)?.location ? 'location' : 'apiPath' },
    );
  },
  function pollingMethod(op, _c, report) {
    if (pollingOf(op) && op.method !== 'get')
      report('trigger-method-invalid', { kind: 'polling', method: op.method }, { operation: op.id, field: 'method' });
  },
  function pollingOutputs(op, _c, report) {
    if (pollingOf(op) && !successSchema(op))
      report('trigger-outputs-missing', {}, { operation: op.id, field: 'responses' });
  },
  function pollingState(op, _c, report) {
    const name = pollingOf(op)?.state;
    if (name === undefined) return;
    const p = op.params[name];
    const at = { operation: op.id, field: 'state' };
    if (!p) return report('trigger-state-invalid', { name, reason: 'is not in params' }, at);
    if (p.in !== 'query') report('trigger-state-invalid', { name, reason: `is a ${p.in} parameter, not query` }, at);
    if ((p.visibility ?? p.schema['x-ms-visibility']) !== 'internal')
      report('trigger-state-invalid', { name, reason: 'is not internal' }, at);
  },
];

function webhookOf(op: Operation): WebhookTriggerInfo | undefined {
  return op.trigger?.kind === 'webhook' ? op.trigger : undefined;
}
function pollingOf(op: Operation): PollingTriggerInfo | undefined {
  return op.trigger?.kind === 'polling' ? op.trigger : undefined;
}

/** The schema at a dotted path of property names, through objects only. */
function schemaAt(s: SchemaObject | undefined, keys: string[]): SchemaObject | undefined {
  let cur = s;
  for (const k of keys) {
    cur = cur?.type === 'object' || cur?.properties ? cur.properties?.[k] : undefined;
    if (!cur) return undefined;
  }
  return cur;
}

/** The callback URL input as the operation holds it: its schema, whether required, its visibility. */
function urlInput(
  op: Operation,
  name: string,
  inQuery: boolean,
): { schema: SchemaObject; required: boolean; visibility?: string } | undefined {
  if (inQuery) {
    const p = op.params[name];
    return p && p.in === 'query'
      ? { schema: p.schema, required: p.required, visibility: p.visibility ?? p.schema['x-ms-visibility'] }
      : undefined;
  }
  const s = op.body?.properties?.[name];
  if (!s) return undefined;
  const required = (op.bodyRequired ?? true) && (op.body?.required ?? []).includes(name);
  return { schema: s, required, visibility: s['x-ms-visibility'] };
}
