import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { LoginService } from './login.service';
import { LoginThrottle } from './login.throttle';
import { PasswordHasher } from './password.hasher';
import { SessionCache } from './session.cache';
import { SessionRevoker } from './session.revoker';
import { SessionsTable } from './sessions.table';
import { UsersTable } from './users.table';

/** Login, logout, sessions and the guard; user management (./users) builds on its exports. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      // Outside production a missing secret gets a random one (npm start shares one across its processes).
      useFactory: (c: AppConfig) => ({ secret: c.env.JWT_SECRET ?? randomBytes(32).toString('hex') }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    UsersTable,
    SessionsTable,
    SessionRevoker,
    LoginService,
    PasswordHasher,
    { provide: SessionCache, inject: [AppConfig], useFactory: (c: AppConfig) => new SessionCache(c.env.AUTH_CACHE_MS) },
    {
      provide: LoginThrottle,
      inject: [getDataSourceToken(), AppConfig],
      useFactory: (ds: DataSource, { env }: AppConfig) =>
        new LoginThrottle(ds, {
          maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
          maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
          windowSeconds: env.LOGIN_WINDOW_S,
        }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersTable, SessionRevoker, PasswordHasher, SessionsTable, SessionCache],
})
export class AuthModule {}
