import { type ApiEnv, parseApiEnv } from './api-env.schema';

/** The validated environment, injectable by class. */
export class AppConfig {
  constructor(readonly env: ApiEnv) {}

  static fromProcess(): AppConfig {
    return new AppConfig(parseApiEnv(process.env));
  }
}
