import type { EntityManager } from 'typeorm';
import type { ArticleRow } from '../projections/article-state.projection';
import type { AuditEntry } from '../projections/audit-trail.projection';
import type { ProjectedEvent } from '../projections/projected-event';
import { CANARY, redactedStream } from '../projections/redaction.fixtures';
import type { ChainedRow } from '../tables/chained-rows.table';
import { applyItems } from './apply-events';
import { storedItems, type StreamHistory } from './event-source';
import type { Projection } from './projection';
import { PROJECTIONS } from './read-model.writers';
import { articleSource, type StreamSource } from './stream-source';

// The runner's side of issue #12, without a database: the audit trail's projection over in-memory
// tables, fed the canary's stream in batches. On the redaction the runner must read the stream's
// history again (as it reads now: markers), clear the read model's entries and derive them anew.

interface Tables {
  rows: Map<string, ChainedRow<ArticleRow>>;
  entries: Map<number, AuditEntry>;
  cleared: number;
}

function inMemoryAuditTrail(tables: Tables): Projection<AuditEntry, ArticleRow, ProjectedEvent> {
  const source: StreamSource<ArticleRow, ProjectedEvent> = {
    ...articleSource,
    load: async (_db, _table, ids) =>
      new Map(ids.flatMap((id) => (tables.rows.has(id) ? [[id, structuredClone(tables.rows.get(id)!)]] : []))),
    save: async (_db, _table, rows) => {
      const written = new Set<string>();
      for (const r of rows) {
        const id = r.row.articleId;
        if ((tables.rows.get(id)?.row.version ?? 0) >= r.row.version) continue;
        tables.rows.set(id, structuredClone(r));
        written.add(id);
      }
      return written;
    },
  };
  const { derive } = PROJECTIONS.audit_trail;
  return {
    ...PROJECTIONS.audit_trail,
    source,
    derive: (applied) => derive(applied) as AuditEntry,
    clear: async () => {
      tables.entries.clear();
      tables.cleared += 1;
    },
    write: async (_m, _t, changes) => {
      for (const a of changes.flatMap((c) => c.applied))
        if (!tables.entries.has(a.event.version)) tables.entries.set(a.event.version, structuredClone(a.derived));
    },
  };
}

const m = { query: async () => undefined } as unknown as EntityManager;
const { live, replayed } = redactedStream();
const history: StreamHistory = async (_m, _source, _id, beforeVersion) =>
  replayed.filter((e) => e.version < beforeVersion);

async function projected(events: ProjectedEvent[], batch: number, isolate = false): Promise<Tables> {
  const tables: Tables = { rows: new Map(), entries: new Map(), cleared: 0 };
  const projection = inMemoryAuditTrail(tables);
  for (let i = 0; i < events.length; i += batch) {
    const items = storedItems(events.slice(i, i + batch));
    const outcome = await applyItems(m, projection, (t) => t, items, { heldBack: new Set(), history, isolate });
    expect(outcome.parked).toEqual([]);
  }
  return tables;
}

const entriesOf = (t: Tables) => [...t.entries.values()].sort((a, b) => a.version - b.version);

describe('the runner, meeting a redaction', () => {
  it.each([1, 3, 100])('derives the audit trail again from the history as it reads now (batches of %i)', async (n) => {
    const fromLive = await projected(live, n);

    expect(fromLive.cleared).toBe(1);
    expect(entriesOf(fromLive)).toEqual(entriesOf(await projected(replayed, 100)));
    expect(JSON.stringify(entriesOf(fromLive))).not.toContain(CANARY);
    expect(fromLive.rows.get(live[0].articleId)!.row.version).toBe(live.length);
  });

  it('does the same writing event by event under savepoints (isolated)', async () => {
    const fromLive = await projected(live, 4, true);

    expect(entriesOf(fromLive)).toEqual(entriesOf(await projected(replayed, 100)));
  });

  it('counts as applied only the events delivered, not the history it derived again', async () => {
    const tables: Tables = { rows: new Map(), entries: new Map(), cleared: 0 };
    const projection = inMemoryAuditTrail(tables);
    await applyItems(m, projection, (t) => t, storedItems(live.slice(0, -1)), { heldBack: new Set(), history });

    const outcome = await applyItems(m, projection, (t) => t, storedItems(live.slice(-1)), {
      heldBack: new Set(),
      history,
    });

    expect(outcome).toMatchObject({ applied: 1, skipped: 0, parked: [] });
    expect(outcome.lastEvent?.version).toBe(live.length);
  });

  it('derives nothing again for a redaction delivered twice', async () => {
    const tables: Tables = { rows: new Map(), entries: new Map(), cleared: 0 };
    const projection = inMemoryAuditTrail(tables);
    await applyItems(m, projection, (t) => t, storedItems(live), { heldBack: new Set(), history });

    const outcome = await applyItems(m, projection, (t) => t, storedItems(live.slice(-1)), {
      heldBack: new Set(),
      history,
    });

    expect(outcome).toMatchObject({ applied: 0, skipped: 1 });
    expect(tables.cleared).toBe(1);
  });
});
