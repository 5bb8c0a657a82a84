/**
 * The connector folder's documents, typed: apiDefinition.swagger.json (document.ts),
 * apiProperties.json (api-properties.ts) and settings.json (settings.ts), the value lists they
 * are checked against (constants.ts), and how readers see a document from disk (found.ts,
 * operations.ts, local-ref.ts).
 */
export * from './constants';
export * from './document';
export * from './api-properties';
export * from './settings';
export * from './found';
export * from './operations';
export * from './local-ref';
