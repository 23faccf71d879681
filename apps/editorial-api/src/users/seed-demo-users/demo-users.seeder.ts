import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { PasswordHasher } from '../../auth/password.hasher';
import { UsersTable } from '../../auth/users.table';
import { UserChangeRunner } from '../shared/user-change.runner';
import { DEMO_USERS, seedsDemoUsers, warnAboutDemoUsers } from './demo-users.policy';

/** Start-up records the demo accounts it creates like any other account: audited, in their streams. */
const START_UP = { id: '00000000-0000-0000-0000-000000000000', name: 'Newsroom start-up', role: 'system' };

/** Outside production, the demo accounts (known password), with a warning each start. */
@Injectable()
export class DemoUsersSeeder implements OnApplicationBootstrap {
  private readonly log = new Logger('DemoUsers');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersTable,
    private readonly hasher: PasswordHasher,
    private readonly runner: UserChangeRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!seedsDemoUsers(this.config.env)) return;
    warnAboutDemoUsers(this.log);
    for (const { email, name, roles } of DEMO_USERS) {
      if (await this.users.byEmail(email)) continue;
      await this.runner
        .run({
          userId: randomUUID(),
          command: { type: 'CreateUser', data: { email, name, roles } },
          actor: START_UP,
          passwordHash: await this.hasher.hash(this.config.env.DEMO_PASSWORD),
        })
        // Another instance starting at the same moment seeded it first.
        .catch((err: { status?: number }) => {
          if (err?.status !== 409) throw err;
        });
    }
  }
}
