import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { ApiMetrics } from './api.metrics';

/**
 * Prometheus' scrape. No credentials (a scraper has none), so private: bootstrap lets only clients on
 * this machine reach it unless METRICS_PUBLIC is set.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() res: Response) {
    const text = await this.metrics.registry.metrics();
    res.type(this.metrics.registry.contentType).send(text);
  }
}
