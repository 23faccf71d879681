import { READ_MODEL_LOCK } from '../runner/runner-tables';
import type { Db } from './recordset';

// Table `dead_letters`: messages a read model could not apply; an open one holds back its article.

/**
 * Takes the batch's shared read-model lock (a rebuild's switch takes it exclusively) and finds the
 * held-back articles in the same round trip: target-list expressions run in order, lock first.
 */
export async function lockAndFindHeldBack(db: Db, projection: string, articleIds: string[]): Promise<Set<string>> {
  const [row] = await db.query(
    `SELECT pg_advisory_xact_lock_shared(${READ_MODEL_LOCK}) AS locked,
       ARRAY(SELECT DISTINCT article_id FROM dead_letters
             WHERE projection = $1 AND resolved_at IS NULL AND article_id = ANY($2::text[])) AS held`,
    [projection, articleIds],
  );
  return new Set<string>(row.held);
}

export interface NewDeadLetter {
  articleId: string | null;
  version: number | null;
  eventId: string | null;
  error: string;
  payload: string | null;
  offset: string;
}

/**
 * Records the letters of one partition, skipping any offset already recorded (a redelivery after a
 * crash between commit and offset commit); returns those it recorded.
 */
export async function recordDeadLetters<L extends NewDeadLetter>(
  db: Db,
  projection: string,
  source: { topic: string; partition: number },
  letters: readonly L[],
): Promise<L[]> {
  const known: Array<{ offset: string }> = await db.query(
    `SELECT "offset" FROM dead_letters
     WHERE projection = $1 AND topic = $2 AND partition = $3 AND "offset" = ANY($4::text[])`,
    [projection, source.topic, source.partition, letters.map((l) => l.offset)],
  );
  const already = new Set(known.map((k) => k.offset));
  const fresh = letters.filter((l) => !already.has(l.offset));
  for (const l of fresh) {
    await db.query(
      `INSERT INTO dead_letters (projection, article_id, version, event_id, error, payload, topic, partition, "offset")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        projection,
        l.articleId,
        l.version,
        l.eventId,
        l.error,
        noNul(l.payload),
        source.topic,
        source.partition,
        l.offset,
      ],
    );
  }
  return fresh;
}

function noNul(text: string | null): string | null {
  return text === null ? null : text.replace(/\0/g, '\\0');
}

/**
 * Resolves the open letters of `projection` that its rows in `rowsTable` have moved past: every
 * article not in `stillHeld` is at its event-store head, past anything a dead letter (even an
 * unreadable message, whose version is unknown) could have been.
 */
export async function resolveDeadLettersPast(
  db: Db,
  projection: string,
  rowsTable: string,
  stillHeld: readonly string[],
  keyColumn = 'article_id',
): Promise<void> {
  await db.query(
    `UPDATE dead_letters d SET resolved_at = now() FROM ${rowsTable} r
     WHERE d.projection = $1 AND d.resolved_at IS NULL AND r.${keyColumn}::text = d.article_id
       AND (d.version <= r.version OR (d.version IS NULL AND NOT d.article_id = ANY($2::text[])))`,
    [projection, stillHeld],
  );
}

/** The open letters, oldest first, for `GET /api/admin/dead-letters`. */
export async function openDeadLetters(db: Db, limit = 500) {
  const rows = await db.query(
    `SELECT id, projection, article_id, version, event_id, error, topic, partition, "offset", created_at
     FROM dead_letters WHERE resolved_at IS NULL ORDER BY id LIMIT $1`,
    [limit],
  );
  return rows.map((r: any) => ({
    id: Number(r.id),
    projection: r.projection as string,
    articleId: r.article_id as string | null,
    version: r.version as number | null,
    eventId: r.event_id as string | null,
    error: r.error as string,
    topic: r.topic as string,
    partition: r.partition as number,
    offset: r.offset as string,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** An expression, for the status query, counting the open letters of the read model in column `name`. */
export function openDeadLetterCount(name: string): string {
  return `(SELECT count(*) FROM dead_letters d WHERE d.projection = ${name} AND d.resolved_at IS NULL)`;
}
