import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { KafkaHealthIndicator } from './kafka.health';
import { OutboxBacklogProbe } from './outbox-backlog.probe';

/**
 * Probes, public on purpose: load balancers and orchestrators call them without credentials.
 * Liveness restarts a process that is stuck; readiness takes an instance out of the load balancer.
 * Only PostgreSQL decides readiness: while Kafka is away the outbox keeps commands safe, so an
 * instance that can reach the database keeps serving, and says it is degraded.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly outbox: OutboxBacklogProbe,
  ) {}

  /** The process is up and its event loop answers; no dependency is asked, so an outage restarts nothing. */
  @Get('live')
  @Public()
  live() {
    return { status: 'ok' };
  }

  /** `/health` is readiness, as load balancers configured for it expect. */
  @Get(['', 'ready'])
  @Public()
  async ready(@Res({ passthrough: true }) res: Response) {
    const [postgres, kafka] = await Promise.all([
      this.db.pingCheck('postgres', { timeout: 3000 }).then((r) => r.postgres),
      this.kafka.isHealthy('kafka').then((r) => r.kafka),
    ]);
    const ready = postgres.status === 'up';
    const outbox = ready ? await this.outbox.check() : { status: 'down' as const, message: 'PostgreSQL is down' };
    const degraded = kafka.status !== 'up' || outbox.status !== 'up';
    res.status(ready ? 200 : 503);
    return { status: !ready ? 'error' : degraded ? 'degraded' : 'ok', details: { postgres, kafka, outbox } };
  }
}
