import { READ_MODELS } from '@newsroom/read-models';

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
    name: 'projector:others',
    app: 'projector',
    // Every other read model, derived so that a new one is never left without a consumer. The first
    // projector takes the default metrics port (9465); this one the next.
    env: {
      PROJECTIONS: READ_MODELS.filter((m) => m !== 'article_state').join(','),
      PROJECTOR_METRICS_PORT: '9466',
    },
  },
];
