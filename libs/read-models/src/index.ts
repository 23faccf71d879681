export * from './migrations';
export * from './projections';
export * from './runner';
