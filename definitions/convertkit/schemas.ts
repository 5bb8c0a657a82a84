/**
 * Shared shapes of the ConvertKit v3 API. Titles and descriptions are the published connector's
 * (the docs page shows them); types are fixed where the live API proves the published connector
 * wrong: ids are int64 (live ids pass 2^31), fields the API returns as null are x-nullable, and
 * free-form maps are records rather than `"properties": {}`.
 */
import { t, type Pagination, type Static, type TSchema } from 'pcdk';

const o = t.optional;

// ---- fields used in many places ----
export const id = t.id({ title: 'ID', description: 'The unique identifier.' });
export const name = t.string({ title: 'Name', description: 'The name.' });
export const createdAt = t.string({ title: 'Created At', description: 'When created at.' });
export const state = t.string({ title: 'State', description: 'The state.' });
export const email = t.string({ title: 'Email', description: 'The email address.' });
export const emailAddress = t.string({ title: 'Email Address', description: 'The email address.' });
export const firstName = t.string({ title: 'First Name', description: 'The first name.', nullable: true });
export const page = t.integer({ format: 'int32', title: 'Page', description: 'The page.' });
export const totalPages = t.integer({ format: 'int32', title: 'Total Pages', description: 'The total pages.' });

type PageShape<K extends string, S extends TSchema> = { [P in `total_${K}`]: TSchema<number> } & {
  page: typeof page;
  total_pages: typeof totalPages;
} & {
  [P in K]: TSchema<Static<S>[]>;
};

/**
 * One page of a ConvertKit list: `total_<items>`, `page`, `total_pages` and the items under
 * `<items>`, in the order the published connector lists them.
 */
export function pageOf<K extends string, S extends TSchema>(items: K, item: S) {
  const title = items.charAt(0).toUpperCase() + items.slice(1);
  const shape = {
    [`total_${items}`]: t.integer({ format: 'int32', title: `Total ${title}`, description: `The total ${items}.` }),
    page,
    total_pages: totalPages,
    [items]: t.array(item, { title }),
  } as PageShape<K, S>;
  return t.partial(shape);
}

/** How the client walks a list made by pageOf: page after page until total_pages. */
export function pagesOf(items: string): Pagination {
  return { style: 'page-number', pageParam: 'page', itemsPath: items, totalPagesPath: 'total_pages' };
}

/** Custom field values keyed by the field's key (the field must exist in the account). */
export const customFieldsInput = t.record(t.string(), { title: 'Fields', description: 'The fields.' });
export const customFieldsOutput = t.record(t.string({ nullable: true }), {
  title: 'Fields',
  description: 'The fields.',
});

// ---- subscribers ----
const subscriberCore = {
  id,
  first_name: firstName,
  email_address: emailAddress,
  state,
  created_at: createdAt,
};
/** A subscriber as the lists and lookups return it. */
export const subscriber = t.partial(
  {
    ...subscriberCore,
    fields: t.partial(
      { last_name: t.string({ title: 'Last Name', description: 'The last name.', nullable: true }) },
      { title: 'Fields' },
    ),
  },
  { title: 'Subscriber' },
);
/** A subscriber whose custom fields are returned as a free-form map. */
export const subscriberWithFieldMap = t.partial(
  { ...subscriberCore, fields: customFieldsOutput },
  { title: 'Subscriber' },
);
/** The trimmed subscriber some subscribe calls return. */
export const subscriberRef = t.partial({ id }, { title: 'Subscriber' });

// ---- subscriptions ----
function subscriptionOf<S extends typeof subscriber | typeof subscriberWithFieldMap | typeof subscriberRef>(sub: S) {
  return t.partial(
    {
      id,
      state,
      created_at: createdAt,
      source: t.string({ title: 'Source', description: 'The source.', nullable: true }),
      referrer: t.string({ title: 'Referrer', description: 'The referrer.', nullable: true }),
      subscribable_id: t.id({ title: 'Subscribable ID', description: 'The subscribable unique identifier.' }),
      subscribable_type: t.string({ title: 'Subscribable Type', description: 'The subscribable type.' }),
      subscriber: sub,
    },
    { title: 'Subscription' },
  );
}
export const subscription = subscriptionOf(subscriber);
export const subscriptionWithFieldMap = subscriptionOf(subscriberWithFieldMap);
export const subscriptionRef = subscriptionOf(subscriberRef);

/** Body of the three subscribe calls (form, sequence, tag). */
export function subscribeBody<R extends boolean>(emailRequired: R) {
  return t.object({
    email: emailRequired ? email : o(email),
    first_name: o(t.string({ title: 'First Name', description: 'The first name.' })),
    fields: o(customFieldsInput),
    tags: o(t.array(t.id({ title: 'Items', description: 'The items.' }), { title: 'Tags' })),
  });
}

/** The page of subscriptions returned by the form, sequence and tag subscription lists. */
export const subscriptionPage = pageOf('subscriptions', subscription);

// ---- tags ----
export const tag = t.partial({ id, name, created_at: createdAt });

