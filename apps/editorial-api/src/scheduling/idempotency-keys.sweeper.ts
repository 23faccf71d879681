import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from '@newsroom/event-store';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes expired idempotency records once an hour (and at start): an expired key already counts
 * as new, this only keeps the table from growing forever. Each instance sweeps; the deletes are
 * idempotent, so several instances racing do no harm.
 */
@Injectable()
export class IdempotencyKeysSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(IdempotencyKeysSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly store: EventStore) {}

  onApplicationBootstrap() {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      const purged = await this.store.purgeExpiredKeys();
      if (purged > 0) this.log.log({ purged }, 'Expired idempotency keys purged');
    } catch (err) {
      this.log.warn({ err }, 'Purging expired idempotency keys failed; retrying in an hour');
    }
  }
}
