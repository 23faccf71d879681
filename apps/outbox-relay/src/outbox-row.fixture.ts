import type { OutboxRow } from '@newsroom/event-store';
import { articleStreamId } from '@newsroom/editorial-domain';

export const ARTICLE_ID = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

// As pg returns it: bigint columns as strings, timestamptz as Date, jsonb parsed.
export function outboxRow(overrides: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id: '17',
    created_at: new Date('2030-01-15T08:00:00.120Z'),
    global_position: '9007199254740',
    event_id: 'c5a0f6f2-0d1e-4a53-8f2e-6b9a1d2c3e4f',
    stream_id: articleStreamId(ARTICLE_ID),
    version: 3,
    type: 'ArticleRevised',
    schema_version: 1,
    data: { changes: { headline: 'Ministers meet in London' } },
    metadata: {
      actor: { id: 'user-editor', name: 'Eda Editor', role: 'editor', email: 'eda@newsroom.test' },
      commandId: 'command-3',
      correlationId: 'correlation-1',
      causationId: 'command-3',
      scheduledBy: 'user-editor',
    },
    occurred_at: new Date('2030-01-15T08:00:00.100Z'),
    prev_hash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
    ...overrides,
  };
}