// ---- broadcasts ----
const broadcastDescription = t.string({ title: 'Description', description: 'The description.', nullable: true });
const subject = t.string({ title: 'Subject', description: 'The subject.' });
const content = t.string({ title: 'Content', description: 'The content.' });
const isPublic = t.boolean({ title: 'Public', description: 'Whether public.' });
const emailLayoutTemplate = t.string({ title: 'Email Layout Template', description: 'The email layout template.' });
const thumbnailAlt = t.string({
  title: 'Thumbnail Alt',
  description: 'The alt-text for the thumbnail.',
  nullable: true,
});

export const broadcast = t.partial(
  {
    id,
    created_at: createdAt,
    subject,
    description: broadcastDescription,
    content,
    public: isPublic,
    published_at: t.string({ title: 'Published At', description: 'When published at.', nullable: true }),
    send_at: t.string({ title: 'Send At', description: 'When sent at.', nullable: true }),
    thumbnail_alt: thumbnailAlt,
    thumbnail_url: t.string({ title: 'Thumbnail URL', description: 'The URL address for thumbnail.', nullable: true }),
    email_address: t.string({ title: 'Email Address', description: 'The email address.', nullable: true }),
    email_layout_template: emailLayoutTemplate,
  },
  { title: 'Broadcast' },
);

/** Body of create and update broadcast: every attribute is optional (a draft can be empty). */
export const broadcastInput = t.partial({
  description: t.string({ title: 'Description', description: 'The description.' }),
  subject,
  content,
  email_address: t.with(emailAddress, { visibility: 'advanced' }),
  email_layout_template: t.with(emailLayoutTemplate, { visibility: 'advanced' }),
  public: isPublic,
  published_at: t.string({ title: 'Published At', description: 'When published at.', visibility: 'advanced' }),
  send_at: t.string({ title: 'Send At', description: 'When send at.' }),
  thumbnail_alt: t.string({
    title: 'Thumbnail Alt',
    description: 'The alt-text for the thumbnail.',
    visibility: 'advanced',
  }),
  thumbnail_url: t.string({
    title: 'Thumbnail URL',
    description: 'The URL address for the thumbnail.',
    visibility: 'advanced',
  }),
});

// ---- purchases ----
const money = (title: string, description: string) => t.integer({ format: 'int32', title, description });
/** One line of a purchase. */
export const productFields = {
  unit_price: money('Unit Price', 'The unit price.'),
  quantity: t.integer({ format: 'int32', title: 'Quantity', description: 'The quantity.' }),
  sku: t.string({ title: 'SKU', description: 'The SKU.' }),
  name,
};
export const purchaseFields = {
  id,
  transaction_id: t.string({ title: 'Transaction ID', description: 'The transaction unique identifier.' }),
  status: t.string({ title: 'Status', description: 'The status.' }),
  email_address: emailAddress,
  currency: t.string({ title: 'Currency', description: 'The currency.' }),
  transaction_time: t.string({ title: 'Transaction Time', description: 'The transaction time.' }),
  subtotal: money('Subtotal', 'The subtotal.'),
  discount: money('Discount', 'The discount.'),
  tax: money('Tax', 'The tax.'),
  shipping: money('Shipping', 'The shipping.'),
  total: money('Total', 'The total.'),
  products: t.array(t.partial(productFields), { title: 'Products' }),
};
const pf = purchaseFields;
/** A purchase as GET /purchases/{id} and the purchase list order the fields. */
export const purchase = t.partial({
  id: pf.id,
  transaction_id: pf.transaction_id,
  status: pf.status,
  email_address: pf.email_address,
  currency: pf.currency,
  transaction_time: pf.transaction_time,
  subtotal: pf.subtotal,
  shipping: pf.shipping,
  discount: pf.discount,
  tax: pf.tax,
  total: pf.total,
  products: pf.products,
});
/** A purchase as POST /purchases returns it (same fields, the published order). */
export const createdPurchase = t.partial({
  id: pf.id,
  transaction_id: pf.transaction_id,
  status: pf.status,
  email_address: pf.email_address,
  currency: pf.currency,
  transaction_time: pf.transaction_time,
  subtotal: pf.subtotal,
  discount: pf.discount,
  tax: pf.tax,
  shipping: pf.shipping,
  total: pf.total,
  products: pf.products,
});

export const purchaseInput = t.object({
  purchase: t.object(
    {
      transaction_id: pf.transaction_id,
      email_address: pf.email_address,
      first_name: o(t.string({ title: 'First Name', description: 'The first name.' })),
      currency: pf.currency,
      transaction_time: o(pf.transaction_time),
      subtotal: o(pf.subtotal),
      tax: o(pf.tax),
      shipping: o(pf.shipping),
      discount: o(pf.discount),
      total: o(pf.total),
      status: o(pf.status),
      products: t.array(
        t.object({
          pid: t.id({ title: 'PID', description: 'The personal identifier.' }),
          lid: t.id({ title: 'LID', description: 'The LID.' }),
          name,
          sku: o(t.string({ title: 'SKU', description: 'The SKU.' })),
          unit_price: money('Unit Price', 'The unit price.'),
          quantity: t.integer({ format: 'int32', title: 'Quantity', description: 'The quantity.' }),
        }),
        { title: 'Products' },
      ),
    },
    { title: 'Purchase' },
  ),
});
