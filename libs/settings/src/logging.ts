import type { DestinationStream } from 'pino';
import type { Env } from './env.schema';

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines for machines, readable coloured lines for a person: pretty when stdout is a terminal
 * outside production, unless LOG_FORMAT says otherwise (`npm start` says `pretty` to its children,
 * whose output it labels).
 */
export function logFormatOf(env: Pick<Env, 'LOG_FORMAT' | 'NODE_ENV'>, stdoutIsTerminal: boolean): LogFormat {
  if (env.LOG_FORMAT !== 'auto') return env.LOG_FORMAT;
  return stdoutIsTerminal && env.NODE_ENV !== 'production' ? 'pretty' : 'json';
}

/** The name a process logs under: LOG_NAME when `npm start` gave one (`projector:article_state`). */
export const logNameOf = (env: Pick<Env, 'LOG_NAME'>, app: string): string => env.LOG_NAME ?? app;

/**
 * Where pino writes: stdout as JSON, or through pino-pretty, synchronously in both cases so a
 * shutdown's last lines are not lost. pino-pretty is a development dependency: an install without
 * it (`npm ci --omit=dev`) writes JSON.
 */
export function logDestination(format: LogFormat, name: string): DestinationStream | undefined {
  if (format === 'json') return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as typeof import('pino-pretty');
    return pretty({
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,app,name,instance,context',
      singleLine: true,
      // Nest's context (the class that logged) beside the process's name, not on a line of its own.
      messageFormat: (log, key, _level, { colors }) =>
        [colors.cyan(name), log.context ? colors.gray(`[${String(log.context)}]`) : '', String(log[key] ?? '')]
          .filter(Boolean)
          .join(' '),
    });
  } catch {
    return undefined;
  }
}
