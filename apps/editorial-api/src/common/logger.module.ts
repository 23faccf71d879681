import { randomUUID } from 'node:crypto';
import { LoggerModule as PinoModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** JSON logs with a request id (taken from X-Request-Id when a proxy set one), never credentials. */
export const LoggerModule = PinoModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (c: AppConfig) => ({
    pinoHttp: {
      level: c.env.LOG_LEVEL,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? '') },
    },
  }),
});
