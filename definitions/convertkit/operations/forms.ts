import { operation, path, t } from 'pcdk';
import { createdAt, id, name, subscribeBody, subscriptionPage, pagesOf, subscriptionWithFieldMap } from '../schemas';
import { subscriptionListParams } from './shared';

export const listForms = operation({
  id: 'FormList',
  method: 'get',
  path: '/forms',
  summary: 'Get forms',
  description: 'Retrieve a list of all the forms for your account.',
  responses: {
    200: t.partial({
      forms: t.array(
        t.partial({
          id,
          name,
          created_at: createdAt,
          type: t.string({ title: 'Type', description: 'The type.' }),
          format: t.string({ title: 'Format', description: 'The format.', nullable: true }),
          url: t.string({ title: 'URL', description: 'The URL address.' }),
          embed_js: t.string({ title: 'Embed JS', description: 'The Javascript to embed.' }),
          embed_url: t.string({ title: 'Embed URL', description: 'The URL address to embed.' }),
          title: t.string({ title: 'Title', description: 'The title.', nullable: true }),
          description: t.string({ title: 'Description', description: 'The description.', nullable: true }),
          sign_up_button_text: t.string({ title: 'Sign Up Button Text', description: 'The sign up button text.' }),
          success_message: t.string({ title: 'Success Message', description: 'The success message.' }),
          archived: t.boolean({ title: 'Archived', description: 'Whether archived.' }),
          uid: t.string({ title: 'UID', description: 'The unique identifier.' }),
        }),
        { title: 'Forms' },
      ),
    }),
  },
});

/** form_id as a dropdown of the account's forms. */
const formId = path(t.string({ title: 'Form ID', description: 'The form unique identifier.' }), {
  visibility: 'important',
  dynamicValues: { from: listForms, collection: 'forms', value: 'id', title: 'name' },
});

export const addSubscriberToForm = operation({
  id: 'FormSubAdd',
  method: 'post',
  path: '/forms/{form_id}/subscribe',
  summary: 'Add subscriber to a form',
  description: 'Subscribe an email address to one of your forms.',
  visibility: 'important',
  params: { form_id: formId },
  body: subscribeBody(true),
  responses: { 201: t.partial({ subscription: subscriptionWithFieldMap }) },
});

export const listFormSubscriptions = operation({
  id: 'FormSubList',
  method: 'get',
  path: '/forms/{form_id}/subscriptions',
  summary: 'List subscriptions to a form',
  description: 'Retrieves a list of subscriptions to a form including subscriber data.',
  params: { form_id: formId, ...subscriptionListParams },
  responses: { 200: subscriptionPage },
  pagination: pagesOf('subscriptions'),
});
