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

/**
 * Node flags per app, wherever the system's processes are started (npm start, the benches, the
 * chaos campaign; docker-compose's scripts say the same). The API allocates a few hundred KB per
 * public page it renders: with V8's default 16 MB young generation, a stream of them promotes
 * short-lived objects and ends in mark-compact pauses of several ms (bench:public counted 4 to 6 per
 * 15 s phase, the p99's tail); 32 MB lets them die young.
 */
export const NODE_ARGS: Readonly<Record<SystemProcess['app'], readonly string[]>> = {
  'editorial-api': ['--max-semi-space-size=32'],
  'outbox-relay': [],
  projector: [],
};
