import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CreateUserController } from './create-user/create-user.controller';
import { DisableUserController } from './disable-user/disable-user.controller';
import { EnableUserController } from './enable-user/enable-user.controller';
import { GetUserController } from './get-user/get-user.controller';
import { ListUsersController } from './list-users/list-users.controller';
import { ResetPasswordController } from './reset-password/reset-password.controller';
import { DemoUsersSeeder } from './seed-demo-users/demo-users.seeder';
import { SetUserRolesController } from './set-user-roles/set-user-roles.controller';
import { UserChangeRunner } from './shared/user-change.runner';
import { UserHistoryController } from './user-history/user-history.controller';

/** Admins manage accounts; each change is an audited event in the account's stream. */
@Module({
  imports: [AuthModule],
  controllers: [
    ListUsersController,
    CreateUserController,
    GetUserController,
    SetUserRolesController,
    DisableUserController,
    EnableUserController,
    ResetPasswordController,
    UserHistoryController,
  ],
  providers: [UserChangeRunner, DemoUsersSeeder],
})
export class UsersModule {}
