import { useSyncExternalStore } from 'react';
import { readStoredSession, SESSION_KEY, type Session } from './stored-session';

export type { Session } from './stored-session';

/** Why the sign-in page is shown: its message. */
export type SignedOutReason = 'expired' | 'signed-out';

const listeners = new Set<() => void>();
let current: Session | null = readStoredSession();

function set(next: Session | null) {
  current = next;
  if (next) sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(SESSION_KEY);
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
