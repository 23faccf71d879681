import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ARTICLE_STREAM_PREFIX,
  articleDecider,
  articleIdOfStream,
  articleStreamId,
  type ArticleCommand,
} from '@newsroom/editorial-domain';
import { handleCommand, PostgresEventStore, streamHeads, type EventStore } from '@newsroom/event-store';
import { waitFor } from '@newsroom/testing';
import { sendPages, type TestKafka } from '@newsroom/testing-system';
import { evolveArticleRow, type ArticleRow } from '../projections/article-state.projection';
import { articleVersions } from '../tables/article-state.table';
import { readEventPage, type StreamHistory } from './event-source';
import { ARTICLE_READ_MODELS, type ReadModelName } from './projection';
import type { Provenance } from './provenance';
import { startProjectionConsumer, type RunningConsumer } from './projection-consumer';

// Kafka and event-store plumbing shared by the runner's integration suites.

export async function startConsumers(
  ds: DataSource,
  k: TestKafka,
  names: readonly ReadModelName[] = ARTICLE_READ_MODELS,
  provenance?: Provenance,
  history?: StreamHistory,
): Promise<RunningConsumer[]> {
  return Promise.all(
    names.map((readModel) =>
      startProjectionConsumer({
        kafka: k.kafka,
        dataSource: ds,
        producer: k.producer,
        readModel,
        prefix: k.prefix,
        provenance,
        history,
      }),
    ),
  );
}

/** What the outbox relay does, minus the outbox: every stored event after `after`, keyed by article. */
export function relay(ds: DataSource, k: TestKafka, after = 0): Promise<number> {
  return sendPages(k, (position) => readEventPage(ds.manager, position, 1000), after);
}

/**
 * Runs commands (built by @newsroom/testing) against one article through the real write pipeline,
 * over PostgreSQL or over the store given (an encrypting one, say).
 */
export async function runCommands(
  on: DataSource | EventStore,
  articleId: string,
  commands: ArticleCommand[],
): Promise<void> {
  const store = on instanceof DataSource ? new PostgresEventStore(on) : on;
  for (const command of commands) {
    const id = randomUUID();
    const { actor, now } = command.metadata;
    await handleCommand(
      store,
      articleDecider,
      {
        streamId: articleStreamId(articleId),
        command: { ...command, articleId },
        now,
        metadata: {
          actor: { id: actor.id, name: actor.name, role: actor.role },
          commandId: id,
          correlationId: id,
          causationId: id,
        },
      },
      ({ version }) => ({ version }),
    );
  }
}

/** Each article's last version in the event store. */
export async function heads(ds: DataSource): Promise<Map<string, number>> {
  const byStream = await streamHeads(ds, ARTICLE_STREAM_PREFIX);
  return new Map([...byStream].map(([streamId, head]) => [articleIdOfStream(streamId)!, head]));
}

/** Waits until the read model's own rows have every article at its event-store head. */
export async function caughtUp(ds: DataSource, readModel: ReadModelName, timeoutMs = 30_000): Promise<void> {
  const table = readModel === 'article_state' ? 'article_state' : `${readModel}_article_rows`;
  await waitFor(
    `${readModel} at every head`,
    async () => {
      const [want, have] = await Promise.all([heads(ds), articleVersions(ds, table)]);
      return [...want].every(([articleId, head]) => have.get(articleId) === head);
    },
    timeoutMs,
    100,
  );
}

/** The article rows the pure projection gives for the event store's history, by article. */
export async function expectedRows(ds: DataSource): Promise<Map<string, ArticleRow>> {
  const rows = new Map<string, ArticleRow>();
  for (let after = 0; ;) {
    const page = await readEventPage(ds.manager, after, 5000);
    if (page.length === 0) return rows;
    for (const e of page) rows.set(e.articleId, evolveArticleRow(rows.get(e.articleId) ?? null, e));
    after = page[page.length - 1].position;
  }
}

/** True once every group's committed offsets reach the end of every partition of the topic. */
export async function groupsAtEnd(k: TestKafka, groups: string[]): Promise<boolean> {
  const admin = k.kafka.admin();
  await admin.connect();
  try {
    const ends = new Map((await admin.fetchTopicOffsets(k.topic)).map((p) => [p.partition, Number(p.high)]));
    for (const groupId of groups) {
      const [t] = await admin.fetchOffsets({ groupId, topics: [k.topic] });
      // -1: nothing committed yet, which is the end of an empty partition.
      if (t.partitions.some((p) => Math.max(0, Number(p.offset)) !== ends.get(p.partition))) return false;
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}
