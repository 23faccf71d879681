import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { topicNames } from '@newsroom/messaging';
import { jsonGet } from './command-load';

/** Per article, the version the event store holds (its stream's length: versions have no gaps). */
export async function storedVersions(db: DataSource): Promise<Map<string, number>> {
  const rows: Array<{ id: string; version: number; n: number }> = await db.query(
    `SELECT substr(stream_id, 9) AS id, max(version)::int AS version, count(*)::int AS n
       FROM events WHERE stream_id LIKE 'article-%' GROUP BY stream_id`,
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}

const READ_MODEL_VERSIONS = {
  article_state: 'SELECT article_id::text AS id, version FROM article_state',
  article_list: 'SELECT article_id::text AS id, version FROM article_list_article_rows',
  contributor_index: 'SELECT article_id::text AS id, version FROM contributor_index_article_rows',
  audit_trail: 'SELECT article_id::text AS id, count(*)::int AS version FROM audit_trail GROUP BY article_id',
} as const;

export type ReadModelVersions = Record<keyof typeof READ_MODEL_VERSIONS, Map<string, number>>;

/** What each read model reflects per article: its row's version, and for the audit trail its count of entries. */
export async function readModelVersions(db: DataSource): Promise<ReadModelVersions> {
  const out = {} as ReadModelVersions;
  for (const [name, sql] of Object.entries(READ_MODEL_VERSIONS)) {
    const rows: Array<{ id: string; version: number }> = await db.query(sql);
    out[name as keyof ReadModelVersions] = new Map(rows.map((r) => [r.id, r.version]));
  }
  return out;
}

/** True once every read model reflects at least `target` for every article in it. */
export async function caughtUp(db: DataSource, target: Map<string, number>): Promise<boolean> {
  return (await lagging(db, target)).length === 0;
}

/** Per read model behind `target`: how many articles it lacks, to say what a wait timed out on. */
export async function lagging(db: DataSource, target: Map<string, number>): Promise<string[]> {
  const models = await readModelVersions(db);
  return Object.entries(models).flatMap(([name, m]) => {
    const behind = [...target].filter(([id, v]) => (m.get(id) ?? 0) < v).length;
    return behind === 0 ? [] : [`${name} behind on ${behind} of ${target.size} articles`];
  });
}

export interface Verdict {
  acceptedCommands: number;
  /** Accepted but not stored, stored but never on the topic, or on the topic but not in a read model. */
  lost: number;
  /** A read model that reflects an event more than once (more audit entries than versions). */
  duplicated: number;
  /** An event whose first delivery on the topic came before its predecessor's. */
  reordered: number;
  /** Deliveries of an event already on the topic: allowed (at least once), reported for the record. */
  redelivered: number;
  brokenChains: number;
  problems: string[];
}

/**
 * After recovery: every accepted command stored, every stored event on the topic in per-article
 * order, reflected exactly once in every read model, and every article's chain verifies.
 */
export async function checkRecovery(opts: {
  db: DataSource;
  accepted: Map<string, number>;
  acceptedCommands: number;
  broker: string;
  topicPrefix: string;
  api: string;
  token: string;
}): Promise<Verdict> {
  const v: Verdict = {
    acceptedCommands: opts.acceptedCommands,
    lost: 0,
    duplicated: 0,
    reordered: 0,
    redelivered: 0,
    brokenChains: 0,
    problems: [],
  };
  const note = (problem: string) => v.problems.length < 20 && v.problems.push(problem);
  const stored = await storedVersions(opts.db);
  for (const [id, version] of opts.accepted) {
    if ((stored.get(id) ?? 0) < version) {
      v.lost += version - (stored.get(id) ?? 0);
      note(`article ${id}: accepted up to version ${version}, stored ${stored.get(id) ?? 0}`);
    }
  }
  const onTopic = await readTopic(opts.broker, topicNames(opts.topicPrefix).articleEvents);
  for (const [id, version] of stored) {
    const delivered = onTopic.get(id) ?? [];
    const seen = new Set<number>();
    for (const d of delivered) {
      if (seen.has(d)) v.redelivered += 1;
      else if (d !== 1 && !seen.has(d - 1)) {
        v.reordered += 1;
        note(`article ${id}: version ${d} on the topic before version ${d - 1}`);
      }
      seen.add(d);
    }
    for (let n = 1; n <= version; n++)
      if (!seen.has(n)) {
        v.lost += 1;
        note(`article ${id}: version ${n} stored but not on the topic`);
      }
  }
  const models = await readModelVersions(opts.db);
  for (const [name, versions] of Object.entries(models)) {
    for (const [id, version] of stored) {
      const reflected = versions.get(id) ?? 0;
      if (reflected < version) {
        v.lost += version - reflected;
        note(`${name}: article ${id} at ${reflected} of ${version}`);
      } else if (reflected > version) {
        v.duplicated += reflected - version;
        note(`${name}: article ${id} reflects ${reflected} events of ${version}`);
      }
    }
  }
  for (const id of stored.keys()) {
    const res = await jsonGet(opts.api, `/api/articles/${id}/verify`, opts.token);
    if (res.status !== 200 || res.body?.valid !== true || res.body.events !== stored.get(id)) {
      v.brokenChains += 1;
      note(`article ${id}: verify answered ${res.status} ${res.text.slice(0, 200)}`);
    }
  }
  return v;
}

/** Every message on the topic, as article id → versions in the order of its partition. */
async function readTopic(broker: string, topic: string): Promise<Map<string, number[]>> {
  const kafka = new Kafka({ brokers: [broker], clientId: 'chaos-checks', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((p) => Number(p.high) > 0).map((p) => [p.partition, Number(p.high)]));
  const out = new Map<string, number[]>();
  if (remaining.size === 0) return out;
  const consumer = kafka.consumer({ groupId: `chaos-checks-${Date.now()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const { articleId, version } = JSON.parse(message.value!.toString('utf8'));
      out.set(articleId, [...(out.get(articleId) ?? []), version]);
      if (Number(message.offset) + 1 >= (remaining.get(partition) ?? Infinity)) remaining.delete(partition);
      if (remaining.size === 0) done();
    },
  });
  const timeout = setTimeout(done, 60_000);
  await finished;
  clearTimeout(timeout);
  await consumer.disconnect();
  if (remaining.size > 0) throw new Error(`could not read the whole topic (${remaining.size} partitions short)`);
  return out;
}
