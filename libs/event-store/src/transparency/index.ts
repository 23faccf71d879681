export * from './merkle.hash';
export * from './merkle.proofs';
export * from './merkle.verify';
export * from './merkle.frontier';
export * from './log-entry';
export * from './merkle-log';
export * from './signed-note';
export * from './checkpoint';
