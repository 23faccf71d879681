import { useSyncExternalStore } from 'react';
import type { Role } from '@newsroom/contracts';

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: { id: string; name: string; email: string; roles: Role[] };
}

/** Why the sign-in page is shown: its message. */
export type SignedOutReason = 'expired' | 'signed-out';

// sessionStorage, not localStorage: the session survives a reload of the tab but not the closing of
// the browser, each tab signs in on its own (two people on one machine, two roles side by side), and
// a token left behind on a shared newsroom computer dies with its window.
const KEY = 'newsroom.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    return s && Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

function set(next: Session | null) {
  current = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export const sessionStore = {
  get: (): Session | null => (current && Date.parse(current.expiresAt) > Date.now() ? current : null),
  start: (s: Session) => set(s),
  end: () => set(null),
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
