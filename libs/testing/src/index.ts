export * from './test-database';
export * from './wait-for';
export * from './given-when-then';
export * from './article.builders';
export * from './api-harness';
export * from './wire-story.fixture';
export * from './system-harness';
