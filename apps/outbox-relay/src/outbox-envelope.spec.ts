import { articleStreamId } from '@newsroom/editorial-domain';
import { encodeEnvelope } from '@newsroom/messaging';
import { toEnvelope, UnnamedStream } from './outbox-envelope';
import { ARTICLE_ID, outboxRow as row } from './outbox-row.fixture';

describe('building the envelope of an outbox row', () => {
  it('maps every field of the wire contract from the stored event', () => {
    expect(toEnvelope(row())).toEqual({
      eventId: 'c5a0f6f2-0d1e-4a53-8f2e-6b9a1d2c3e4f',
      type: 'ArticleRevised',
      schemaVersion: 1,
      streamType: 'article',
      streamId: `article-${ARTICLE_ID}`,
      articleId: ARTICLE_ID,
      version: 3,
      position: 9007199254740,
      occurredAt: '2030-01-15T08:00:00.100Z',
      actor: { id: 'user-editor', name: 'Eda Editor', role: 'editor' },
      correlationId: 'correlation-1',
      causationId: 'command-3',
      data: { changes: { headline: 'Ministers meet in London' } },
      metadata: {
        actor: { id: 'user-editor', name: 'Eda Editor', role: 'editor', email: 'eda@newsroom.test' },
        commandId: 'command-3',
        correlationId: 'correlation-1',
        causationId: 'command-3',
        scheduledBy: 'user-editor',
      },
      prevHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    });
  });

  it('publishes the metadata whole, as hashed, but only the public actor fields at the top level', () => {
    const wire = JSON.parse(encodeEnvelope(toEnvelope(row())).value);
    expect(wire.actor).toEqual({ id: 'user-editor', name: 'Eda Editor', role: 'editor' });
    expect(wire.metadata.scheduledBy).toBe('user-editor');
  });

  it('keys the message by the article id and names the event in its headers', () => {
    expect(encodeEnvelope(toEnvelope(row()))).toMatchObject({
      key: ARTICLE_ID,
      headers: { 'event-type': 'ArticleRevised', 'event-id': 'c5a0f6f2-0d1e-4a53-8f2e-6b9a1d2c3e4f' },
    });
  });

  it('strips only the leading article- prefix from the stream id', () => {
    expect(toEnvelope(row({ stream_id: articleStreamId('article-x') })).articleId).toBe('article-x');
  });

  it('names any other aggregate by its stream type, its id under <type>Id, and keys it by that id', () => {
    const envelope = toEnvelope(row({ stream_id: 'contribution-c-1', type: 'ContributionSubmitted' }));
    expect(envelope).toMatchObject({ streamType: 'contribution', streamId: 'contribution-c-1', contributionId: 'c-1' });
    expect(envelope).not.toHaveProperty('articleId');
    expect(encodeEnvelope(envelope).key).toBe('c-1');
  });

  it('refuses a row of a stream not named <type>-<id>', () => {
    expect(() => toEnvelope(row({ stream_id: 'nameless' }))).toThrow(UnnamedStream);
  });
});
