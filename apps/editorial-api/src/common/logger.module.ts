import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { LoggerModule as PinoModule } from 'nestjs-pino';
import { logDestination, logFormatOf, logNameOf } from '@newsroom/settings';
import { AppConfig } from '../config/app-config';

/**
 * Logs with a request id (taken from X-Request-Id when a proxy set one), never credentials: JSON,
 * or readable lines on a developer's terminal (see logFormatOf).
 */
export const LoggerModule = PinoModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (c: AppConfig) => ({
    pinoHttp: withDestination(c, {
      level: c.env.LOG_LEVEL,
      base: { app: logNameOf(c.env, 'editorial-api'), pid: process.pid },
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? '') },
    }),
  }),
});

function withDestination<O>(c: AppConfig, options: O): O | [O, DestinationStream] {
  const destination = logDestination(
    logFormatOf(c.env, process.stdout.isTTY === true),
    logNameOf(c.env, 'editorial-api'),
  );
  return destination ? [options, destination] : options;
}
