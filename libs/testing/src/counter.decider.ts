import type { Decider } from '@newsroom/event-store';

/** A minimal decider so the store's specs do not depend on the article domain. */
export type CounterEvent = { type: 'Incremented'; data: { by: number } };
export type CounterCommand = { type: 'Increment'; by: number };

export const counterDecider: Decider<CounterCommand, { total: number; version: number }, CounterEvent> = {
  initialState: { total: 0, version: 0 },
  evolve: (s, e) => ({ total: s.total + e.data.by, version: s.version + 1 }),
  decide: (c) => {
    if (c.by <= 0) throw new Error('must increment by a positive number');
    return [{ type: 'Incremented', data: { by: c.by } }];
  },
};
