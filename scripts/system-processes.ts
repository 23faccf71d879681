/**
 * The processes `npm start` runs, shared with `bench:system` so the benchmark measures exactly
 * this layout. The read-your-writes model (article_state) gets a projector process of its own, so
 * its batches never queue behind the audit trail's in one event loop (see bench:lag).
 */
export interface SystemProcess {
  name: string;
  app: 'editorial-api' | 'outbox-relay' | 'projector';
  env?: Record<string, string>;
}

export const SYSTEM_PROCESSES: readonly SystemProcess[] = [
  { name: 'editorial-api', app: 'editorial-api' },
  { name: 'outbox-relay', app: 'outbox-relay' },
  { name: 'projector:article_state', app: 'projector', env: { PROJECTIONS: 'article_state' } },
  {
    name: 'projector:audit,list,contributors,public',
    app: 'projector',
    // The first projector takes the default metrics port (9465); this one the next.
    env: {
      PROJECTIONS: 'audit_trail,article_list,contributor_index,public_articles',
      PROJECTOR_METRICS_PORT: '9466',
    },
  },
];
