import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { createKafka, kafkaSettingsOf } from '@newsroom/messaging';
import { AppConfig } from '../config/app-config';

const TIMEOUT_MS = 3000;

/** Asks the broker for its cluster metadata; a fresh admin client after any failure, so recovery needs no restart. */
@Injectable()
export class KafkaHealthIndicator implements OnModuleDestroy {
  private readonly kafka: Kafka;
  private admin: Admin | null = null;

  constructor(
    private readonly health: HealthIndicatorService,
    config: AppConfig,
  ) {
    this.kafka = createKafka({
      ...kafkaSettingsOf(config.env, 'health'),
      connectionTimeout: TIMEOUT_MS,
      requestTimeout: TIMEOUT_MS,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
  }

  async isHealthy(key: string) {
    const check = this.health.check(key);
    try {
      const cluster = await withTimeout(this.describe(), TIMEOUT_MS);
      return check.up({ brokers: cluster.brokers.length });
    } catch (err) {
      await this.reset();
      return check.down({ message: `Kafka is not answering: ${(err as Error).message}` });
    }
  }

  private async describe() {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin.describeCluster();
  }

  private async reset() {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }

  async onModuleDestroy() {
    await this.reset();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
