import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { approved, revised } from '@newsroom/testing';
import { toArticleEvent, type ProjectedEvent } from './projected-event';
import { envelope } from './projection.fixtures';
import { UnprojectableEvent } from './projection.errors';

// Compile-time: the local envelope type and the public contract must stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameAsContract: Same<ProjectedEvent, ArticleEventEnvelope> = true;

describe('reading the domain event out of an envelope', () => {
  it('gives the type and data of a known event', () => {
    expect(toArticleEvent(envelope(revised({ headline: 'Port shut' }), 2))).toEqual(revised({ headline: 'Port shut' }));
  });

  it.each<[string, Partial<ProjectedEvent>]>([
    ['an unknown type', { type: 'ArticleTranslated' }],
    ['a newer schema version', { schemaVersion: 2 }],
    ['data that is not an object', { data: null }],
    ['data that is a list', { data: [] }],
  ])('refuses %s as unprojectable', (_what, overrides) => {
    expect(() => toArticleEvent(envelope(approved(), 3, overrides))).toThrow(UnprojectableEvent);
  });
});
