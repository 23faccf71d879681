import type { EntityManager } from 'typeorm';
import { GENESIS_HASH } from '@newsroom/event-store';
import type { ProjectedEvent } from '../projections/projected-event';
import type { AppliedEvent, ArticleChange, Projection, TableNames } from './projection';
import { describeError, isDataError, OutOfChain } from './runner.errors';
import type { StreamEvent } from './stream-source';

/** One message or stored event offered to a projection; `ref` is the caller's (a Kafka offset, say). */
export interface Item<R, E extends StreamEvent = ProjectedEvent> {
  /**
   * The id of the event's stream (an article's, or a contribution's for a contribution read model),
   * from the envelope, or from the message key when the envelope could not be read.
   */
  articleId: string | null;
  event: E | null;
  /** Why there is no event: the message could not be read (MalformedEnvelope, a bad article id). */
  unreadable?: Error;
  ref: R;
}

export interface ParkedItem<R> {
  item: Item<R, StreamEvent>;
  reason: string;
}

export interface ApplyOutcome<R> {
  applied: number;
  /** Already in the read model: redeliveries, or written first by another consumer. */
  skipped: number;
  parked: ParkedItem<R>[];
  /** The furthest event applied or found applied, for status and lag. */
  lastEvent: StreamEvent | null;
}

export interface ApplyOptions {
  /** Articles with an unresolved dead letter: their later events wait behind it. */
  heldBack: ReadonlySet<string>;
  /** Write event by event under savepoints, so a write the database refuses parks only its article. */
  isolate?: boolean;
}

type Step<R, D> = AppliedEvent<any, any> & { derived: D; item: Item<R, any> };
interface Plan<R, D> {
  articleId: string;
  steps: Step<R, D>[];
}

/** The projection runner's apply step, shared by the Kafka consumers and the rebuild. */
export async function applyItems<R, D>(
  m: EntityManager,
  projection: Projection<D>,
  t: TableNames,
  items: Item<R, any>[],
  opts: ApplyOptions,
): Promise<ApplyOutcome<R>> {
  const { source } = projection;
  const outcome: ApplyOutcome<R> = { applied: 0, skipped: 0, parked: [], lastEvent: null };
  const park = (item: Item<R, any>, reason: string) => outcome.parked.push({ item, reason });
  const seen = (e: StreamEvent) => {
    if (!outcome.lastEvent || e.position > outcome.lastEvent.position) outcome.lastEvent = e;
  };
  // 1. Group by article, in arrival order; an item without an article holds nothing back.
  const groups = new Map<string, Item<R, any>[]>();
  for (const item of items) {
    if (item.articleId === null) park(item, describeError(item.unreadable));
    else {
      const group = groups.get(item.articleId);
      if (group) group.push(item);
      else groups.set(item.articleId, [item]);
    }
  }
  // 2. This read model's own rows, locked until commit.
  const rows = await source.load(m, t(projection.rowsTable), [...groups.keys()]);
  // 3. Evolve (pure). An exception here is a property of the event: retrying cannot change it.
  const plans: Plan<R, D>[] = [];
  for (const [articleId, group] of groups) {
    let row: { version: number } | null = rows.get(articleId)?.row ?? null;
    let lastHash = rows.get(articleId)?.lastHash ?? null;
    let blockedBy = opts.heldBack.has(articleId) ? 'an unresolved dead letter' : null;
    const steps: Step<R, D>[] = [];
    for (const item of group) {
      const e = item.event;
      if (e && row && e.version <= row.version) {
        outcome.skipped += 1;
        seen(e);
        continue;
      }
      if (blockedBy) {
        park(item, `held back: ${source.streamType} ${articleId} waits behind ${blockedBy}`);
        continue;
      }
      try {
        if (!e) throw item.unreadable ?? new Error('no event');
        const after = source.evolve(row, e);
        // The next link of this article's chain as this read model last saw it (VersionGap came first).
        const expected = row ? lastHash : GENESIS_HASH;
        if (e.prevHash !== expected) throw new OutOfChain(e, expected);
        const applied = { event: e, before: row, after };
        steps.push({ ...applied, derived: projection.derive(applied), item });
        row = after;
        lastHash = e.hash;
      } catch (err) {
        park(item, describeError(err));
        blockedBy = e ? `its version ${e.version}` : 'an unreadable message';
      }
    }
    if (steps.length > 0) plans.push({ articleId, steps });
  }
  // 4. Write through the version gate; isolated, one savepoint per event.
  const ctx: WriteContext<R, D> = { m, projection, t, outcome, park, seen };
  if (opts.isolate) await writeIsolated(ctx, plans);
  else await write(ctx, plans);
  return outcome;
}

interface WriteContext<R, D> {
  m: EntityManager;
  projection: Projection<D>;
  t: TableNames;
  outcome: ApplyOutcome<R>;
  park(item: Item<R, any>, reason: string): void;
  seen(e: StreamEvent): void;
}

/** Event by event, each under a savepoint: the first the database refuses is parked with what follows it. */
async function writeIsolated<R, D>(ctx: WriteContext<R, D>, plans: Plan<R, D>[]): Promise<void> {
  for (const { articleId, steps } of plans) {
    for (let i = 0; i < steps.length; i++) {
      await ctx.m.query('SAVEPOINT runner_event');
      try {
        await write(ctx, [{ articleId, steps: [steps[i]] }]);
        await ctx.m.query('RELEASE SAVEPOINT runner_event');
      } catch (err) {
        if (!isDataError(err)) throw err;
        await ctx.m.query('ROLLBACK TO SAVEPOINT runner_event');
        ctx.park(steps[i].item, describeError(err));
        for (const later of steps.slice(i + 1)) {
          const stream = `${ctx.projection.source.streamType} ${articleId}`;
          ctx.park(later.item, `held back: ${stream} waits behind its version ${steps[i].event.version}`);
        }
        break;
      }
    }
  }
}

async function write<R, D>(
  { m, projection, t, outcome, seen }: WriteContext<R, D>,
  plans: Plan<R, D>[],
): Promise<void> {
  if (plans.length === 0) return;
  const changes: ArticleChange<D, any, any>[] = plans.map(({ articleId, steps }) => ({
    articleId,
    before: steps[0].before,
    after: steps[steps.length - 1].after,
    applied: steps,
  }));
  const written = await projection.source.save(
    m,
    t(projection.rowsTable),
    changes.map((c) => ({ row: c.after, lastHash: c.applied[c.applied.length - 1].event.hash })),
  );
  const through = changes.filter((c) => written.has(c.articleId));
  if (through.length > 0) await projection.write(m, t, through);
  for (const c of changes) {
    if (written.has(c.articleId)) outcome.applied += c.applied.length;
    else outcome.skipped += c.applied.length;
    c.applied.forEach((a) => seen(a.event));
  }
}
