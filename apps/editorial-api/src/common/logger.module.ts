import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { LoggerModule as PinoModule } from 'nestjs-pino';
import { logDestination, logFormatOf, logNameOf } from '@newsroom/settings';
import { AppConfig } from '../config/app-config';

/**
 * The readers' and partners' reads (issue #11) carry no per-request log line: at hundreds a second
 * the line, its serialised request and its synchronous write to stdout were a fifth of the CPU of
 * an article page (bench:public profile). Their access log is the CDN's or proxy's in front; their
 * server errors are still logged, by the error filter.
 */
const PUBLIC_READS = ['news/{*path}', 'feeds/{*path}', 'api/public/{*path}'].map((path) => ({
  path,
  method: RequestMethod.GET,
}));

/**
 * Logs with a request id (taken from X-Request-Id when a proxy set one), never credentials: JSON,
 * or readable lines on a developer's terminal (see logFormatOf).
 */
export const LoggerModule = PinoModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (c: AppConfig) => ({
    exclude: PUBLIC_READS,
    pinoHttp: withDestination(c, {
      level: c.env.LOG_LEVEL,
      base: { app: logNameOf(c.env, 'editorial-api'), pid: process.pid },
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // An access line names the request, not every header: headers carry credentials, and
      // serialising and redacting all of them on every request bought nothing. Who did what is the
      // audit trail's to say.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
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
