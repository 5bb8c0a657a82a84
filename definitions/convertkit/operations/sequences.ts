import { operation, path, t } from 'pcdk';
import { createdAt, id, name, pagesOf, subscribeBody, subscriptionPage, subscriptionRef } from '../schemas';
import { subscriptionListParams } from './shared';

export const listSequences = operation({
  id: 'SequenceList',
  method: 'get',
  path: '/sequences',
  summary: 'List sequences',
  description: 'Retrieves a list of sequences for the account.',
  // The v3 API still calls sequences "courses" in its responses.
  responses: {
    200: t.partial({ courses: t.array(t.partial({ id, name, created_at: createdAt }), { title: 'Courses' }) }),
  },
});

const sequenceId = path(t.string({ title: 'Sequence ID', description: 'The sequence unique identifier.' }), {
  visibility: 'important',
  dynamicValues: { from: listSequences, collection: 'courses', value: 'id', title: 'name' },
});

export const addSubscriberToSequence = operation({
  id: 'SequenceSubAdd',
  method: 'post',
  path: '/sequences/{sequence_id}/subscribe',
  summary: 'Add subscriber to a sequence',
  description: 'Subscribe an email address to one of your sequences.',
  params: { sequence_id: sequenceId },
  body: subscribeBody(true),
  responses: { 201: t.partial({ subscription: subscriptionRef }) },
});

export const listSequenceSubscriptions = operation({
  id: 'SequenceSubList',
  method: 'get',
  path: '/sequences/{sequence_id}/subscriptions',
  summary: 'List subscriptions to a sequence',
  description: 'Retrieves subscriptions to a sequence including subscriber data.',
  params: { sequence_id: sequenceId, ...subscriptionListParams },
  responses: { 200: subscriptionPage },
  pagination: pagesOf('subscriptions'),
});
