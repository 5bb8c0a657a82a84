import { operation, path, query, t } from 'pcdk';
import { createdPurchase, page, pageOf, pagesOf, purchase, purchaseInput } from '../schemas';

export const listPurchases = operation({
  id: 'PurchaseList',
  method: 'get',
  path: '/purchases',
  summary: 'List purchases',
  description: 'Retrieve a list of all purchases for an account.',
  params: { page: query(page, { visibility: 'advanced' }) },
  responses: { 200: pageOf('purchases', purchase) },
  pagination: pagesOf('purchases'),
});

export const createPurchase = operation({
  id: 'PurchaseAdd',
  method: 'post',
  path: '/purchases',
  summary: 'Create a purchase',
  description: 'Create a purchase.',
  body: purchaseInput,
  responses: { 201: createdPurchase },
});

export const getPurchase = operation({
  id: 'PurchaseGet',
  method: 'get',
  path: '/purchases/{purchase_id}',
  summary: 'Get a purchase',
  description: 'Retrieve a specific purchase by ID.',
  params: {
    purchase_id: path(t.string({ title: 'Purchase ID', description: 'The purchase identifier.' }), {
      visibility: 'important',
    }),
  },
  responses: { 200: purchase },
});
