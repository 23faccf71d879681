import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { KafkaHealthIndicator } from './kafka.health';
import { OutboxBacklogProbe } from './outbox-backlog.probe';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [KafkaHealthIndicator, OutboxBacklogProbe],
  exports: [KafkaHealthIndicator, OutboxBacklogProbe],
})
export class HealthModule {}
