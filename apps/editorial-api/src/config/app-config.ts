import { Env, parseEnv } from '@newsroom/contracts';

/** The validated environment, injectable by class. */
export class AppConfig {
  constructor(readonly env: Env) {}

  static fromProcess(): AppConfig {
    return new AppConfig(parseEnv(process.env));
  }
}
