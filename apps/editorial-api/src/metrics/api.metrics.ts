import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { outboxBacklog } from '@newsroom/event-store';
import { projectionStatuses, registerReadModelGauges } from '@newsroom/read-models';
import { commandOutcome } from './command-outcome';

/** What an error answer tells the metrics: set by the error filter on `res.locals`. */
export interface AnswerFacts {
  /** The write's use case (`DraftArticle`, `CreateUser`), set for commands. */
  command?: string;
  /** The error body's code (`INVALID_TRANSITION`, `DATABASE_UNAVAILABLE`) when it has one. */
  errorCode?: string;
}

/** The API's Prometheus metrics, in a registry of its own (tests start several APIs in one process). */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();

  private readonly requests = new Histogram({
    name: 'newsroom_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status: rate from _count, latency from the buckets',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly commands = new Counter({
    name: 'newsroom_commands_total',
    help: 'Commands by type and outcome (accepted, conflict, refused, unavailable, failed) and error code',
    labelNames: ['command', 'outcome', 'code'],
    registers: [this.registry],
  });

  constructor(@InjectDataSource() ds: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'newsroom_outbox_backlog',
      help: 'Events stored but not yet sent to Kafka, counted at each scrape',
      registers: [this.registry],
      async collect() {
        await outboxBacklog(ds).then(
          (n) => this.set(n),
          () => undefined, // the database is away: keep the last value, the scrape still answers
        );
      },
    });
    registerReadModelGauges(this.registry, () => projectionStatuses(ds));
  }

  /** Times one request answered outside Express (see PublicFastPath): call with its labels when done. */
  timer(): (labels: { method: string; route: string; status: string }) => void {
    return this.requests.startTimer();
  }

  /** Express middleware: times every request and labels it once the router has matched its route. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const stop = this.requests.startTimer();
      res.once('finish', () => {
        // The pattern, never the raw URL: ids would make one series per article.
        const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
        stop({ method: req.method, route, status: String(res.statusCode) });
        const facts = res.locals as AnswerFacts;
        if (facts.command) {
          const { outcome, code } = commandOutcome(res.statusCode, facts.errorCode);
          this.commands.inc({ command: facts.command, outcome, code });
        }
      });
      next();
    };
  }
}
