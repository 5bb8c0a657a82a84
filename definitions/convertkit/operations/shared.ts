import { query, t } from 'pcdk';
import { page } from '../schemas';

/** Query parameters shared by the form, sequence and tag subscription lists. */
export const subscriptionListParams = {
  sort_order: query(
    t.string({ title: 'Sort Order', description: 'The sort order.', enum: ['asc', 'desc'], default: 'asc' }),
    { visibility: 'advanced' },
  ),
  subscriber_state: query(
    t.string({
      title: 'Subscriber State',
      description: 'The state of the subscriber.',
      enum: ['active', 'cancelled'],
      default: 'active',
    }),
    { visibility: 'advanced' },
  ),
  page: query(page, { visibility: 'advanced' }),
};
