/**
 * The one place that knows how an article's event stream is named. SQL that needs the article id
 * of a stream uses ARTICLE_STREAM_PREFIX (e.g. `substr(stream_id, length(prefix) + 1)`), never a
 * literal offset.
 */
export const ARTICLE_STREAM_PREFIX = 'article-';

export const articleStreamId = (articleId: string): string => `${ARTICLE_STREAM_PREFIX}${articleId}`;

/** The article id of an article stream, or undefined for a stream of another kind. */
export function articleIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(ARTICLE_STREAM_PREFIX) ? streamId.slice(ARTICLE_STREAM_PREFIX.length) : undefined;
}
