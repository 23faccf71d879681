export * from './migrations';
export * from './projections';
export * from './runner';
export * from './tables';
export * from './views';
export * from './metrics/read-model.gauges';
