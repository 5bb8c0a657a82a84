/**
 * Triggers: one per v3 webhook event, beyond the published connector (which has none).
 *
 * v3 registers every event at POST /automations/hooks and answers 200 with the rule in the body,
 * without the Location header Power Automate deletes a hook through. So each trigger has a path
 * of its own under /virtual/hooks (a swagger path is unique per method), `apiPath` sends it to
 * /automations/hooks, and `location` has the generated script.csx answer 201 with Location set to
 * the rule's DELETE /automations/hooks/{rule_id}. The secret travels in the query, as on every
 * other call, so the deletion is authorised like the registration.
 */
import { operation, path, t, webhookTrigger, type TSchema } from 'pcdk';
import {
  createdAt,
  customFieldsOutput,
  emailAddress,
  firstName,
  id,
  productFields,
  purchaseFields,
  state,
} from '../schemas';
import { listForms } from './forms';
import { listSequences } from './sequences';
import { listTags } from './tags';

export const deleteWebhook = operation({
  id: 'WebhookDelete',
  method: 'delete',
  path: '/automations/hooks/{rule_id}',
  summary: 'Delete a webhook',
  description:
    'Deletes a webhook rule. Power Automate calls it when a flow that uses one of the triggers is turned off or deleted.',
  visibility: 'internal',
  params: {
    rule_id: path(t.integer({ format: 'int64', title: 'Rule ID', description: 'The webhook rule unique identifier.' })),
  },
  responses: {
    200: t.partial({ success: t.boolean({ title: 'Success', description: 'Whether the webhook was deleted.' }) }),
  },
});

/** The rule v3 answers a registration with; its id is what the deletion takes. */
const registered = t.partial({
  rule: t.partial(
    {
      id: t.id({ title: 'Rule ID', description: 'The webhook rule unique identifier.' }),
      account_id: t.id({ title: 'Account ID', description: 'The account unique identifier.' }),
      event: t.partial(
        {
          name: t.string({ title: 'Event', description: "The event, without the 'subscriber.' prefix." }),
          form_id: t.id({ title: 'Form ID', description: 'The form unique identifier.' }),
          sequence_id: t.id({ title: 'Sequence ID', description: 'The sequence unique identifier.' }),
          tag_id: t.id({ title: 'Tag ID', description: 'The tag unique identifier.' }),
          product_id: t.id({ title: 'Product ID', description: 'The product unique identifier.' }),
          initiator_value: t.string({ title: 'Link URL', description: 'The link URL.' }),
        },
        { title: 'Event' },
      ),
      target_url: t.string({ title: 'Target URL', description: 'The URL deliveries are sent to.' }),
    },
    { title: 'Rule' },
  ),
});

/** What subscriber events deliver: `{"subscriber": {...}}`. */
const subscriberEvent = t.partial({
  subscriber: t.partial(
    {
      id,
      first_name: firstName,
      email_address: emailAddress,
      state,
      created_at: createdAt,
      fields: customFieldsOutput,
    },
    { title: 'Subscriber' },
  ),
});

/**
 * What purchase.purchase_create delivers: the bare purchase, with the amounts as the decimals v3
 * sends (the actions keep the published connector's integers; this output is new).
 */
const amount = (title: string, description: string) => t.number({ format: 'double', title, description });
const purchaseEvent = t.partial({
  ...purchaseFields,
  subtotal: amount('Subtotal', 'The subtotal.'),
  discount: amount('Discount', 'The discount.'),
  tax: amount('Tax', 'The tax.'),
  shipping: amount('Shipping', 'The shipping.'),
  total: amount('Total', 'The total.'),
  products: t.array(t.partial({ ...productFields, unit_price: amount('Unit Price', 'The unit price.') }), {
    title: 'Products',
  }),
});

/** The registration body: the event (its name fixed, internal) and the one input it filters on. */
function eventBody<const E extends string, P extends Record<string, TSchema>>(name: E, filter: P) {
  return t.object({
    event: t.object(
      {
        name: t.string({
          title: 'Event Name',
          description: 'The ConvertKit event the webhook listens to.',
          enum: [name],
          default: name,
          visibility: 'internal',
        }),
        ...filter,
      },
      { title: 'Event' },
    ),
  });
}

const formId = t.integer({
  format: 'int64',
  title: 'Form',
  description: 'The form whose subscriptions fire the trigger.',
  dynamicValues: { from: listForms, collection: 'forms', value: 'id', title: 'name' },
});
const sequenceId = t.integer({
  format: 'int64',
  title: 'Sequence',
  description: 'The sequence the trigger watches.',
  dynamicValues: { from: listSequences, collection: 'courses', value: 'id', title: 'name' },
});
const tagId = t.integer({
  format: 'int64',
  title: 'Tag',
  description: 'The tag the trigger watches.',
  dynamicValues: { from: listTags, collection: 'tags', value: 'id', title: 'name' },
});
// v3 has no endpoint that lists products, so this one is typed in.
const productId = t.integer({
  format: 'int64',
  title: 'Product ID',
  description: 'The product whose purchases fire the trigger.',
});
const linkUrl = t.string({ title: 'Link URL', description: 'The link whose clicks fire the trigger.' });

interface EventSpec<E extends string, P extends Record<string, TSchema>> {
  id: string;
  event: E;
  summary: string;
  description: string;
  filter: P;
  payload: TSchema;
  hint: string;
}

