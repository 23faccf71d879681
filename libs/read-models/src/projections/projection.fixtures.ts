import type { ArticleEvent } from '@newsroom/editorial-domain';
import { ARTICLE_ID } from '@newsroom/testing';
import { evolveArticleRow, type ArticleRow } from './article-state.projection';
import type { ProjectedActor, ProjectedEvent } from './projected-event';

// Domain events come from @newsroom/testing's builders; this file only wraps them the way the
// outbox relay does, so projection specs read like the decider's.

export const A_REPORTER: ProjectedActor = { id: 'user-reporter', name: 'Rey Reporter', role: 'reporter' };
export const AN_EDITOR: ProjectedActor = { id: 'user-editor', name: 'Eda Editor', role: 'editor' };

const NO_HASH = '0'.repeat(64);

/** Event `version` is stored `version` minutes after this instant. */
export const STREAM_EPOCH = '2030-01-15T08:00:00.000Z';

export function minutesAfterEpoch(minutes: number): string {
  return new Date(Date.parse(STREAM_EPOCH) + minutes * 60_000).toISOString();
}

/** The envelope the relay would send for `event` stored as `version` of the article. */
export function envelope(
  event: ArticleEvent,
  version: number,
  overrides: Partial<ProjectedEvent> = {},
): ProjectedEvent {
  const actor = version === 1 ? A_REPORTER : AN_EDITOR;
  const [commandId, correlationId] = [`command-${version}`, `correlation-${version}`];
  return {
    eventId: `event-${version}`,
    type: event.type,
    schemaVersion: 1,
    articleId: ARTICLE_ID,
    version,
    position: 1000 + version,
    occurredAt: minutesAfterEpoch(version),
    actor,
    correlationId,
    causationId: commandId,
    data: event.data,
    metadata: { actor, commandId, correlationId, causationId: commandId },
    // Projections never read the chain: the runner checks it before evolve (see runner/apply-events).
    prevHash: NO_HASH,
    hash: NO_HASH,
    ...overrides,
  };
}

/** A history as stored: versions from 1, drafted by the reporter, everything after by the editor. */
export function envelopes(history: ArticleEvent[]): ProjectedEvent[] {
  return history.map((event, i) => envelope(event, i + 1));
}

export interface ProjectedHistory {
  /** The article row after the whole history; null for an empty one. */
  row: ArticleRow | null;
  /** The envelope of `event` as the article's next version. */
  next(event: ArticleEvent, overrides?: Partial<ProjectedEvent>): ProjectedEvent;
}

/** `afterHistory(drafted(), submitted())` then `evolveArticleRow(row, next(approved()))`. */
export function afterHistory(...history: ArticleEvent[]): ProjectedHistory {
  const row = envelopes(history).reduce<ArticleRow | null>(evolveArticleRow, null);
  return { row, next: (event, overrides) => envelope(event, history.length + 1, overrides) };
}

/** The row after a history that must not be empty. */
export function rowAfter(...history: ArticleEvent[]): ArticleRow {
  const { row } = afterHistory(...history);
  if (!row) throw new Error('rowAfter needs at least one event');
  return row;
}

export function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFrozen);
  }
  return value;
}
