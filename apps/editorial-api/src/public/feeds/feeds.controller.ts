import { Controller, Get, Headers, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { atomFeedOf, jsonFeedOf, type FeedStamp, type PublicSite } from '@newsroom/read-models';
import { PublicReadModel } from '../shared/public-read-model';
import { isFresh, isSlugShaped, PublicRoute } from '../shared/public-route';
import { PUBLIC_SITE } from '../shared/public-site.provider';
import { FeedQueryDto } from './feed.query.dto';
import { feedEtagOf, feedValidators, unmodifiedSince, type FeedKind as Kind } from './feed-validators';

/**
 * Atom (primary) and JSON Feed 1.1, for everything and per section, newest first, paged. Pollers
 * send If-None-Match (or If-Modified-Since) and get a 304 computed from a stamp of the feed, without
 * the feed being built.
 */
@PublicRoute()
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly model: PublicReadModel,
    @Inject(PUBLIC_SITE) private readonly site: PublicSite,
  ) {}

  @Get('atom.xml')
  atom(@Query() q: FeedQueryDto, @Headers() h: Record<string, string | undefined>, @Res() res: Response) {
    return this.serve('atom', undefined, q, h, res);
  }

  @Get('feed.json')
  json(@Query() q: FeedQueryDto, @Headers() h: Record<string, string | undefined>, @Res() res: Response) {
    return this.serve('json', undefined, q, h, res);
  }

  @Get('sections/:section/atom.xml')
  sectionAtom(
    @Param('section') section: string,
    @Query() q: FeedQueryDto,
    @Headers() h: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    return this.serve('atom', sectionKey(section), q, h, res);
  }

  @Get('sections/:section/feed.json')
  sectionJson(
    @Param('section') section: string,
    @Query() q: FeedQueryDto,
    @Headers() h: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    return this.serve('json', sectionKey(section), q, h, res);
  }

  private async serve(
    kind: Kind,
    section: string | undefined,
    q: FeedQueryDto,
    h: Record<string, string | undefined>,
    res: Response,
  ) {
    const pageNo = q.page ?? 1;
    const fresh = (s: FeedStamp) => isFresh(h['if-none-match'], feedEtagOf(kind, s)) || unmodifiedSince(h, s);
    const { stamp, page } = await this.model.feed(section, pageNo, fresh);
    for (const [name, value] of Object.entries(feedValidators(kind, stamp))) res.setHeader(name, value);
    if (!page) return res.status(304).end();
    if (kind === 'atom') return res.status(200).type('application/atom+xml').send(atomFeedOf(this.site, page));
    return res
      .status(200)
      .type('application/feed+json')
      .send(JSON.stringify(jsonFeedOf(this.site, page)));
  }
}

function sectionKey(section: string): string {
  if (!isSlugShaped(section) || section.length > 100)
    throw new NotFoundException(`No section ${section.slice(0, 100)}`);
  return section;
}
