import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, EventStore, PostgresEventStore } from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';
import { databaseConnectionOf } from '@newsroom/settings';
import { AppConfig } from '../config/app-config';
import { ReadModelRebuilds } from './read-model-rebuilds';
import { RetryReadsInterceptor } from './retry-reads.interceptor';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (c: AppConfig) => ({
        ...dataSourceOptions({
          url: databaseConnectionOf(c.env, 'api').url,
          schema: c.env.DATABASE_SCHEMA,
          poolSize: c.env.DATABASE_POOL_SIZE,
          migrations: allMigrations,
          applicationName: 'editorial-api',
        }),
        // Start-up must not hang forever when PostgreSQL is away: fail with a clear message instead.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [
    {
      provide: EventStore,
      inject: [DataSource, AppConfig],
      useFactory: (ds: DataSource, c: AppConfig) => new PostgresEventStore(ds, c.env.IDEMPOTENCY_TTL),
    },
    ReadModelRebuilds,
    { provide: APP_INTERCEPTOR, useClass: RetryReadsInterceptor },
  ],
  exports: [EventStore, ReadModelRebuilds],
})
export class DatabaseModule {}
