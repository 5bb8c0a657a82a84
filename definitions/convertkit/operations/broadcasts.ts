import { operation, path, response, t } from 'pcdk';
import { broadcast, broadcastInput, createdAt, id } from '../schemas';

const broadcastId = path(t.string({ title: 'Broadcast ID', description: 'The broadcast unique identifier.' }), {
  visibility: 'important',
});

export const listBroadcasts = operation({
  id: 'BroadcastList',
  method: 'get',
  path: '/broadcasts',
  summary: 'List broadcasts',
  description: 'Retrieves a list of all the broadcasts for your account.',
  responses: {
    200: t.partial({
      broadcasts: t.array(
        t.partial({ id, created_at: createdAt, subject: t.string({ title: 'Subject', description: 'The subject.' }) }),
        { title: 'Broadcasts' },
      ),
    }),
  },
  // The API pages broadcasts with `page` but reports no total; the connector keeps the published
  // inputs, so only the client pages (until an empty page).
  pagination: { style: 'page-until-empty', pageParam: 'page', itemsPath: 'broadcasts' },
});

export const createBroadcast = operation({
  id: 'BroadcastAdd',
  method: 'post',
  path: '/broadcasts',
  summary: 'Create a broadcast',
  description:
    'Create a draft or scheduled broadcast. You can create a draft broadcast without any attributes. Scheduled broadcasts at a minimum should contain a subject line and your content.',
  body: broadcastInput,
  responses: { 201: t.partial({ broadcast }) },
});

export const getBroadcast = operation({
  id: 'BroadcastGet',
  method: 'get',
  path: '/broadcasts/{broadcast_id}',
  summary: 'Retrieve a broadcast',
  description:
    'Retrieves the details of a specific broadcast, including draft, scheduled, and previously-sent broadcasts.',
  params: { broadcast_id: broadcastId },
  responses: { 200: t.partial({ broadcast }) },
});

export const updateBroadcast = operation({
  id: 'BroadcastUpdate',
  method: 'put',
  path: '/broadcasts/{broadcast_id}',
  summary: 'Update a broadcast',
  description:
    'Updates the attributes of a specific broadcast. Broadcasts that are currently sending or that have been sent may not be updated.',
  params: { broadcast_id: broadcastId },
  body: broadcastInput,
  responses: { 200: t.partial({ broadcast }) },
});

export const deleteBroadcast = operation({
  id: 'BroadcastDelete',
  method: 'delete',
  path: '/broadcasts/{broadcast_id}',
  summary: 'Destroy a broadcast',
  description:
    'Permanently delete a draft or scheduled broadcast record. Broadcasts that are currently sending or that have been sent may not be deleted.',
  params: { broadcast_id: broadcastId },
  // The body is empty; the string schema is kept because flows in the field bind to this output.
  responses: { 204: response('No Content', t.string()) },
});

export const getBroadcastStats = operation({
  id: 'BroadcastGetStat',
  method: 'get',
  path: '/broadcasts/{broadcast_id}/stats',
  summary: 'Get broadcast stats',
  description:
    'Retrieves the statistics (recipient count, open rate, click rate, unsubscribe count, total clicks, status, and send progress) for a specific broadcast.',
  params: { broadcast_id: broadcastId },
  responses: {
    200: t.partial({
      broadcast: t.array(
        t.partial({
          id,
          stats: t.partial(
            {
              recipients: t.integer({ format: 'int32', title: 'Recipients', description: 'The recipients.' }),
              open_rate: t.number({ format: 'float', title: 'Open Rate', description: 'The open rate.' }),
              click_rate: t.number({ format: 'float', title: 'Click Rate', description: 'The click rate.' }),
              unsubscribes: t.integer({ format: 'int32', title: 'Unsubscribes', description: 'The unsubscribes.' }),
              total_clicks: t.integer({ format: 'int32', title: 'Total Clicks', description: 'The total clicks.' }),
              show_total_clicks: t.boolean({
                title: 'Show Total Clicks',
                description: 'Whether to show total clicks.',
              }),
              status: t.string({ title: 'Status', description: 'The status.' }),
              progress: t.integer({ format: 'int32', title: 'Progress', description: 'The progress.' }),
            },
            { title: 'Stats' },
          ),
        }),
        { title: 'Broadcast' },
      ),
    }),
  },
});
