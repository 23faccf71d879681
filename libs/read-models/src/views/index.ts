export { articleViewOf } from './article.view';
export { articleDiffOf } from './article-diff.view';
export * from './public';
