import { InvalidEnvironment, parseEnv, type Env } from '@newsroom/settings';
import { READ_MODELS, isReadModelName, type ReadModelName } from '@newsroom/read-models';

export interface ProjectorConfig {
  env: Env;
  /** PROJECTIONS=article_state,audit_trail runs only those consumer groups; unset runs all four. */
  readModels: ReadModelName[];
}

/** The shared settings plus PROJECTIONS; throws InvalidEnvironment with a one-line message. */
export function projectorConfig(source: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const env = parseEnv(source);
  const raw = source.PROJECTIONS?.trim();
  if (!raw) return { env, readModels: [...READ_MODELS] };
  const names = raw
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isReadModelName(n));
  if (unknown.length > 0 || names.length === 0) {
    const got = unknown.join(', ') || 'none';
    throw new InvalidEnvironment(
      `Invalid configuration: PROJECTIONS must list read models among ${READ_MODELS.join(', ')} (got ${got})`,
    );
  }
  return { env, readModels: [...new Set(names)] as ReadModelName[] };
}
