import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  EncryptingEventStore,
  EventStore,
  FieldCodec,
  PostgresEventStore,
} from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';
import { databaseConnectionOf } from '@newsroom/settings';
import { AppConfig } from '../config/app-config';
import { fieldCodecOf, STORED_EVENTS } from './field-encryption';
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
          poolMin: c.env.DATABASE_POOL_MIN,
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
      provide: STORED_EVENTS,
      inject: [DataSource, AppConfig],
      useFactory: (ds: DataSource, c: AppConfig) => new PostgresEventStore(ds, c.env.IDEMPOTENCY_TTL),
    },
    {
      provide: FieldCodec,
      inject: [DataSource, AppConfig],
      useFactory: (ds: DataSource, c: AppConfig) => fieldCodecOf(ds, c.env),
    },
    {
      // Commands and history see plaintext; the store keeps ciphertext (issue #12, docs/redaction.md).
      provide: EventStore,
      inject: [STORED_EVENTS, FieldCodec, AppConfig],
      useFactory: (stored: EventStore, codec: FieldCodec, c: AppConfig) =>
        new EncryptingEventStore(stored, codec, { sealAppends: c.env.FIELD_ENCRYPTION }),
    },
    ReadModelRebuilds,
    { provide: APP_INTERCEPTOR, useClass: RetryReadsInterceptor },
  ],
  exports: [EventStore, STORED_EVENTS, FieldCodec, ReadModelRebuilds],
})
export class DatabaseModule {}
