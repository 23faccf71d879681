import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { InputGuardPipe } from './common/input-guard.pipe';
import { limitJsonDepth } from './common/json-depth';
import { onlyFromThisMachine, securityHeaders } from './common/security-headers';
import { strictValidationPipe } from './common/validation.pipe';
import { AppConfig } from './config/app-config';
import { ApiMetrics } from './metrics/api.metrics';
import { PublicFastPath } from './public/shared/public-fast-path';

const DOCS_PATH = '/api/docs';

/** Builds the API exactly as production runs it; e2e tests call this too. */
export async function createApi(opts: { logs?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
    logger: opts.logs === false ? false : undefined,
  });
  if (opts.logs !== false) app.useLogger(app.get(Logger));
  const { env } = app.get(AppConfig);
  // First, so every answer is timed, refusals by the middleware below included.
  app.use(app.get(ApiMetrics).middleware());
  if (!env.METRICS_PUBLIC) app.use(onlyFromThisMachine('/metrics'));
  app.use(securityHeaders());
  // 300 KB covers the largest legal article (200 KB body plus other fields); more is a 413. The
  // depth is checked on the raw bytes, before JSON.parse builds anything (Nest's useBodyParser
  // keeps `verify` for itself, hence Express's own parser).
  app.use(json({ limit: '300kb', verify: limitJsonDepth() }));
  // The guard first: what no field may hold is refused before any DTO is built from it.
  app.useGlobalPipes(new InputGuardPipe(), strictValidationPipe());
  app.enableShutdownHooks();
  answerPublicReadsFirst(app);
  if (env.DOCS_ENABLED) {
    if (!env.DOCS_PUBLIC) app.use(onlyFromThisMachine(DOCS_PATH));
    const docs = new DocumentBuilder()
      .setTitle('Newsroom editorial API')
      .setDescription('Commands and queries of the Newsroom editorial workflow')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build();
    SwaggerModule.setup(DOCS_PATH.slice(1), app, () => SwaggerModule.createDocument(app, docs));
  }
  return app;
}

/**
 * The public story reads go to PublicFastPath before Express: it takes the plain ones and hands
 * everything else (and anything it cannot answer) to Express, which runs the whole pipeline.
 */
function answerPublicReadsFirst(app: INestApplication) {
  const fast = app.get(PublicFastPath);
  const server = app.getHttpServer() as Server;
  const express = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (express.length !== 1) throw new Error(`expected Express as the one request listener, found ${express.length}`);
  const handle = express[0];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    if (!fast.serve(req, res, () => handle(req, res))) handle(req, res);
  });
}
