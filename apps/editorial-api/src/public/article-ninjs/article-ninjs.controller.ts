import { Controller, Get, Headers, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ninjsOf, type PublicSite } from '@newsroom/read-models';
import { ArticleIdPipe } from '../../articles/shared/article-id.pipe';
import { PublicReadModel } from '../shared/public-read-model';
import { isFresh, PublicRoute } from '../shared/public-route';
import { PUBLIC_SITE } from '../shared/public-site.provider';

/** GET /api/public/articles/:id.ninjs.json: IPTC ninjs 2.2 for partners; a withdrawn story is `canceled`. */
@PublicRoute()
@Controller('api/public/articles')
export class ArticleNinjsController {
  constructor(
    private readonly model: PublicReadModel,
    @Inject(PUBLIC_SITE) private readonly site: PublicSite,
  ) {}

  @Get(':id.ninjs.json')
  async ninjs(
    @Param('id', ArticleIdPipe) articleId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ) {
    const row = await this.model.byId(articleId);
    if (!row) throw new NotFoundException(`No public article ${articleId}`);
    const etag = `W/"${row.version}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (isFresh(ifNoneMatch, etag)) return res.status(304).end();
    return res.status(200).json(ninjsOf(row, this.site));
  }
}
