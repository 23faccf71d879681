import type { DataSource } from 'typeorm';
import type { EnvelopeFields } from '@newsroom/contracts';
import type { ReadModelName } from './projection';
import { recordBatch, type BatchProgress } from '../tables/projection-status.table';

/** How often committed batches' progress reaches projection_status and projection_throughput. */
export const PROGRESS_FLUSH_MS = 250;

/**
 * The progress of committed batches, written to the status tables a few times a second in a
 * transaction of its own. Written inside every batch's transaction, the status row (one per read
 * model) and its throughput bucket were locked until that batch committed, so the batches of a
 * read model's partitions, meant to commit side by side, waited for each other: in bench:system
 * that one statement took more database time than every other statement together. Only committed
 * batches are added, so the status still never claims what was rolled back; it may trail by
 * PROGRESS_FLUSH_MS.
 */
export class BatchProgressRecorder {
  private pending: BatchProgress | null = null;
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModelName,
    flushEveryMs = PROGRESS_FLUSH_MS,
  ) {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), flushEveryMs);
    this.timer.unref();
  }

  /** A committed batch's progress. */
  add(p: BatchProgress): void {
    this.pending = this.pending ? merged(this.pending, p) : p;
  }

  /** Writes what has accumulated; kept for the next flush when the database refuses. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** The last flush, then no more. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing?.catch(() => undefined);
    await this.flush();
  }

  private async write(): Promise<void> {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    try {
      await recordBatch(this.dataSource.manager, this.readModel, p);
    } catch (err) {
      this.pending = this.pending ? merged(p, this.pending) : p;
      throw err;
    }
  }
}

function merged(a: BatchProgress, b: BatchProgress): BatchProgress {
  return {
    applied: a.applied + b.applied,
    lastEvent: furthest(a.lastEvent, b.lastEvent),
    lastError: b.lastError ?? a.lastError,
  };
}

function furthest(a: EnvelopeFields | null, b: EnvelopeFields | null): EnvelopeFields | null {
  if (!a) return b;
  if (!b) return a;
  return b.position > a.position ? b : a;
}
