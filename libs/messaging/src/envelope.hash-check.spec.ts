import { articleStreamId } from '@newsroom/editorial-domain';
import { chainAfter, GENESIS_HASH, verifyHashChain } from '@newsroom/event-store';
import type { EventEnvelope } from '@newsroom/contracts';
import { decodeEnvelope, decodeStreamEnvelope, encodeEnvelope, MalformedEnvelope } from './envelope.codec';
import { TamperedEnvelope, verifyEnvelopeHash } from './envelope.hash-check';
import { envelopeOf } from './envelope.of-stored-event';

const ARTICLE = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const actor = { id: 'user-editor', name: 'Eda Editor', role: 'editor' };
const metadata = { actor, commandId: 'cmd-1', correlationId: 'corr-1', causationId: 'cmd-1', scheduledBy: 'u-9' };
const stored = chainAfter(
  null,
  articleStreamId(ARTICLE),
  [
    { type: 'ArticleDrafted', data: { headline: 'Harbour plan divides council' } },
    { type: 'ArticleRevised', data: { changes: { headline: 'Harbour plan splits council' } } },
  ],
  metadata,
  '2030-01-15T08:00:00.000Z',
).map((e, i) => ({ ...e, globalPosition: 100 + i }));
/** The second event as a consumer receives it: encoded, sent, decoded. */
const received = () => decodeEnvelope(encodeEnvelope(envelopeOf(stored[1])).value);

describe('the hash on the wire', () => {
  it('is the stored chain: version 1 links to the genesis hash, version 2 to version 1', () => {
    expect(verifyHashChain(stored)).toMatchObject({ valid: true });
    expect([envelopeOf(stored[0]).prevHash, envelopeOf(stored[1]).prevHash]).toEqual([GENESIS_HASH, stored[0].hash]);
  });

  it('recomputes from the envelope alone, after a round trip through JSON', () => {
    expect(() => verifyEnvelopeHash(received())).not.toThrow();
  });

  it.each([
    ['data', { data: { changes: { headline: 'Forged' } } }],
    ['version', { version: 3 }],
    ['the metadata', { metadata: { ...metadata, scheduledBy: 'someone else' } }],
    ['the link to the previous event', { prevHash: 'f'.repeat(64) }],
  ])('refuses an envelope whose %s was changed after hashing', (_what, change) => {
    expect(() => verifyEnvelopeHash({ ...received(), ...change })).toThrow(/content does not match its hash/);
  });

  it.each([
    ['actor', { actor: { ...actor, name: 'Someone Else' } }],
    ['correlationId', { correlationId: 'other' }],
    ['causationId', { causationId: 'other' }],
  ])('refuses a top-level %s that is not the hashed one', (field, change) => {
    expect(() => verifyEnvelopeHash({ ...received(), ...change })).toThrow(TamperedEnvelope);
    expect(() => verifyEnvelopeHash({ ...received(), ...change })).toThrow(`${field} is not the hashed one`);
  });
});

describe('the hash of any aggregate', () => {
  const contribution = chainAfter(
    null,
    'contribution-c-1',
    [{ type: 'ContributionSubmitted', data: { articleId: ARTICLE } }],
    metadata,
    '2030-01-15T08:00:00.000Z',
  ).map((e) => ({ ...e, globalPosition: 7 }));
  const wire = () => decodeStreamEnvelope(encodeEnvelope(envelopeOf<EventEnvelope>(contribution[0])).value);

  it('recomputes a second aggregate type from its streamId', () => {
    expect(wire()).toMatchObject({ streamType: 'contribution', contributionId: 'c-1' });
    expect(() => verifyEnvelopeHash(wire())).not.toThrow();
  });

  it.each([
    ['streamId', { streamId: 'contribution-c-2' }, /content does not match its hash/],
    ['streamType', { streamType: 'article' }, /streamType is not the hashed one/],
    ['contributionId', { contributionId: 'c-2' }, /contributionId is not the hashed one/],
  ])('refuses a changed %s', (_field, change, message) => {
    expect(() => verifyEnvelopeHash({ ...wire(), ...change })).toThrow(message);
  });

  it('still verifies an article message from before streamType and streamId, by its articleId', () => {
    const { streamType: _t, streamId: _s, ...legacy } = received();
    expect(() => verifyEnvelopeHash(legacy)).not.toThrow();
    expect(() => verifyEnvelopeHash({ ...legacy, articleId: 'other' })).toThrow(/content does not match/);
  });

  it('refuses an article message whose articleId is not the one of its streamId', () => {
    expect(() => verifyEnvelopeHash({ ...received(), articleId: 'other' })).toThrow(/articleId is not the hashed one/);
  });
});

describe('decoding an envelope', () => {
  const value = (change: object) => JSON.stringify({ ...envelopeOf(stored[1]), ...change });

  it.each([
    [{ hash: undefined }, 'hash must be a SHA-256 hex digest'],
    [{ prevHash: 'A'.repeat(64) }, 'prevHash must be a SHA-256 hex digest'],
    [{ metadata: null }, 'metadata must be an object'],
    [{ version: 2 ** 31 }, 'version must be an integer from 1 to 2^31-1'],
    [{ version: 1.5 }, 'version must be an integer from 1 to 2^31-1'],
    [{ position: 0 }, 'position must be a positive safe integer'],
  ])('refuses %j, naming the field', (change, message) => {
    expect(() => decodeEnvelope(value(change))).toThrow(MalformedEnvelope);
    expect(() => decodeEnvelope(value(change))).toThrow(message);
  });

  it('refuses a JSON value that is not an object', () => {
    expect(() => decodeEnvelope('[1]')).toThrow('message value is not a JSON object');
  });
});
