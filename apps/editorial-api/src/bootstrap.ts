import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { strictValidationPipe } from './common/validation.pipe';

/** Builds the API exactly as production runs it; e2e tests call this too. */
export async function createApi(opts: { logs?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
    logger: opts.logs === false ? false : undefined,
  });
  if (opts.logs !== false) app.useLogger(app.get(Logger));
  // 300 KB covers the largest legal article (200 KB body plus other fields); more is a 413.
  app.useBodyParser('json', { limit: '300kb' });
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  const docs = new DocumentBuilder()
    .setTitle('Newsroom editorial API')
    .setDescription('Commands and queries of the Newsroom editorial workflow')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, docs));
  return app;
}
