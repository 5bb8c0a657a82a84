import { operation, path, t } from 'pcdk';
import {
  createdAt,
  email,
  id,
  name,
  pagesOf,
  state,
  subscribeBody,
  subscriptionPage,
  subscriptionRef,
  tag,
} from '../schemas';
import { subscriptionListParams } from './shared';

export const listTags = operation({
  id: 'TagList',
  method: 'get',
  path: '/tags',
  summary: 'List tags',
  description: 'Retrieves a list of tags for the account.',
  responses: { 200: t.partial({ tags: t.array(tag, { title: 'Tags' }) }) },
});

/** tag_id as a dropdown of the account's tags. */
export const tagId = path(t.string({ title: 'Tag ID', description: 'The tag unique identifier.' }), {
  visibility: 'important',
  dynamicValues: { from: listTags, collection: 'tags', value: 'id', title: 'name' },
});

export const createTag = operation({
  id: 'TagAdd',
  method: 'post',
  path: '/tags',
  summary: 'Create a tag',
  description: 'Creates a new tag.',
  body: t.object({ tag: t.object({ name }, { title: 'Tag' }) }),
  responses: {
    201: t.partial({
      account_id: t.id({ title: 'Account ID', description: 'The account unique identifier.' }),
      created_at: createdAt,
      deleted_at: t.string({ title: 'Deleted At', description: 'When deleted at.', nullable: true }),
      id,
      name,
      state,
      updated_at: t.string({ title: 'Updated At', description: 'When updated at.' }),
    }),
  },
});

export const tagSubscriber = operation({
  id: 'TagSub',
  method: 'post',
  path: '/tags/{tag_id}/subscribe',
  summary: 'Tag a subscriber',
  description:
    'Tags are handled as subscriptions. Subscribe an email address to a tag to have that tag applied to the subscriber with that email address.',
  visibility: 'important',
  params: { tag_id: tagId },
  // The published connector made email optional here; making it required would break flows.
  body: subscribeBody(false),
  bodyRequired: false,
  responses: { 201: t.partial({ subscription: subscriptionRef }) },
});

export const removeTagFromSubscriber = operation({
  id: 'TagSubRemove',
  method: 'delete',
  path: '/subscribers/{subscriber_id}/tags/{tag_id}',
  summary: 'Remove tag from subscriber',
  description: 'Removes a tag from a subscriber.',
  params: {
    subscriber_id: path(t.string({ title: 'Subscriber ID', description: 'The subscriber unique identifier.' })),
    tag_id: tagId,
  },
  // The API answers with the removed tag, not the subscriber.
  responses: { 200: tag },
});

export const removeTagFromSubscriberByEmail = operation({
  id: 'TagSubRemoveEmail',
  method: 'post',
  path: '/tags/{tag_id}/unsubscribe',
  summary: 'Remove tag from subscriber by email',
  description: 'Remove a tag from a subscriber by email address.',
  params: { tag_id: tagId },
  body: t.object({ email }),
  responses: { 201: tag },
});

export const listTagSubscriptions = operation({
  id: 'TagSubList',
  method: 'get',
  path: '/tags/{tag_id}/subscriptions',
  summary: 'List subscriptions to a tag',
  description: 'Retrieves a list of subscriptions to a tag including subscriber data.',
  params: { tag_id: tagId, ...subscriptionListParams },
  responses: { 200: subscriptionPage },
  pagination: pagesOf('subscriptions'),
});
