import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@newsroom/event-store';
import { databaseConnectionOf } from '@newsroom/settings';
import { AppConfig } from '../config/app-config';

/**
 * A rebuild swaps read-model tables, which only their owner, the projector's role, may do; the API's
 * own role only reads them. So the admin's rebuild runs on a connection of the projector's
 * (PROJECTOR_DATABASE_URL), opened for the rebuild and closed after it.
 */
@Injectable()
export class ReadModelRebuilds {
  constructor(private readonly config: AppConfig) {}

  async run<T>(rebuild: (ds: DataSource) => Promise<T>): Promise<T> {
    const { env } = this.config;
    const ds = new DataSource(
      dataSourceOptions({ url: databaseConnectionOf(env, 'projector').url, schema: env.DATABASE_SCHEMA, poolSize: 8 }),
    );
    await ds.initialize();
    try {
      return await rebuild(ds);
    } finally {
      await ds.destroy();
    }
  }
}