/** One trigger per event, all registered at POST /automations/hooks. */
function hookTrigger<const E extends string, P extends Record<string, TSchema>>(s: EventSpec<E, P>) {
  return webhookTrigger({
    id: s.id,
    path: `/virtual/hooks/${s.event.replace(/^[a-z_]+\./, '')}`,
    apiPath: '/automations/hooks',
    summary: s.summary,
    description: s.description,
    body: eventBody(s.event, s.filter),
    notificationUrl: {
      name: 'target_url',
      summary: 'Target URL',
      description: 'The URL ConvertKit sends each event to; Power Automate fills it in.',
    },
    payload: s.payload,
    payloadDescription: s.event.startsWith('purchase.')
      ? 'The purchase that was created.'
      : 'The subscriber the event happened to.',
    responses: { 201: registered },
    unregister: deleteWebhook,
    location: { fromBody: 'rule.id' },
    hint: s.hint,
  });
}

export const whenSubscriberActivated = hookTrigger({
  id: 'SubscriberActivatedTrigger',
  event: 'subscriber.subscriber_activate',
  summary: 'When a subscriber is activated',
  description: 'This operation triggers when a subscriber confirms their subscription and becomes active.',
  filter: {},
  payload: subscriberEvent,
  hint: 'To see it work, subscribe an email address to a form and confirm the subscription.',
});

export const whenSubscriberUnsubscribed = hookTrigger({
  id: 'SubscriberUnsubscribedTrigger',
  event: 'subscriber.subscriber_unsubscribe',
  summary: 'When a subscriber unsubscribes',
  description: 'This operation triggers when a subscriber unsubscribes from all emails.',
  filter: {},
  payload: subscriberEvent,
  hint: 'To see it work, unsubscribe a subscriber.',
});

export const whenSubscriberBounced = hookTrigger({
  id: 'SubscriberBouncedTrigger',
  event: 'subscriber.subscriber_bounce',
  summary: 'When a subscriber bounces',
  description: 'This operation triggers when an email to a subscriber bounces and the subscriber is marked bounced.',
  filter: {},
  payload: subscriberEvent,
  hint: 'To see it work, send a broadcast to an address that bounces.',
});

export const whenSubscriberComplained = hookTrigger({
  id: 'SubscriberComplainedTrigger',
  event: 'subscriber.subscriber_complain',
  summary: 'When a subscriber complains',
  description: 'This operation triggers when a subscriber marks an email as spam.',
  filter: {},
  payload: subscriberEvent,
  hint: 'To see it work, mark a broadcast as spam from a subscribed address.',
});

export const whenFormSubscribed = hookTrigger({
  id: 'FormSubscribedTrigger',
  event: 'subscriber.form_subscribe',
  summary: 'When a subscriber subscribes to a form',
  description: 'This operation triggers when an email address subscribes to the chosen form.',
  filter: { form_id: formId },
  payload: subscriberEvent,
  hint: 'To see it work, subscribe an email address to the chosen form.',
});

export const whenSequenceSubscribed = hookTrigger({
  id: 'SequenceSubscribedTrigger',
  event: 'subscriber.course_subscribe',
  summary: 'When a subscriber is added to a sequence',
  description: 'This operation triggers when a subscriber is added to the chosen sequence.',
  filter: { sequence_id: sequenceId },
  payload: subscriberEvent,
  hint: 'To see it work, add a subscriber to the chosen sequence.',
});

export const whenSequenceCompleted = hookTrigger({
  id: 'SequenceCompletedTrigger',
  event: 'subscriber.course_complete',
  summary: 'When a subscriber completes a sequence',
  description: 'This operation triggers when a subscriber receives the last email of the chosen sequence.',
  filter: { sequence_id: sequenceId },
  payload: subscriberEvent,
  hint: 'To see it work, let a subscriber reach the end of the chosen sequence.',
});

export const whenTagAdded = hookTrigger({
  id: 'TagAddedTrigger',
  event: 'subscriber.tag_add',
  summary: 'When a tag is added to a subscriber',
  description: 'This operation triggers when the chosen tag is added to a subscriber.',
  filter: { tag_id: tagId },
  payload: subscriberEvent,
  hint: 'To see it work, tag a subscriber with the chosen tag.',
});

export const whenTagRemoved = hookTrigger({
  id: 'TagRemovedTrigger',
  event: 'subscriber.tag_remove',
  summary: 'When a tag is removed from a subscriber',
  description: 'This operation triggers when the chosen tag is removed from a subscriber.',
  filter: { tag_id: tagId },
  payload: subscriberEvent,
  hint: 'To see it work, remove the chosen tag from a subscriber.',
});

export const whenLinkClicked = hookTrigger({
  id: 'LinkClickedTrigger',
  event: 'subscriber.link_click',
  summary: 'When a subscriber clicks a link',
  description: 'This operation triggers when a subscriber clicks the chosen link in an email.',
  filter: { initiator_value: linkUrl },
  payload: subscriberEvent,
  hint: 'To see it work, click the chosen link in an email sent to a subscriber.',
});

export const whenProductPurchased = hookTrigger({
  id: 'ProductPurchasedTrigger',
  event: 'subscriber.product_purchase',
  summary: 'When a subscriber purchases a product',
  description: 'This operation triggers when a subscriber purchases the chosen product.',
  filter: { product_id: productId },
  payload: subscriberEvent,
  hint: 'To see it work, buy the chosen product with a subscribed email address.',
});

export const whenPurchaseCreated = hookTrigger({
  id: 'PurchaseCreatedTrigger',
  event: 'purchase.purchase_create',
  summary: 'When a purchase is created',
  description: 'This operation triggers when a purchase is recorded in the account.',
  filter: {},
  payload: purchaseEvent,
  hint: 'To see it work, create a purchase with the Create a purchase action.',
});
