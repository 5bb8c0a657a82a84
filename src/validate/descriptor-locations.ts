/**
 * Gives layer-1 findings (about descriptors, which name operation and field) a place in the built
 * files: the JSON pointer of the same field in apiDefinition.swagger.json or apiProperties.json,
 * so `pcdk validate <id>` reports every finding with a file and a line:column like the others.
 */
import type { SwaggerDocument, SwaggerOperation } from '../swagger/document';
import { entriesOf, isObject, itemsOf, type Found } from '../swagger/found';
import type { Diagnostic } from '../diagnostics';
import { pointerOf } from '../swagger/json-pointer';
export type BuiltFile = 'apiDefinition' | 'apiProperties';

const CONNECTOR_FIELDS: [prefix: string, file: BuiltFile, pointer: string][] = [
  ['title', 'apiDefinition', '/info/title'],
  ['description', 'apiDefinition', '/info/description'],
  ['contact', 'apiDefinition', '/info/contact'],
  ['metadata', 'apiDefinition', '/x-ms-connector-metadata'],
  ['host', 'apiDefinition', '/host'],
  ['basePath', 'apiDefinition', '/basePath'],
  ['auth', 'apiDefinition', '/securityDefinitions'],
  ['operations', 'apiDefinition', '/paths'],
  ['iconBrandColor', 'apiProperties', '/properties/iconBrandColor'],
];
const OPERATION_FIELDS: Record<string, string> = {
  id: '/operationId',
  summary: '/summary',
  description: '/description',
  visibility: '/x-ms-visibility',
  responses: '/responses',
};

/** `purchase.products[].pid` -> `/properties/purchase/properties/products/items/properties/pid` */
function schemaPointer(dotted: string): string {
  if (!dotted) return '';
  return dotted
    .split('.')
    .map((part) => {
      const name = /^[^[{]*/.exec(part)![0];
      const nested = (part.slice(name.length).match(/\[\]|\{\}/g) ?? []).map((t) =>
        t === '[]' ? '/items' : '/additionalProperties',
      );
      return `${name ? pointerOf('properties', name) : ''}${nested.join('')}`;
    })
    .join('');
}

function operationPointer(
  swagger: Found<SwaggerDocument>,
  operationId: string,
): { pointer: string; op: Found<SwaggerOperation>; path: string } | undefined {
  for (const [p, item] of entriesOf(swagger.paths)) {
    for (const [method, op] of entriesOf(item)) {
      if (isObject(op) && op.operationId === operationId)
        return { pointer: pointerOf('paths', p, method), op, path: p };
    }
  }
  return undefined;
}

/** `swagger` is the built apiDefinition.swagger.json as read back from disk. */
export function builtLocation(
  d: Diagnostic,
  swagger: Found<SwaggerDocument>,
): { file: BuiltFile; pointer: string } | undefined {
  const field = d.field ?? '';
  if (!d.operation) {
    const hit = CONNECTOR_FIELDS.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`));
    if (!hit) return undefined;
    const [, file, pointer] = hit;
    return { file, pointer: field.startsWith('contact.') ? `${pointer}/${field.slice('contact.'.length)}` : pointer };
  }
  const found = operationPointer(swagger, d.operation);
  if (!found) return undefined;
  const { pointer, op, path } = found;
  if (field === 'path') return { file: 'apiDefinition', pointer: pointerOf('paths', path) };
  if (OPERATION_FIELDS[field]) return { file: 'apiDefinition', pointer: `${pointer}${OPERATION_FIELDS[field]}` };
  const params = itemsOf(op.parameters).map((p) => (isObject(p) ? p : undefined));
  const param = /^params\.([^.]+)/.exec(field);
  if (param) {
    const i = params.findIndex((p) => p?.name === param[1] && p?.in !== 'body');
    return { file: 'apiDefinition', pointer: i >= 0 ? `${pointer}/parameters/${i}` : `${pointer}/parameters` };
  }
  if (field === 'body' || field.startsWith('body.') || field.startsWith('body[')) {
    const i = params.findIndex((p) => p?.in === 'body');
    if (i < 0) return { file: 'apiDefinition', pointer };
    return {
      file: 'apiDefinition',
      pointer: `${pointer}/parameters/${i}/schema${schemaPointer(field.replace(/^body\.?/, ''))}`,
    };
  }
  // Not `notificationUrl`: that is a webhook trigger's field (src/model/trigger.ts), not its payload.
  const notification = /^notification(?![A-Za-z])(.*)$/.exec(field);
  if (notification)
    return {
      file: 'apiDefinition',
      pointer: `${pointerOf('paths', path)}/x-ms-notification-content/schema${schemaPointer(notification[1]!.replace(/^\./, ''))}`,
    };
  const resp = /^responses\.([^.[{]+)(.*)$/.exec(field);
  if (resp)
    return {
      file: 'apiDefinition',
      pointer: `${pointer}/responses/${resp[1]}/schema${schemaPointer(resp[2]!.replace(/^\./, ''))}`,
    };
  return { file: 'apiDefinition', pointer };
}
