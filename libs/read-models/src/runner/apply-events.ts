import type { EntityManager } from 'typeorm';
import { GENESIS_HASH } from '@newsroom/event-store';
import type { ProjectedEvent } from '../projections/projected-event';
import type { AppliedEvent, ArticleChange, Projection, TableNames } from './projection';
import { describeError, isDataError, OutOfChain } from './runner.errors';
import { storedHistory, type StreamHistory } from './event-source';
import type { StreamEvent, StreamSource } from './stream-source';

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
  /**
   * Where a stream's earlier events are read from when an event rewrites its history (a legal
   * redaction, issue #12): by default the store's events as stored.
   */
  history?: StreamHistory;
}

/** `replayed`: an earlier event of the stream, derived again because a later one rewrote history. */
type Step<R, D> = AppliedEvent<any, any> & { derived: D; item: Item<R, any>; replayed?: true };
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
  // 2. This read model's own rows, locked until commit; the history of streams a redaction rewrote.
  const rows = await source.load(m, t(projection.rowsTable), [...groups.keys()]);
  const histories = await historiesOf(m, source, groups, rows, opts);
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
        // A redaction: the stream is derived again from its first event, as a rebuild would now
        // derive it, replacing what this batch derived for it so far. Nothing changes if it fails.
        const history = histories.get(e);
        const base = history ? replayedSteps(projection, history, item) : { steps, row, lastHash };
        const after = source.evolve(base.row, e);
        // The next link of this article's chain as this read model last saw it (VersionGap came first).
        const expected = base.row ? base.lastHash : GENESIS_HASH;
        if (e.prevHash !== expected) throw new OutOfChain(e, expected);
        const applied = { event: e, before: base.row, after };
        if (base.steps !== steps) steps.splice(0, steps.length, ...base.steps);
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

/** A stream's earlier events derived again from nothing, each step owned by the item that asked. */
function replayedSteps<R, D>(projection: Projection<D>, history: readonly any[], item: Item<R, any>) {
  const steps: Step<R, D>[] = [];
  let row: { version: number } | null = null;
  let lastHash: string | null = null;
  for (const earlier of history) {
    const after: { version: number } = projection.source.evolve(row, earlier);
    const expected = row ? lastHash : GENESIS_HASH;
    if (earlier.prevHash !== expected) throw new OutOfChain(earlier, expected);
    const applied: AppliedEvent<any, any> = { event: earlier, before: row, after };
    steps.push({ ...applied, derived: projection.derive(applied), item, replayed: true });
    row = after;
    lastHash = earlier.hash;
  }
  return { steps, row, lastHash };
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
    // Events derived again (a redaction) are written with the delivered event that rewrote them.
    const firstDelivered = steps.findIndex((s) => !s.replayed);
    for (let i = Math.max(firstDelivered, 0); i < steps.length; i++) {
      await ctx.m.query('SAVEPOINT runner_event');
      try {
        await write(ctx, [{ articleId, steps: i === firstDelivered ? steps.slice(0, i + 1) : [steps[i]] }]);
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
  const changes: Array<Omit<ArticleChange<D, any, any>, 'applied'> & { applied: Step<R, D>[] }> = plans.map(
    ({ articleId, steps }) => ({
      articleId,
      before: steps[0].before,
      after: steps[steps.length - 1].after,
      applied: steps,
    }),
  );
  const written = await projection.source.save(
    m,
    t(projection.rowsTable),
    changes.map((c) => ({ row: c.after, lastHash: c.applied[c.applied.length - 1].event.hash })),
  );
  const through = changes.filter((c) => written.has(c.articleId));
  const rederived = through.filter((c) => c.applied[0].replayed).map((c) => c.articleId);
  if (rederived.length > 0) await projection.clear(m, t, rederived);
  if (through.length > 0) await projection.write(m, t, through);
  for (const c of changes) {
    const delivered = c.applied.filter((a) => !a.replayed);
    if (written.has(c.articleId)) outcome.applied += delivered.length;
    else outcome.skipped += delivered.length;
    delivered.forEach((a) => seen(a.event));
  }
}

/**
 * For each delivered event that rewrites its stream's history (source.rewritesHistory) and is not
 * applied yet, the stream's earlier events read again (opts.history). I/O, so before the pure step.
 */
async function historiesOf<R>(
  m: EntityManager,
  source: StreamSource,
  groups: ReadonlyMap<string, Item<R, any>[]>,
  rows: ReadonlyMap<string, { row: { version: number } }>,
  opts: ApplyOptions,
): Promise<Map<StreamEvent, StreamEvent[]>> {
  const out = new Map<StreamEvent, StreamEvent[]>();
  if (!source.rewritesHistory) return out;
  const history = opts.history ?? storedHistory();
  for (const [streamId, group] of groups) {
    if (opts.heldBack.has(streamId)) continue;
    const known = rows.get(streamId)?.row.version ?? 0;
    for (const { event } of group) {
      const redacted = event && event.version > known ? source.rewritesHistory(event) : null;
      if (event && redacted) out.set(event, await history(m, source, streamId, event.version, redacted));
    }
  }
  return out;
}
