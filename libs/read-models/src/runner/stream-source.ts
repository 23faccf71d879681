import type { ContributionEventEnvelope, EnvelopeFields } from '@newsroom/contracts';
import { ARTICLE_STREAM_PREFIX, CONTRIBUTION_STREAM_TYPE } from '@newsroom/editorial-domain';
import type { StoredEvent } from '@newsroom/event-store';
import { decodeEnvelope, decodeStreamEnvelope, envelopeOf, topicNames, MalformedEnvelope } from '@newsroom/messaging';
import { evolveArticleRow, type ArticleRow } from '../projections/article-state.projection';
import { evolveContributionRow, type ContributionRow } from '../projections/contribution-state.projection';
import type { ProjectedEvent } from '../projections/projected-event';
import { loadRows, saveRows } from '../tables/article-state.table';
import type { ChainedRow } from '../tables/chained-rows.table';
import { loadContributionRows, saveContributionRows } from '../tables/contribution-rows.table';
import type { Db } from '../tables/recordset';

/** A field of a stored event, by reference: the event's id and a concrete path into its data. */
export interface FieldRef {
  eventId: string;
  path: string;
}

/** What the runner needs of any published event: the envelope's common fields. */
export type StreamEvent = EnvelopeFields;

/**
 * One aggregate type as the runner reads it: its topic, how a message names its stream, how its
 * per-stream row evolves and is stored. Read models of different aggregates share every other part
 * of the runner (version gate, hash chain, provenance, dead letters, rebuild).
 */
export interface StreamSource<Row extends { version: number } = any, E extends StreamEvent = any> {
  streamType: string;
  /** Stream-name prefix in the event store, `<streamType>-`. */
  streamPrefix: string;
  /** The column of the rows tables that holds the stream's id. */
  keyColumn: string;
  topics(prefix: string): { events: string; dlq: string };
  /** Parses a message of this source's topic; throws MalformedEnvelope for anything else. */
  decode(value: Buffer | null): E;
  /** The stream's id (a UUID) as the envelope names it: also the message key. */
  keyOf(e: E): string;
  envelopeOf(stored: StoredEvent): E;
  /**
   * The fields of earlier events of its stream that this event made unreadable (a legal redaction,
   * issue #12), or null for an event that leaves history as it reads. The runner then derives the
   * stream's read model again from its stored events, opened as they read now.
   */
  rewritesHistory?(e: E): readonly FieldRef[] | null;
  /** Pure: the row after one event; throws VersionGap or UnprojectableEvent like evolveArticleRow. */
  evolve(row: Row | null, e: E): Row;
  load(db: Db, table: string, keys: string[]): Promise<Map<string, ChainedRow<Row>>>;
  /** Upserts through the version gate; returns the keys written. */
  save(db: Db, table: string, rows: ChainedRow<Row>[]): Promise<Set<string>>;
}

/** The fields a redaction event of `type` names (keys destroyed, or erased in place); null for any other event. */
function redactedBy(type: string) {
  return (e: StreamEvent & { type: string; data: unknown }): readonly FieldRef[] | null => {
    if (e.type !== type) return null;
    const { fields, erased } = e.data as { fields?: FieldRef[]; erased?: FieldRef[] };
    return [...(fields ?? []), ...(erased ?? [])];
  };
}

export const articleSource: StreamSource<ArticleRow, ProjectedEvent> = {
  streamType: 'article',
  streamPrefix: ARTICLE_STREAM_PREFIX,
  keyColumn: 'article_id',
  topics: (prefix) => {
    const t = topicNames(prefix);
    return { events: t.articleEvents, dlq: t.articleEventsDlq };
  },
  decode: (value) => decodeEnvelope(value),
  keyOf: (e) => e.articleId,
  envelopeOf: (stored) => envelopeOf(stored),
  rewritesHistory: redactedBy('ContentRedacted'),
  evolve: evolveArticleRow,
  load: loadRows,
  save: saveRows,
};

export const contributionSource: StreamSource<ContributionRow, ContributionEventEnvelope> = {
  streamType: CONTRIBUTION_STREAM_TYPE,
  streamPrefix: `${CONTRIBUTION_STREAM_TYPE}-`,
  keyColumn: 'contribution_id',
  topics: (prefix) => {
    const t = topicNames(prefix);
    return { events: t.contributionEvents, dlq: t.contributionEventsDlq };
  },
  decode: (value) => {
    const e = decodeStreamEnvelope<ContributionEventEnvelope>(value);
    if (e.streamType !== CONTRIBUTION_STREAM_TYPE) {
      throw new MalformedEnvelope(`envelope of a ${e.streamType} stream on the contribution topic`);
    }
    if (typeof e.contributionId !== 'string')
      throw new MalformedEnvelope('envelope field contributionId must be a string');
    return e;
  },
  keyOf: (e) => e.contributionId,
  envelopeOf: (stored) => envelopeOf<ContributionEventEnvelope>(stored),
  rewritesHistory: redactedBy('ContributionRedacted'),
  evolve: evolveContributionRow,
  load: loadContributionRows,
  save: saveContributionRows,
};
