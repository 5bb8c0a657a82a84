import { operation, t } from 'pcdk';

export const getAccount = operation({
  id: 'Account',
  method: 'get',
  path: '/account',
  summary: 'Get account',
  description: 'Retrieves the current account.',
  responses: {
    200: t.partial({
      name: t.string({ title: 'Name', description: 'The name.' }),
      plan_type: t.string({ title: 'Plan Type', description: 'The type of plan.' }),
      primary_email_address: t.string({ title: 'Primary Email Address', description: 'The primary email address.' }),
    }),
  },
});
