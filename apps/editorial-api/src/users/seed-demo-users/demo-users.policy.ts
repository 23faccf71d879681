import { Logger } from '@nestjs/common';
import type { Role } from '@newsroom/editorial-domain';
import type { ApiEnv } from '../../config/api-env.schema';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; roles: Role[] }> = [
  { email: 'editor@newsroom.test', name: 'Eda Editor', roles: ['editor'] },
  { email: 'reporter@newsroom.test', name: 'Rey Reporter', roles: ['reporter'] },
  { email: 'auditor@newsroom.test', name: 'Audra Auditor', roles: ['auditor'] },
  { email: 'admin@newsroom.test', name: 'Ada Admin', roles: ['admin'] },
];

export class DemoUsersInProduction extends Error {
  constructor() {
    super('Invalid configuration: SEED_DEMO_USERS=true is refused when NODE_ENV=production');
  }
}

/**
 * Whether start-up seeds the demo users: by default outside production only; never in production,
 * where asking for them stops the start (their password is public).
 */
export function seedsDemoUsers(env: Pick<ApiEnv, 'NODE_ENV' | 'SEED_DEMO_USERS'>): boolean {
  if (env.NODE_ENV === 'production') {
    if (env.SEED_DEMO_USERS === 'true') throw new DemoUsersInProduction();
    return false;
  }
  return env.SEED_DEMO_USERS !== 'false';
}

export function warnAboutDemoUsers(log: Logger): void {
  log.warn(
    `Demo users with a known password are enabled (${DEMO_USERS.map((u) => u.email).join(', ')}). ` +
      'Never expose this instance; set SEED_DEMO_USERS=false to start without them.',
  );
}
