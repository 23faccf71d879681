export * from './article-list.projection';
export * from './article-state.projection';
export * from './audit-trail.projection';
export * from './contributor-index.projection';
export * from './projected-event';
export * from './projection.errors';
export * from './public-article.projection';
export * from './word-diff';
