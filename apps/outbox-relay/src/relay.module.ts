import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { MetricsServer } from './metrics.server';
import { OutboxRelay } from './outbox.relay';
import { RelayMetrics } from './relay.metrics';
import { RelaySettings } from './relay.settings';

const SETTINGS = Symbol('RelaySettings');
const LOGGER = Symbol('Logger');

/** Starts the relay and its metrics port with the application context and stops them with it. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(MetricsServer) private readonly server: MetricsServer,
    @Inject(SETTINGS) private readonly settings: RelaySettings,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap() {
    const port = await this.server.listen(this.settings.metricsPort, this.settings.metricsHost);
    this.relay.start();
    this.log.info(
      { metricsHost: this.settings.metricsHost, metricsPort: port, schema: this.settings.databaseSchema },
      'outbox relay started',
    );
  }

  async onApplicationShutdown(signal?: string) {
    this.log.info({ signal }, 'outbox relay stopping');
    await this.relay.stop();
    await this.server.close();
    this.log.info('outbox relay stopped');
  }
}

@Module({})
export class RelayModule {
  static forRoot(settings: RelaySettings, log: Logger): DynamicModule {
    return {
      module: RelayModule,
      providers: [
        { provide: SETTINGS, useValue: settings },
        { provide: LOGGER, useValue: log },
        {
          provide: OutboxRelay,
          useFactory: () => new OutboxRelay(settings, log, new RelayMetrics({ processMetrics: true })),
        },
        {
          provide: MetricsServer,
          inject: [OutboxRelay],
          useFactory: (r: OutboxRelay) => new MetricsServer(r.metrics.registry, () => r.health()),
        },
        RelayLifecycle,
      ],
    };
  }
}
