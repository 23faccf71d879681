import { pairIndexes } from './table-swap';

describe('giving rebuilt indexes the live names', () => {
  const live = [
    {
      name: 'audit_trail_pkey',
      def: 'CREATE UNIQUE INDEX audit_trail_pkey ON s.audit_trail USING btree (article_id, version)',
    },
    {
      name: 'audit_trail_time',
      def: 'CREATE INDEX audit_trail_time ON s.audit_trail USING btree (occurred_at, article_id, version)',
    },
    { name: 'audit_trail_type', def: 'CREATE INDEX audit_trail_type ON s.audit_trail USING btree (type, occurred_at)' },
  ];

  it('matches each live index to the rebuilt one with the same definition', () => {
    // Index definitions as PostgreSQL prints them: one line each, so the fixture stays greppable.
    /* eslint-disable max-len */
    const rebuilt = [
      {
        name: 'audit_trail__rebuild_type_occurred_at_idx',
        def: 'CREATE INDEX audit_trail__rebuild_type_occurred_at_idx ON s.audit_trail__rebuild USING btree (type, occurred_at)',
      },
      {
        name: 'audit_trail__rebuild_pkey',
        def: 'CREATE UNIQUE INDEX audit_trail__rebuild_pkey ON s.audit_trail__rebuild USING btree (article_id, version)',
      },
      {
        name: 'audit_trail__rebuild_occurred_at_article_id_version_idx',
        def: 'CREATE INDEX audit_trail__rebuild_occurred_at_article_id_version_idx ON s.audit_trail__rebuild USING btree (occurred_at, article_id, version)',
      },
    ];
    /* eslint-enable max-len */
    expect(pairIndexes(live, rebuilt)).toEqual([
      ['audit_trail__rebuild_pkey', 'audit_trail_pkey'],
      ['audit_trail__rebuild_occurred_at_article_id_version_idx', 'audit_trail_time'],
      ['audit_trail__rebuild_type_occurred_at_idx', 'audit_trail_type'],
    ]);
  });

  it('refuses to switch when the rebuilt table lacks an index, rather than drop it silently', () => {
    const rebuilt = [
      { name: 'x_pkey', def: 'CREATE UNIQUE INDEX x_pkey ON s.audit_trail__rebuild USING btree (article_id, version)' },
    ];
    expect(() => pairIndexes(live, rebuilt)).toThrow(/no index like audit_trail_time/);
  });

  it('does not confuse a unique index with a plain one on the same columns', () => {
    const rebuilt = [{ name: 'p', def: 'CREATE INDEX p ON s.audit_trail__rebuild USING btree (article_id, version)' }];
    expect(() => pairIndexes(live.slice(0, 1), rebuilt)).toThrow(/audit_trail_pkey/);
  });
});
