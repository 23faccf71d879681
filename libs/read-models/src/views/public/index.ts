export { articlePageHtml, notFoundPageHtml, withdrawnPageHtml, ARTICLE_PAGE_CSP } from './article-page.html';
export { atomFeedOf, feedPath, jsonFeedOf, type FeedPage } from './feeds.view';
export { jsonForScript } from './html-escape';
export { newsArticleOf } from './news-article.jsonld';
export { ninjsOf, type NinjsDocument } from './ninjs.view';
export * from './public-site';
