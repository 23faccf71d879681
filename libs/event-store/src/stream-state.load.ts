import type { EventStore, StreamHead } from './event-store.port';
import type { NewEvent, StoredEvent } from './event-store.types';
import type { Decider } from './handle-command';
import type { StreamStateCache } from './stream-state.cache';

/** A stream's current state, the head it was folded to, and the events read to get there. */
export interface LoadedState<S> {
  state: S;
  head: StreamHead;
  /** Every event read: the whole stream, or only those newer than the cached state. */
  read: StoredEvent[];
}

/** Applies stored events to a state, with the store's metadata, as a fold from scratch would. */
export function foldOnto<C, S, E extends NewEvent>(d: Decider<C, S, E>, state: S, events: StoredEvent[]): S {
  return events.reduce(
    (s, e) => d.evolve(s, { type: e.type, data: e.data } as E, { occurredAt: e.occurredAt, actor: e.metadata.actor }),
    state,
  );
}

/**
 * The stream's current state: from the cache and the events newer than it when the stored event
 * at the cached version still carries the cached hash, else folded from the first event (and the
 * cache refilled). Only the hash check makes a cached state trustworthy: the same version may
 * hold other events after a restore, or in another database behind the same stream id.
 */
export async function loadState<C, S, E extends NewEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  streamId: string,
  cache?: StreamStateCache<S>,
): Promise<LoadedState<S>> {
  const cached = cache?.get(streamId);
  if (cached) {
    const [at, ...newer] = await store.readStream(streamId, { fromVersion: cached.version });
    if (at?.version === cached.version && at.hash === cached.hash) {
      if (newer.length === 0) return { state: cached.state, head: at, read: [] };
      return remembered(cache!, streamId, foldOnto(decider, cached.state, newer), newer.at(-1)!, newer);
    }
    cache!.forget(streamId);
  }
  const history = await store.readStream(streamId);
  const state = foldOnto(decider, decider.initialState, history);
  const head = history.at(-1);
  return head && cache
    ? remembered(cache, streamId, state, head, history)
    : { state, head: head ?? null, read: history };
}

function remembered<S>(
  cache: StreamStateCache<S>,
  streamId: string,
  state: S,
  head: StoredEvent,
  read: StoredEvent[],
): LoadedState<S> {
  // Frozen from here on (the cache freezes what it keeps): a decide that wrote to it would throw.
  cache.remember(streamId, { version: head.version, hash: head.hash, state });
  return { state, head, read };
}
