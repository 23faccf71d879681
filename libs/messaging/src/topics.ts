export const ARTICLE_EVENTS_TOPIC = 'newsroom.article-events';
export const ARTICLE_EVENTS_DLQ_TOPIC = 'newsroom.article-events.dlq';
/** Enough partitions for six projector instances per consumer group. */
export const ARTICLE_EVENTS_PARTITIONS = 6;

/** Test suites pass a prefix so each one gets topics of its own. */
export function topicNames(prefix = '') {
  return {
    articleEvents: `${prefix}${ARTICLE_EVENTS_TOPIC}`,
    articleEventsDlq: `${prefix}${ARTICLE_EVENTS_DLQ_TOPIC}`,
  };
}
