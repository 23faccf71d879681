import type { Role } from '@newsroom/contracts';

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: { id: string; name: string; email: string; roles: Role[] };
}

// sessionStorage, not localStorage: the session survives a reload of the tab but not the closing of
// the browser, each tab signs in on its own (two people on one machine, two roles side by side), and
// a token left behind on a shared newsroom computer dies with its window.
export const SESSION_KEY = 'newsroom.session';

/** The tab's session as last stored, if it has not expired. Without React: the early requests read it too. */
export function readStoredSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    return s && Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}
