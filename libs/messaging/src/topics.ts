export const ARTICLE_EVENTS_TOPIC = 'newsroom.article-events';
export const ARTICLE_EVENTS_DLQ_TOPIC = 'newsroom.article-events.dlq';
export const CONTRIBUTION_EVENTS_TOPIC = 'newsroom.contribution-events';
export const CONTRIBUTION_EVENTS_DLQ_TOPIC = 'newsroom.contribution-events.dlq';
/** Enough partitions for six projector instances per consumer group. */
export const ARTICLE_EVENTS_PARTITIONS = 6;

/** Test suites pass a prefix so each one gets topics of its own. */
export function topicNames(prefix = '') {
  return {
    articleEvents: `${prefix}${ARTICLE_EVENTS_TOPIC}`,
    articleEventsDlq: `${prefix}${ARTICLE_EVENTS_DLQ_TOPIC}`,
    contributionEvents: `${prefix}${CONTRIBUTION_EVENTS_TOPIC}`,
    contributionEventsDlq: `${prefix}${CONTRIBUTION_EVENTS_DLQ_TOPIC}`,
  };
}

/**
 * Which stream types are published, and to which topic: one topic per aggregate type, so that each
 * topic's `version` is one aggregate's sequence (README, "The event stream: public contract").
 * A stream type absent here is never relayed: its outbox rows wait, reported, until it is added.
 */
export function streamTopics(prefix = ''): Readonly<Record<string, string>> {
  const t = topicNames(prefix);
  return Object.freeze({ article: t.articleEvents, contribution: t.contributionEvents });
}
