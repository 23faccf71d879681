import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { UsersService } from './users.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      // Outside production a missing secret gets a random one: tokens then last one process lifetime.
      useFactory: (c: AppConfig) => ({
        secret: c.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
        signOptions: { expiresIn: c.env.JWT_TTL as `${number}h` },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [UsersService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    const { NODE_ENV, SEED_DEMO_USERS, DEMO_PASSWORD } = this.config.env;
    const seed = SEED_DEMO_USERS ? SEED_DEMO_USERS === 'true' : NODE_ENV !== 'production';
    if (seed) await this.users.seedDemoUsers(DEMO_PASSWORD);
  }
}
