import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { outboxBacklog } from '@newsroom/event-store';

/** Events stored but not yet on Kafka: growing while the broker or the relay is away. */
@Injectable()
export class OutboxBacklogProbe {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async check(): Promise<{ status: 'up'; backlog: number } | { status: 'down'; message: string }> {
    try {
      return { status: 'up', backlog: await outboxBacklog(this.ds) };
    } catch (err) {
      return { status: 'down', message: `cannot count the outbox: ${(err as Error).message}` };
    }
  }
}
