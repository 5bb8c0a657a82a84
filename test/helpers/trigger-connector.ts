/**
 * The sample connector with triggers: a webhook trigger (registration POST, its DELETE, a typed
 * payload with a signature header) and a polling trigger with an internal state parameter.
 */
import { operation, path, pollingTrigger, query, t, webhookTrigger, type Operation } from '../../src/model';
import { createWidget, getWidget, listWidgets, variant } from './sample-connector';

export const deleteHook = operation({
  id: 'WidgetHookDelete',
  method: 'delete',
  path: '/hooks/{hook_id}',
  summary: 'Delete a widget hook',
  description: 'Deletes a webhook subscription.',
  visibility: 'internal',
  params: { hook_id: path(t.string({ title: 'Hook ID', description: 'The hook.' })) },
  responses: { 204: { description: 'No Content' } },
});

export const widgetPayload = t.object({
  event: t.string({ title: 'Event', description: 'What happened.', enum: ['widget.created'] }),
  widget: t.object({
    id: t.id({ title: 'Widget ID', description: 'The new widget.' }),
    name: t.optional(t.string({ title: 'Name', description: 'Its name.' })),
  }),
});

export const onWidgetCreated = webhookTrigger({
  id: 'OnWidgetCreated',
  path: '/hooks',
  summary: 'When a widget is created',
  description: 'This operation triggers when a widget is created.',
  notificationUrl: { name: 'target_url', summary: 'Callback URL' },
  body: t.object({
    event: t.string({ title: 'Event', description: 'The event to subscribe to.', enum: ['widget.created'] }),
  }),
  payload: widgetPayload,
  payloadDescription: 'The created widget.',
  headers: { 'X-Signature': t.string({ title: 'Signature', description: 'HMAC of the body.' }) },
  unregister: deleteHook,
  responses: { 201: t.partial({ id: t.string({ title: 'Hook ID', description: 'The hook.' }) }) },
});

export const onWidgetPolled = pollingTrigger({
  id: 'OnWidgetPolled',
  path: '/widgets/changes',
  summary: 'When a widget changes',
  description: 'This operation triggers when a widget changes.',
  batch: true,
  state: 'since',
  hint: 'Rename a widget.',
  params: {
    since: query(t.string({ title: 'Since', description: 'The poll cursor.', format: 'date-time' }), {
      visibility: 'internal',
    }),
  },
  responses: {
    200: t.array(t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) }), { title: 'Widgets' }),
  },
});

export const triggerOps: Operation[] = [
  listWidgets,
  getWidget,
  createWidget,
  deleteHook,
  onWidgetCreated,
  onWidgetPolled,
];
export const withTriggers = (...ops: Operation[]) => variant({ operations: ops.length ? ops : triggerOps });
