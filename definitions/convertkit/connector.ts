/**
 * ConvertKit (Kit) API v3 as an independent-publisher connector. The operationIds, paths,
 * parameter locations and required flags are those of the published connector: flows in the
 * field depend on them.
 */
import { defineConnector } from 'pcdk';
import { getAccount } from './operations/account';
import { addSubscriberToForm, listFormSubscriptions, listForms } from './operations/forms';
import { addSubscriberToSequence, listSequenceSubscriptions, listSequences } from './operations/sequences';
import {
  createTag,
  listTagSubscriptions,
  listTags,
  removeTagFromSubscriber,
  removeTagFromSubscriberByEmail,
  tagSubscriber,
} from './operations/tags';
import {
  getSubscriber,
  listSubscriberTags,
  listSubscribers,
  unsubscribe,
  updateSubscriber,
} from './operations/subscribers';
import {
  createBroadcast,
  deleteBroadcast,
  getBroadcast,
  getBroadcastStats,
  listBroadcasts,
  updateBroadcast,
} from './operations/broadcasts';
import { createPurchase, getPurchase, listPurchases } from './operations/purchases';
import {
  deleteWebhook,
  whenFormSubscribed,
  whenLinkClicked,
  whenProductPurchased,
  whenPurchaseCreated,
  whenSequenceCompleted,
  whenSequenceSubscribed,
  whenSubscriberActivated,
  whenSubscriberBounced,
  whenSubscriberComplained,
  whenSubscriberUnsubscribed,
  whenTagAdded,
  whenTagRemoved,
} from './operations/webhooks';

export default defineConnector({
  id: 'convertkit',
  title: 'ConvertKit',
  description:
    'ConvertKit is the go-to marketing hub for creators that helps you grow and monetize your audience with ease. Convert your followers from social media, YouTube, and more to your email list with a beautiful landing page and opt-in templates.',
  version: '1.0',
  host: 'api.convertkit.com',
  basePath: '/v3/',
  schemes: ['https'],
  contact: { name: 'Troy Taylor', url: 'https://www.hitachisolutions.com', email: 'ttaylor@hitachisolutions.com' },
  metadata: {
    website: 'https://convertkit.com/',
    privacyPolicy: 'https://convertkit.com/privacy',
    categories: ['Marketing'],
  },
  publisher: 'Troy Taylor, Hitachi Solutions',
  stackOwner: 'ConvertKit',
  iconBrandColor: '#da3b01',
  // The secret works for every v3 endpoint, so it is the only credential. It travels in the
  // query on every method: GET bodies are dropped by many HTTP stacks.
  auth: {
    type: 'apiKey',
    parameter: 'api_key',
    securityName: 'API Key',
    in: 'query',
    name: 'api_secret',
    ui: {
      displayName: 'API Secret',
      description: 'The API Secret for this api',
      tooltip: 'Provide your API Secret',
      tabIndex: 2,
    },
  },
  // Applied by Power Platform per connection; pcdk's client enforces the same budget.
  throttling: { calls: 100, renewalSeconds: 60 },
  // Every operation is checked against a real or documented exchange; a gap fails the build.
  requireRecordings: true,
  // Keyed by the generated client's method name: each is the const that holds the operation.
  operations: {
    getAccount,
    listForms,
    addSubscriberToForm,
    listFormSubscriptions,
    listSequences,
    addSubscriberToSequence,
    listSequenceSubscriptions,
    listTags,
    createTag,
    tagSubscriber,
    removeTagFromSubscriber,
    removeTagFromSubscriberByEmail,
    listTagSubscriptions,
    listSubscribers,
    getSubscriber,
    updateSubscriber,
    unsubscribe,
    listSubscriberTags,
    listBroadcasts,
    createBroadcast,
    getBroadcast,
    updateBroadcast,
    deleteBroadcast,
    getBroadcastStats,
    listPurchases,
    createPurchase,
    getPurchase,
    // Triggers (not in the published connector): one per v3 webhook event, and the internal
    // deletion Power Automate calls through the Location the generated script.csx sets.
    whenSubscriberActivated,
    whenSubscriberUnsubscribed,
    whenSubscriberBounced,
    whenSubscriberComplained,
    whenFormSubscribed,
    whenSequenceSubscribed,
    whenSequenceCompleted,
    whenTagAdded,
    whenTagRemoved,
    whenLinkClicked,
    whenProductPurchased,
    whenPurchaseCreated,
    deleteWebhook,
  },
  readme: {
    prerequisites: 'A free or paid plan with ConvertKit.',
    obtainingCredentials:
      'Under your profile settings Advanced, you will find your API secret key. As the API secret can be used in place of the API key (which only some of the actions use the key), the connector uses the secret for all actions.',
    knownIssues: [
      'Get broadcast stats keeps the published output shape (an array under `broadcast`); the live API returns a single object there.',
      'Purchase amounts are typed as integers for compatibility with existing flows; the API accepts and returns decimals.',
    ].join('\n\n'),
  },
});
