import type { ArticleEvent } from '@newsroom/editorial-domain';
import type { StoredEvent } from '@newsroom/event-store';
import { anOrder, contentRedacted, redactionDeclined, redactionRequested, REDACTION_ID } from '@newsroom/testing';
import { redactionOrdersOf } from './redaction-orders';

const ada = { id: 'user-admin', name: 'Ada Admin' };
const abe = { id: 'user-admin-2', name: 'Abe Admin' };
let version = 0;
const stored = (event: ArticleEvent, actor = ada, occurredAt = '2030-01-15T10:00:00.000Z'): StoredEvent =>
  ({
    ...event,
    version: ++version,
    occurredAt,
    metadata: { actor: { ...actor, role: 'admin' } },
  }) as unknown as StoredEvent;

describe('the redaction orders of an article', () => {
  it('list an order that took effect at once as asked and confirmed by the same admin, never the passage', () => {
    const [order] = redactionOrdersOf([stored(contentRedacted())]);
    expect(order).toEqual({
      ...anOrder(),
      status: 'redacted',
      requestedBy: ada,
      requestedAt: '2030-01-15T10:00:00.000Z',
      confirmedBy: ada,
      redactedAt: '2030-01-15T10:00:00.000Z',
      declinedBy: null,
      declinedAt: null,
      fields: 1,
    });
  });

  it('tell who asked, who confirmed and when, under four-eyes', () => {
    const orders = redactionOrdersOf([
      stored(redactionRequested('Ada Lindqvist'), ada, '2030-01-15T09:00:00.000Z'),
      stored(contentRedacted(), abe, '2030-01-15T10:00:00.000Z'),
    ]);
    expect(orders).toEqual([
      expect.objectContaining({ status: 'redacted', requestedBy: ada, requestedAt: '2030-01-15T09:00:00.000Z' }),
    ]);
    expect(orders[0].confirmedBy).toEqual(abe);
    expect(JSON.stringify(orders)).not.toContain('Ada Lindqvist');
  });

  it('show a request waiting, then declined by whom', () => {
    const requested = stored(redactionRequested());
    expect(redactionOrdersOf([requested])).toEqual([expect.objectContaining({ status: 'pending', fields: 0 })]);
    expect(redactionOrdersOf([requested, stored(redactionDeclined(), abe)])).toEqual([
      expect.objectContaining({ redactionId: REDACTION_ID, status: 'declined', declinedBy: abe, fields: 1 }),
    ]);
  });
});
