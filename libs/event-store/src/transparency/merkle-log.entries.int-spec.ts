import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { dataSourceOptions, eventStoreMigrations } from '../data-source.factory';
import { rowToEvent } from '../event-store';
import { loadUnchainedEvents, type UnchainedEvent } from '../events.bulk-load';
import { logEntry } from './log-entry';
import { leafHash } from './merkle.hash';
import { MerkleLog } from './merkle-log';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('merkle_log_entries', eventStoreMigrations);
});
afterAll(async () => {
  await db?.drop();
});

const metadata = {
  actor: { role: 'editor', id: 'u1', name: 'Eda « É » 😀' },
  commandId: 'c',
  causationId: 'c',
  correlationId: 'c',
};
const awkward = (over: Partial<UnchainedEvent>): UnchainedEvent => ({
  streamId: `article-${randomUUID()}`,
  version: 1,
  type: 'ArticleRevised',
  data: { headline: 'x' },
  metadata,
  occurredAt: '2026-02-13T10:05:00.000Z',
  ...over,
});

/** A sequencer whose session is in another time zone than UTC, as a deployment's may be. */
async function inAmsterdam<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
  const options = dataSourceOptions({ url: db.url, schema: db.schema, poolSize: 4 }) as PostgresDataSourceOptions;
  const ds = new DataSource({
    ...options,
    extra: { ...options.extra, options: `${options.extra.options} -c TimeZone=Europe/Amsterdam` },
  });
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

describe('the leaves the sequencer appends', () => {
  it('hash the entry logEntry writes from the stored event, however awkward its columns', async () => {
    const events = [
      awkward({ type: 'Quote"Back\\slash\b\f\n\r\t\u0001\u001f\u007f\u2028\u2029 é 😀', version: 3 }),
      awkward({
        streamId: 'article-"odd"\\\u0002 ü',
        data: { z: [1e21, -0.5, 1.0, 0.1, null, true], a: { é: '\u0001', É: 'ß' } },
      }),
      awkward({ data: null, metadata: { ...metadata, extra: { b: 2, a: [1, '2'] } } }),
      // The driver's Date keeps milliseconds (truncated), and an offset of the session's zone is still UTC here.
      awkward({ occurredAt: '2031-01-01 00:00:00.999999+00' }),
      awkward({ occurredAt: '2026-02-13 10:05:00.1234+05:30' }),
      awkward({ occurredAt: '0099-03-04 05:06:07.0005+00' }),
      awkward({ occurredAt: '0001-01-01 00:00:00+00' }),
      // Amsterdam was 19 minutes 32 seconds ahead of UTC then: the sequencer's session writes such offsets.
      awkward({ occurredAt: '1920-06-01 12:00:00.123456+00' }),
      // Outside years 1 to 9999 toISOString writes six digits and a sign: the entry comes from the whole event.
      awkward({ occurredAt: '9999-12-31 23:59:59.999999+00' }),
      awkward({ occurredAt: '10000-01-01 00:00:00+00' }),
      awkward({ occurredAt: '0044-03-15 12:00:00+00 BC' }),
      // char(64) pads a short hash with spaces, and the driver reads them back.
      awkward({ chain: { eventId: randomUUID(), prevHash: 'ab', hash: 'c"d\\e' } }),
    ];
    await loadUnchainedEvents(db.dataSource, events);

    expect(await inAmsterdam((ds) => new MerkleLog(ds).catchUp())).toBe(events.length);

    const stored = await db.dataSource.query(
      `SELECT e.*, l.leaf_hash FROM events e JOIN merkle_leaves l USING (global_position) ORDER BY l.leaf_index`,
    );
    expect(stored).toHaveLength(events.length);
    for (const row of stored) {
      const event = rowToEvent(row);
      expect({ type: event.type, occurredAt: event.occurredAt, leaf: row.leaf_hash }).toEqual({
        type: event.type,
        occurredAt: event.occurredAt,
        leaf: leafHash(logEntry(event)),
      });
    }
  });
});
