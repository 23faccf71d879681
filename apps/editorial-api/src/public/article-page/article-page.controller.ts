import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ARTICLE_PAGE_CSP, notFoundPageHtml, withdrawnPageHtml } from '@newsroom/read-models';
import { PublicOutputs } from '../shared/public-outputs';
import { isSlugShaped, PublicRoute, OUTPUT_TYPES, sendRendered } from '../shared/public-route';

/** GET /news/:slug: the live article as a page for readers; an older slug redirects to the first. */
@PublicRoute()
@Controller('news')
export class ArticlePageController {
  constructor(private readonly outputs: PublicOutputs) {}

  @Get(':slug')
  async page(
    @Param('slug') slug: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ) {
    res.setHeader('Content-Security-Policy', ARTICLE_PAGE_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    const found = isSlugShaped(slug) ? await this.outputs.of({ slug }, 'page') : undefined;
    if (!found) return res.status(404).type('html').send(notFoundPageHtml());
    if (found.status === 'withdrawn') return res.status(410).type('html').send(withdrawnPageHtml());
    if (found.slug !== slug) return res.redirect(301, `/news/${found.slug}`);
    return sendRendered(res, found.output()!, ifNoneMatch, OUTPUT_TYPES.page);
  }
}
