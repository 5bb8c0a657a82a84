/**
 * The generated client's side of webhook triggers (src/model/trigger.ts): one payload type per
 * trigger, an interface of them by operationId, and `parseDelivery`, which turns a delivery's
 * body into the typed payload or throws DeliveryError (a ClientError). Nothing is written for a
 * connector without webhook triggers, so such clients stay byte-identical.
 */
import type { Connector } from '../../model/connector';
import type { Operation } from '../../model/operation';
import type { WebhookTriggerInfo } from '../../model/trigger';
import { schemaType } from './ts-types';

interface Names {
  types: Map<string, string>;
  client: string;
}

type Webhook = Operation & { trigger: WebhookTriggerInfo };

function webhooks(c: Connector): Webhook[] {
  return c.operations.filter((op): op is Webhook => op.trigger?.kind === 'webhook' && !!op.trigger.payload);
}

/** What the runtime checks of a payload: its top-level JSON type and required properties. */
interface PayloadShape {
  type: string;
  required?: string[];
}

function shapeOf(op: Webhook): PayloadShape {
  const s = op.trigger.payload;
  return {
    type: s.type ?? 'any',
    ...(s.type === 'object' && s.required?.length ? { required: [...s.required] } : {}),
  };
}

function typesText(c: Connector, names: Names): string {
  const hooks = webhooks(c);
  const out = hooks.map(
    (op) =>
      `/** What ${op.id} (${op.summary}) delivers. */\nexport type ${names.types.get(op.id)}Payload = ${schemaType(op.trigger.payload)};\n`,
  );
  const lines = hooks.map((op) => `  ${op.id}: ${names.types.get(op.id)}Payload;`);
  out.push(
    `/** Every webhook trigger's payload by operationId, for \`parseDelivery\`. */\nexport interface ${names.client}Payloads {\n${lines.join('\n')}\n}\n`,
  );
  return out.join('\n');
}

/** Types, the shape table, DeliveryError and parseDelivery; '' without webhook triggers. */
export function triggerClientSource(c: Connector, names: Names): string {
  const hooks = webhooks(c);
  if (!hooks.length) return '';
  const shapes = Object.fromEntries(hooks.map((op) => [op.id, shapeOf(op)]));
  const payloads = `${names.client}Payloads`;
  return `${typesText(c, names)}
const PAYLOADS: Readonly<Record<string, { type: string; required?: string[] }>> = ${JSON.stringify(shapes, null, 2)};

/** A webhook delivery that is not the payload its trigger declares. */
export class DeliveryError extends ClientError {
  override name = 'DeliveryError' as const;
  constructor(operationId: string, reason: string) {
    super(\`\${operationId}: the delivery is not its payload: \${reason}\`, operationId);
  }
}

/**
 * One webhook delivery's body (the request text or bytes) as the typed payload of the trigger
 * \`operationId\`. Checks that it is JSON of the declared top-level type with the declared
 * required properties; deeper values are trusted as the service sends them.
 */
export function parseDelivery<K extends keyof ${payloads}>(operationId: K, body: string | Uint8Array): ${payloads}[K] {
  const id = String(operationId);
  const shape = PAYLOADS[id];
  if (!shape) throw new DeliveryError(id, 'no webhook trigger has this operationId');
  let value: unknown;
  try {
    value = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch (e) {
    throw new DeliveryError(id, \`not JSON (\${e instanceof Error ? e.message : String(e)})\`);
  }
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const expected = shape.type === 'integer' ? 'number' : shape.type;
  if (expected !== 'any' && actual !== expected) throw new DeliveryError(id, \`expected \${shape.type}, got \${actual}\`);
  const missing = (shape.required ?? []).filter((k) => !Object.hasOwn(value as object, k));
  if (missing.length) throw new DeliveryError(id, \`missing \${missing.join(', ')}\`);
  return value as ${payloads}[K];
}
`;
}

/** The declarations of triggerClientSource; '' without webhook triggers. */
export function triggerClientDeclarations(c: Connector, names: Names): string {
  if (!webhooks(c).length) return '';
  const payloads = `${names.client}Payloads`;
  return `${typesText(c, names)}
/** A webhook delivery that is not the payload its trigger declares. */
export declare class DeliveryError extends ClientError {
  name: 'DeliveryError';
  constructor(operationId: string, reason: string);
}
/** One webhook delivery's body as the typed payload of the trigger \`operationId\`. */
export declare function parseDelivery<K extends keyof ${payloads}>(operationId: K, body: string | Uint8Array): ${payloads}[K];
`;
}
