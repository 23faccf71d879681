import type { KafkaMessage } from 'kafkajs';
import { articleStreamId } from '@newsroom/editorial-domain';
import { chainAfter } from '@newsroom/event-store';
import { envelopeOf, MalformedEnvelope, TamperedEnvelope } from '@newsroom/messaging';
import { UnprojectableEvent } from '../projections/projection.errors';
import { itemOf } from './kafka-items';

const ARTICLE = '6f1c2a9e-0000-4000-8000-000000000001';
const actor = { id: 'u', name: 'U', role: 'editor' };
const metadata = { actor, commandId: 'c', correlationId: 'c', causationId: 'c' };
const [stored] = chainAfter(
  { version: 2, hash: 'a'.repeat(64) },
  articleStreamId(ARTICLE),
  [{ type: 'ArticleApproved', data: {} }],
  metadata,
  '2030-01-15T10:00:00.000Z',
);
const envelope = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ ...envelopeOf({ ...stored, globalPosition: 40 }), ...overrides });
const message = (key: string | null, value: string): KafkaMessage =>
  ({
    key: key === null ? null : Buffer.from(key),
    value: Buffer.from(value),
    offset: '7',
    timestamp: '0',
    attributes: 0,
    headers: {},
  }) as KafkaMessage;

describe('a Kafka message as a runner item', () => {
  it('carries the envelope and where it came from', () => {
    const item = itemOf('events', 2, message(ARTICLE, envelope()));
    expect(item).toMatchObject({
      articleId: ARTICLE,
      event: { version: 3, position: 40 },
      ref: { topic: 'events', partition: 2, offset: '7' },
    });
    expect(item.unreadable).toBeUndefined();
  });

  it('blames an unreadable message on the article its key names, so that article waits behind it', () => {
    const item = itemOf('events', 0, message(ARTICLE, 'not json'));
    expect(item).toMatchObject({ articleId: ARTICLE, event: null });
    expect(item.unreadable).toBeInstanceOf(MalformedEnvelope);
    expect(item.ref.value?.toString()).toBe('not json');
  });

  it('holds nothing back for an unreadable message without a usable key', () => {
    expect(itemOf('events', 0, message(null, 'not json')).articleId).toBeNull();
    expect(itemOf('events', 0, message('article-7', 'not json')).articleId).toBeNull();
  });

  it('refuses content that does not match its hash, blaming the article its key names', () => {
    const item = itemOf('events', 0, message(ARTICLE, envelope({ data: { note: 'forged' } })));
    expect(item.unreadable).toBeInstanceOf(TamperedEnvelope);
    expect(item).toMatchObject({ articleId: ARTICLE, event: null });
  });

  it('refuses an actor on the envelope that is not the hashed one', () => {
    const item = itemOf('events', 0, message(ARTICLE, envelope({ actor: { ...actor, role: 'admin' } })));
    expect(item.unreadable?.message).toMatch(/actor is not the hashed one/);
  });

  it("refuses an envelope keyed by another article: its order is another partition's", () => {
    const other = '6f1c2a9e-0000-4000-8000-000000000002';
    const item = itemOf('events', 0, message(other, envelope()));
    expect(item.unreadable).toBeInstanceOf(UnprojectableEvent);
    expect(item.articleId).toBe(other);
  });

  it('refuses an article id that is not a lower-case UUID', () => {
    const item = itemOf('events', 0, message('ARTICLE-1', envelope({ articleId: 'ARTICLE-1' })));
    expect(item.unreadable?.message).toMatch(/not a lower-case UUID/);
    expect(item.articleId).toBeNull();
  });
});
