export * from './schema';
export * from './dynamic';
export * from './operation';
export * from './connector';
export * from './document';
export * from './properties';
export * from './declared';
export * from './secret';
