export { articleViewOf } from './article.view';
export { articleDiffOf } from './article-diff.view';
export { articleListItemOf, type ArticleListRecord } from './article-list-item.view';
export * from './public';
