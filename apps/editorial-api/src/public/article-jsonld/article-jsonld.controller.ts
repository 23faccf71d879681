import { Controller, Get, GoneException, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { newsArticleOf, type PublicSite } from '@newsroom/read-models';
import { ArticleIdPipe } from '../../articles/shared/article-id.pipe';
import { PublicReadModel } from '../shared/public-read-model';
import { PublicRoute } from '../shared/public-route';
import { PUBLIC_SITE } from '../shared/public-site.provider';

/** GET /api/public/articles/:id.jsonld: the schema.org NewsArticle the page embeds. */
@PublicRoute()
@Controller('api/public/articles')
export class ArticleJsonLdController {
  constructor(
    private readonly model: PublicReadModel,
    @Inject(PUBLIC_SITE) private readonly site: PublicSite,
  ) {}

  @Get(':id.jsonld')
  async jsonLd(@Param('id', ArticleIdPipe) articleId: string, @Res() res: Response) {
    const row = await this.model.byId(articleId);
    if (!row) throw new NotFoundException(`No public article ${articleId}`);
    if (row.status === 'withdrawn') throw new GoneException(`Article ${articleId} was withdrawn`);
    res.setHeader('ETag', `W/"${row.version}"`);
    res.setHeader('Cache-Control', 'no-cache');
    return res
      .status(200)
      .type('application/ld+json')
      .send(JSON.stringify(newsArticleOf(row, this.site)));
  }
}
