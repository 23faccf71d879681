import { CannotLockYourselfOut, decideUser, UserNotFound, UserState } from './user-account.decide';

const editor: UserState = { id: 'u-editor', roles: ['editor'], disabled: false };
const admin: UserState = { id: 'u-admin', roles: ['admin'], disabled: false };
const ADMIN = 'u-admin';

describe('deciding a change to a user account', () => {
  it('records a creation with the email, name and roles, never a password', () => {
    const data = { email: 'new@newsroom.test', name: 'New', roles: ['reporter' as const] };
    expect(decideUser({ type: 'CreateUser', data }, undefined, 'u-new', ADMIN)).toEqual([
      { type: 'UserCreated', data },
    ]);
  });

  it('refuses a change to an account that does not exist', () => {
    expect(() => decideUser({ type: 'DisableUser' }, undefined, 'u-x', ADMIN)).toThrow(UserNotFound);
  });

  describe('setting roles', () => {
    it('records the new and the previous roles', () => {
      expect(decideUser({ type: 'SetUserRoles', data: { roles: ['reporter'] } }, editor, editor.id, ADMIN)).toEqual([
        { type: 'UserRolesChanged', data: { roles: ['reporter'], previousRoles: ['editor'] } },
      ]);
    });

    it('records nothing when the roles are the same, in any order or repeated', () => {
      const both: UserState = { ...editor, roles: ['editor', 'reporter'] };
      const same = { roles: ['reporter', 'editor', 'editor'] as const };
      expect(decideUser({ type: 'SetUserRoles', data: { roles: [...same.roles] } }, both, both.id, ADMIN)).toEqual([]);
    });

    it('refuses to let an admin take the admin role from themselves', () => {
      const command = { type: 'SetUserRoles' as const, data: { roles: ['editor' as const] } };
      expect(() => decideUser(command, admin, admin.id, ADMIN)).toThrow(CannotLockYourselfOut);
    });
  });

  describe('disabling and enabling', () => {
    it('disables an enabled account once, and enables a disabled one once', () => {
      expect(decideUser({ type: 'DisableUser' }, editor, editor.id, ADMIN)).toEqual([
        { type: 'UserDisabled', data: {} },
      ]);
      expect(decideUser({ type: 'DisableUser' }, { ...editor, disabled: true }, editor.id, ADMIN)).toEqual([]);
      expect(decideUser({ type: 'EnableUser' }, { ...editor, disabled: true }, editor.id, ADMIN)).toEqual([
        { type: 'UserEnabled', data: {} },
      ]);
      expect(decideUser({ type: 'EnableUser' }, editor, editor.id, ADMIN)).toEqual([]);
    });

    it('refuses to let an admin disable their own account', () => {
      expect(() => decideUser({ type: 'DisableUser' }, admin, admin.id, ADMIN)).toThrow(CannotLockYourselfOut);
    });
  });

  it('records every password reset, and nothing of the password', () => {
    expect(decideUser({ type: 'ResetUserPassword' }, editor, editor.id, ADMIN)).toEqual([
      { type: 'UserPasswordReset', data: {} },
    ]);
  });
});
