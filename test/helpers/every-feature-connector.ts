/**
 * One connector with every feature issue 10 names: OAuth 2, a webhook trigger (and one routed by
 * the generated script.csx), a polling trigger, and every pagination style (page number, page
 * until empty, top-level array, next link, cursor). Shared by its unit tests (test/synth) and
 * its official-schema check (test/conformance).
 */
import { oauth2 } from '../../src/model/auth';
import { operation, query, t, webhookTrigger, type Operation } from '../../src/model';
import { notesConnector, OAUTH } from './auth-connectors';
import { cursored, linked } from './paged-connector';
import { listWidgets } from './sample-connector';
import { deleteHook, onWidgetCreated, onWidgetPolled } from './trigger-connector';

const item = t.partial({ id: t.integer({ format: 'int32', title: 'ID', description: 'The id.' }) });
const pageParam = query(t.integer({ format: 'int32', title: 'Page', description: 'The page.' }), {
  visibility: 'advanced',
});
const untilEmpty = operation({
  id: 'GadgetList',
  method: 'get',
  path: '/gadgets',
  summary: 'List gadgets',
  description: 'Lists gadgets, a page at a time, until a page is empty.',
  params: { page: pageParam },
  responses: { 200: t.partial({ gadgets: t.array(item, { title: 'Gadgets' }) }) },
  pagination: { style: 'page-until-empty', pageParam: 'page', itemsPath: 'gadgets' },
});
const topLevel = operation({
  id: 'ToolList',
  method: 'get',
  path: '/tools',
  summary: 'List tools',
  description: 'Lists tools as a top-level array, a page at a time.',
  params: { page: pageParam },
  responses: { 200: t.array(item, { title: 'Tools' }) },
  pagination: { style: 'page-until-empty', pageParam: 'page', itemsPath: '' },
});
const routedHook = webhookTrigger({
  id: 'OnWidgetDeleted',
  path: '/virtual/widget-deleted',
  apiPath: '/hooks',
  summary: 'When a widget is deleted',
  description: 'This operation triggers when a widget is deleted.',
  notificationUrl: { name: 'target_url', summary: 'Callback URL' },
  body: t.object({
    event: t.string({
      title: 'Event',
      description: 'The event.',
      enum: ['widget.deleted'],
      default: 'widget.deleted',
      visibility: 'internal',
    }),
  }),
  payload: t.object({ id: t.id({ title: 'Widget ID', description: 'The deleted widget.' }) }),
  unregister: deleteHook,
  location: { fromBody: 'hook.id' },
  responses: { 201: t.partial({ hook: t.partial({ id: t.string({ title: 'Hook ID', description: 'The hook.' }) }) }) },
});

const operations: Record<string, Operation> = {
  listWidgets,
  listGadgets: untilEmpty,
  listTools: topLevel,
  // The helper's next-link list shares /widgets with listWidgets: the same list at its own path.
  listLinked: operation({ ...linked, path: '/linked' }),
  listCursored: cursored,
  deleteHook,
  onWidgetCreated,
  onWidgetDeleted: routedHook,
  onWidgetPolled,
};
export const everyFeatureConnector = notesConnector(oauth2(OAUTH), 'zoo', operations);
