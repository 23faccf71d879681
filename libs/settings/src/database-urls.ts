import type { Env } from './env.schema';

/** The processes that connect to PostgreSQL as a role of their own (see README, "Database roles"). */
export const APP_PROCESSES = ['api', 'relay', 'projector'] as const;
export type AppProcess = (typeof APP_PROCESSES)[number];

/** The role each process gets when its URL is not set: `npm start` and `npm run migrate` set these up. */
export const DEFAULT_DATABASE_ROLES: Readonly<Record<AppProcess, string>> = {
  api: 'newsroom_api',
  relay: 'newsroom_relay',
  projector: 'newsroom_projector',
};

export const DATABASE_URL_VARIABLES: Readonly<Record<AppProcess, keyof Env>> = {
  api: 'API_DATABASE_URL',
  relay: 'RELAY_DATABASE_URL',
  projector: 'PROJECTOR_DATABASE_URL',
};

export interface DatabaseConnection {
  url: string;
  /** The variable the URL came from, for the operator's error messages. */
  variable: string;
}

/**
 * The URL a process connects with: its own variable, else DATABASE_URL (the owner's, as before the
 * roles existed, so a process started on its own with only DATABASE_URL still works).
 */
export function databaseConnectionOf(env: Env, app: AppProcess): DatabaseConnection {
  const variable = DATABASE_URL_VARIABLES[app];
  const own = env[variable] as string | undefined;
  return own ? { url: own, variable } : { url: env.DATABASE_URL, variable: 'DATABASE_URL' };
}

/**
 * Every process's URL as `npm start` and the migrations use them: the process's own variable, else
 * DATABASE_URL with the default role as its user and no password (local trust authentication).
 */
export function roleDatabaseUrls(env: Env): Record<AppProcess, string> {
  const urls = {} as Record<AppProcess, string>;
  for (const app of APP_PROCESSES) {
    urls[app] =
      (env[DATABASE_URL_VARIABLES[app]] as string | undefined) ??
      withUser(env.DATABASE_URL, DEFAULT_DATABASE_ROLES[app]);
  }
  return urls;
}

/** `url` with `user` in place of its user name and password. */
export function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = '';
  return u.toString();
}

/** The role a URL logs in as, and its password if it carries one. */
export function loginOf(url: string): { role: string; password?: string } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  return { role: decodeURIComponent(u.username), ...(password ? { password } : {}) };
}
