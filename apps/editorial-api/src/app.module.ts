import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { ArticlesModule } from './articles/articles.module';
import { ContributionsModule } from './contributions/contributions.module';
import { ErrorFilter } from './common/error.filter';
import { LoggerModule } from './common/logger.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { StreamModule } from './stream/stream.module';
import { TransparencyModule } from './audit/transparency/transparency.module';
import { MetricsModule } from './metrics/metrics.module';
import { PublicModule } from './public/public.module';
import { UsersModule } from './users/users.module';
import { webApp } from './web/web-app.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule,
    DatabaseModule,
    CqrsModule.forRoot(),
    AuthModule,
    HealthModule,
    MetricsModule,
    TransparencyModule,
    ArticlesModule,
    ContributionsModule,
    AdminModule,
    UsersModule,
    StreamModule,
    PublicModule,
    ...webApp(),
  ],
  providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
})
export class AppModule {}
