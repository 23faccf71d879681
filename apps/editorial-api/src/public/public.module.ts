import { Module } from '@nestjs/common';
import { ArticleJsonLdController } from './article-jsonld/article-jsonld.controller';
import { ArticleNinjsController } from './article-ninjs/article-ninjs.controller';
import { ArticlePageController } from './article-page/article-page.controller';
import { FeedsController } from './feeds/feeds.controller';
import { PublicClock } from './shared/public-clock';
import { PublicOutputs } from './shared/public-outputs';
import { PublicRateLimitGuard } from './shared/public-rate-limit.guard';
import { PublicReadModel } from './shared/public-read-model';
import { publicSiteProvider } from './shared/public-site.provider';
import { RenderedOutputs } from './shared/rendered-outputs.cache';

/**
 * A bench:public story's page, ninjs and JSON-LD take about 7 KB together, so this holds some 9,000
 * stories whole; past it, the least recently read go (they are rendered again when asked for).
 */
const RENDERED_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Public output (issue #11): what readers and partners receive, served from the public read model only. */
@Module({
  controllers: [ArticlePageController, ArticleNinjsController, ArticleJsonLdController, FeedsController],
  providers: [
    PublicClock,
    PublicReadModel,
    PublicOutputs,
    { provide: RenderedOutputs, useValue: new RenderedOutputs(RENDERED_OUTPUT_BYTES) },
    PublicRateLimitGuard,
    publicSiteProvider,
  ],
})
export class PublicModule {}
