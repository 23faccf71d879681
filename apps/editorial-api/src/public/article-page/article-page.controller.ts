import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ARTICLE_PAGE_CSP, articlePageHtml, notFoundPageHtml, withdrawnPageHtml } from '@newsroom/read-models';
import { Inject } from '@nestjs/common';
import type { PublicSite } from '@newsroom/read-models';
import { PublicReadModel } from '../shared/public-read-model';
import { PUBLIC_SITE } from '../shared/public-site.provider';
import { isFresh, isSlugShaped, PublicRoute } from '../shared/public-route';

/** GET /news/:slug: the live article as a page for readers; an older slug redirects to the first. */
@PublicRoute()
@Controller('news')
export class ArticlePageController {
  constructor(
    private readonly model: PublicReadModel,
    @Inject(PUBLIC_SITE) private readonly site: PublicSite,
  ) {}

  @Get(':slug')
  async page(
    @Param('slug') slug: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ) {
    res.setHeader('Content-Security-Policy', ARTICLE_PAGE_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    const row = isSlugShaped(slug) ? await this.model.bySlug(slug) : undefined;
    if (!row) return res.status(404).type('html').send(notFoundPageHtml());
    if (row.status === 'withdrawn') return res.status(410).type('html').send(withdrawnPageHtml());
    if (row.slug !== slug) return res.redirect(301, `/news/${row.slug}`);
    const etag = `W/"${row.version}"`;
    res.setHeader('ETag', etag);
    if (isFresh(ifNoneMatch, etag)) return res.status(304).end();
    return res.status(200).type('html').send(articlePageHtml(row, this.site));
  }
}
