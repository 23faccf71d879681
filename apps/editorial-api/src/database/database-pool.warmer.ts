import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { openPoolConnections } from '@newsroom/event-store';
import { AppConfig } from '../config/app-config';

/** Opens the pool's DATABASE_POOL_MIN connections before the API listens (Nest awaits this hook). */
@Injectable()
export class DatabasePoolWarmer implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    const { DATABASE_POOL_MIN, DATABASE_POOL_SIZE } = this.config.env;
    await openPoolConnections(this.ds, Math.min(DATABASE_POOL_MIN, DATABASE_POOL_SIZE));
  }
}
