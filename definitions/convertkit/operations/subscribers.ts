import { operation, path, query, t } from 'pcdk';
import {
  customFieldsInput,
  email,
  emailAddress,
  page,
  pageOf,
  pagesOf,
  subscriber,
  subscriberWithFieldMap,
  tag,
} from '../schemas';

const subscriberId = path(t.string({ title: 'Subscriber ID', description: 'The subscriber unique identifier.' }), {
  visibility: 'important',
});

export const listSubscribers = operation({
  id: 'SubscriberList',
  method: 'get',
  path: '/subscribers',
  summary: 'List subscribers',
  description:
    'Returns a list of your subscribers. For unsubscribes only, use the cancelled at value for sort field param (currently the only supported extra sort field).',
  params: {
    from: query(t.string({ title: 'From', description: 'The from.' })),
    to: query(t.string({ title: 'To', description: 'The to.' })),
    updated_from: query(t.string({ title: 'Updated From', description: 'When updated from.' }), {
      visibility: 'advanced',
    }),
    updated_to: query(t.string({ title: 'Updated To', description: 'When updated to.' }), { visibility: 'advanced' }),
    sort_order: query(
      t.string({ title: 'Sort Order', description: 'The sort order.', enum: ['asc', 'desc'], default: 'asc' }),
      { visibility: 'advanced' },
    ),
    // The published connector offered "" as a choice; an omitted optional parameter means the same.
    sort_field: query(t.string({ title: 'Sort Field', description: 'The sort field.', enum: ['cancelled_at'] }), {
      visibility: 'advanced',
    }),
    email_address: query(emailAddress),
    page: query(page, { visibility: 'advanced' }),
  },
  responses: { 200: pageOf('subscribers', subscriber) },
  pagination: pagesOf('subscribers'),
});

export const getSubscriber = operation({
  id: 'SubscriberGet',
  method: 'get',
  path: '/subscribers/{subscriber_id}',
  summary: 'Get a subscriber',
  description: 'Retrieves a single subscriber record.',
  params: { subscriber_id: subscriberId },
  responses: { 200: t.partial({ subscriber }) },
});

export const updateSubscriber = operation({
  id: 'SubscriberUpdate',
  method: 'put',
  path: '/subscribers/{subscriber_id}',
  summary: 'Update subscriber',
  description: 'Updates the information for a single subscriber.',
  params: { subscriber_id: subscriberId },
  body: t.partial({
    first_name: t.string({ title: 'First Name', description: 'The first name.' }),
    email_address: emailAddress,
    fields: customFieldsInput,
  }),
  responses: { 200: t.partial({ subscriber: subscriberWithFieldMap }) },
});

export const unsubscribe = operation({
  id: 'SubscriberUnsub',
  method: 'put',
  path: '/unsubscribe',
  summary: 'Unsubscribe subscriber',
  description: 'Unsubscribe a subscriber from all your forms and sequences.',
  body: t.object({ email }),
  responses: { 200: t.partial({ subscriber }) },
});

export const listSubscriberTags = operation({
  id: 'SubscriberTags',
  method: 'get',
  path: '/subscribers/{subscriber_id}/tags',
  summary: "List subscriber's tags",
  description: 'Retrieves a list of all the tags for a subscriber.',
  params: { subscriber_id: subscriberId },
  responses: { 200: t.partial({ tags: t.array(tag, { title: 'Tags' }) }) },
});
