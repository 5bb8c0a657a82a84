import { operation, path, query, t } from 'pcdk';
import { createdPurchase, page, purchase, purchaseInput, totalPages } from '../schemas';

export const listPurchases = operation({
  id: 'PurchaseList',
  clientName: 'listPurchases',
  method: 'get',
  path: '/purchases',
  summary: 'List purchases',
  description: 'Retrieve a list of all purchases for an account.',
  params: { page: query(page, { visibility: 'advanced' }) },
  responses: {
    200: t.partial({
      total_purchases: t.integer({ format: 'int32', title: 'Total Purchases', description: 'The total purchases.' }),
      page,
      total_pages: totalPages,
      purchases: t.array(purchase, { title: 'Purchases' }),
    }),
  },
  pagination: { style: 'page-number', pageParam: 'page', itemsPath: 'purchases', totalPagesPath: 'total_pages' },
});

export const createPurchase = operation({
  id: 'PurchaseAdd',
  clientName: 'createPurchase',
  method: 'post',
  path: '/purchases',
  summary: 'Create a purchase',
  description: 'Create a purchase.',
  body: purchaseInput,
  responses: { 201: createdPurchase },
});

export const getPurchase = operation({
  id: 'PurchaseGet',
  clientName: 'getPurchase',
  method: 'get',
  path: '/purchases/{purchase_id}',
  summary: 'Get a purchase',
  description: 'Retrieve a specific purchase by ID.',
  params: {
    purchase_id: path(t.string({ title: 'Purchase ID', description: 'The purchase identifier.' }), { visibility: 'important' }),
  },
  responses: { 200: purchase },
});
