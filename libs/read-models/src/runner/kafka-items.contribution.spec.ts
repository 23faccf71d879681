import type { KafkaMessage } from 'kafkajs';
import { articleStreamId, contributionStreamId } from '@newsroom/editorial-domain';
import { chainAfter } from '@newsroom/event-store';
import { envelopeOf, MalformedEnvelope, TamperedEnvelope } from '@newsroom/messaging';
import { UnprojectableEvent } from '../projections/projection.errors';
import { itemOf } from './kafka-items';
import { contributionSource } from './stream-source';

// The same runner reads the contribution topic: a message names its contribution, not an article.

const CONTRIBUTION = '7d4c1b2a-9e8f-4a3b-8c2d-1e0f9a8b7c6d';
const actor = { id: 'u', name: 'U', role: 'editor' };
const metadata = { actor, commandId: 'c', correlationId: 'c', causationId: 'c' };
const stored = (streamId: string) =>
  chainAfter(
    { version: 1, hash: 'a'.repeat(64) },
    streamId,
    [{ type: 'ContributionRejected', data: { reason: 'Unsourced.', rejectedBy: { id: 'u', name: 'U' } } }],
    metadata,
    '2030-01-15T10:00:00.000Z',
  )[0]!;
const envelope = (streamId = contributionStreamId(CONTRIBUTION), overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ ...envelopeOf({ ...stored(streamId), globalPosition: 41 }), ...overrides });
const message = (key: string | null, value: string): KafkaMessage =>
  ({
    key: key && Buffer.from(key),
    value: Buffer.from(value),
    offset: '3',
    timestamp: '0',
    attributes: 0,
    headers: {},
  }) as KafkaMessage;
const itemOfContribution = (m: KafkaMessage) => itemOf('contributions', 1, m, contributionSource);

describe('a contribution topic message as a runner item', () => {
  it('is keyed by its contribution and carries the envelope', () => {
    const item = itemOfContribution(message(CONTRIBUTION, envelope()));
    expect(item.unreadable).toBeUndefined();
    expect(item).toMatchObject({
      articleId: CONTRIBUTION,
      event: { streamType: 'contribution', contributionId: CONTRIBUTION, version: 2, position: 41 },
    });
  });

  it('refuses an article event on the contribution topic', () => {
    const article = '6f1c2a9e-0000-4000-8000-000000000001';
    const item = itemOfContribution(message(article, envelope(articleStreamId(article))));
    expect(item.unreadable).toBeInstanceOf(MalformedEnvelope);
    expect(item.articleId).toBe(article);
  });

  it("refuses a message keyed by another contribution: its order is another partition's", () => {
    const other = '7d4c1b2a-9e8f-4a3b-8c2d-000000000000';
    const item = itemOfContribution(message(other, envelope()));
    expect(item.unreadable).toBeInstanceOf(UnprojectableEvent);
    expect(item.unreadable?.message).toMatch(/not its contribution id/);
  });

  it('refuses content that does not match its hash', () => {
    const forged = envelope(undefined, { data: { reason: 'Forged.', rejectedBy: { id: 'u', name: 'U' } } });
    expect(itemOfContribution(message(CONTRIBUTION, forged)).unreadable).toBeInstanceOf(TamperedEnvelope);
  });
});
