import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ApiMetrics } from './api.metrics';
import { CommandMetricsInterceptor } from './command-metrics.interceptor';
import { MetricsController } from './metrics.controller';

@Module({
  controllers: [MetricsController],
  providers: [ApiMetrics, { provide: APP_INTERCEPTOR, useClass: CommandMetricsInterceptor }],
  exports: [ApiMetrics],
})
export class MetricsModule {}
