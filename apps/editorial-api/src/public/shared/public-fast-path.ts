import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { ARTICLE_PAGE_CSP } from '@newsroom/read-models';
import { headersOf, securityHeaders } from '../../common/security-headers';
import { ApiMetrics } from '../../metrics/api.metrics';
import { feedEtagOf, feedValidators, unmodifiedSince, type FeedKind } from '../feeds/feed-validators';
import { PublicOutputs } from './public-outputs';
import { PublicReadModel } from './public-read-model';
import { isFresh, isSlugShaped, OUTPUT_TYPES } from './public-route';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import type { OutputKind } from './rendered-outputs.cache';

/** A route the fast path answers: the route pattern the metrics name, and how its output is sent. */
interface FastRoute {
  pattern: string;
  kind: OutputKind;
  type: string;
  headers: OutgoingHttpHeaders;
}

const PAGE = /^\/news\/([a-z0-9-]{1,200})(?:\?|$)/;
const FEED = /^\/feeds\/(?:sections\/([a-z0-9-]{1,100})\/)?(atom\.xml|feed\.json)$/;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BY_ID = new RegExp(String.raw`^/api/public/articles/(${UUID})\.(ninjs\.json|jsonld)(?:\?|$)`);

/**
 * The readers' and partners' hottest reads, a story's page, ninjs and JSON-LD, and a feed poller's
 * revalidation, answered before Express and Nest see the request. Through the framework's router,
 * guards, interceptors and middleware an article page cost about 2 ms of CPU and some 120 KB of
 * allocation, much of it kept alive across young-generation collections (bench:public: a 10 to
 * 15 ms scavenge every ~200 requests, the p99's tail). Here it is one lookup and one write.
 *
 * It answers only the plain case: a GET for a visible story by its canonical slug or id, within
 * the client's rate limit, answered 200 or 304; for a feed's first page, only the 304 to a poller
 * holding it. Anything else (HEAD, a 404, 410 or redirect, a refusal, a feed to build, an error
 * before the answer started) goes to the full pipeline, which decides it as it always has: the
 * controllers stay the one definition of these routes, and this path never answers what they would
 * answer differently (the e2e tests run through both).
 */
@Injectable()
export class PublicFastPath {
  private readonly routes: Record<'page' | 'ninjs' | 'jsonld', FastRoute>;
  private readonly security: OutgoingHttpHeaders;

  constructor(
    private readonly outputs: PublicOutputs,
    private readonly model: PublicReadModel,
    private readonly limiter: PublicRateLimitGuard,
    private readonly metrics: ApiMetrics,
  ) {
    // helmet's headers, recorded once, merged into each route's own: nothing is copied per request
    // but the ETag and the length.
    this.security = headersOf(securityHeaders());
    const common = { ...this.security, 'Cache-Control': 'no-cache' };
    this.routes = {
      page: {
        pattern: '/news/:slug',
        kind: 'page',
        type: OUTPUT_TYPES.page,
        headers: { ...common, 'Content-Security-Policy': ARTICLE_PAGE_CSP },
      },
      ninjs: {
        pattern: '/api/public/articles/:id.ninjs.json',
        kind: 'ninjs',
        type: OUTPUT_TYPES.ninjs,
        headers: common,
      },
      jsonld: {
        pattern: '/api/public/articles/:id.jsonld',
        kind: 'jsonld',
        type: OUTPUT_TYPES.jsonld,
        headers: common,
      },
    };
  }

  /**
   * Takes the request (true) or leaves it to `fallback`, synchronously (false). Once taken, the
   * request is answered here or, if that cannot be done, handed to `fallback` before anything was
   * written.
   */
  serve(req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean {
    if (req.method !== 'GET' || !req.url) return false;
    const feed = FEED.exec(req.url);
    if (feed) return this.serveFeed(req, res, feed, fallback);
    let key: { slug: string } | { articleId: string };
    let route: FastRoute;
    const page = PAGE.exec(req.url);
    if (page) {
      if (!isSlugShaped(page[1])) return false;
      key = { slug: page[1] };
      route = this.routes.page;
    } else {
      const byId = BY_ID.exec(req.url);
      if (!byId) return false;
      key = { articleId: byId[1] };
      route = byId[2] === 'jsonld' ? this.routes.jsonld : this.routes.ninjs;
    }
    return this.take(res, route.pattern, () => this.answer(req, res, key, route), fallback);
  }

  /** Runs `answer`; timed when it answered, handed to `fallback` when it did not or failed first. */
  private take(res: ServerResponse, route: string, answer: () => Promise<boolean>, fallback: () => void): true {
    const stop = this.metrics.timer();
    answer().then(
      (answered) => (answered ? stop({ method: 'GET', route, status: String(res.statusCode) }) : fallback()),
      // The full pipeline meets the same failure and answers it as the error filter says (503 when
      // the database is away), logged there.
      () => (res.headersSent ? res.destroy() : fallback()),
    );
    return true;
  }

  /** A feed poller holding the current first page gets 304 from the stamp; anything else goes on. */
  private serveFeed(
    req: IncomingMessage,
    res: ServerResponse,
    [, section, file]: RegExpExecArray,
    fallback: () => void,
  ): boolean {
    if (!req.headers['if-none-match'] && !req.headers['if-modified-since']) return false;
    if (section !== undefined && !isSlugShaped(section)) return false;
    const kind: FeedKind = file === 'atom.xml' ? 'atom' : 'json';
    const route = `/feeds/${section === undefined ? '' : 'sections/:section/'}${file}`;
    return this.take(
      res,
      route,
      async () => {
        if (!(await this.limiter.admits(req.socket.remoteAddress ?? 'unknown'))) return false;
        const stamp = await this.model.feedStamp(section);
        const held =
          isFresh(req.headers['if-none-match'], feedEtagOf(kind, stamp)) || unmodifiedSince(req.headers, stamp);
        if (held) res.writeHead(304, { ...this.security, ...feedValidators(kind, stamp) }).end();
        return held;
      },
      fallback,
    );
  }

  private async answer(
    req: IncomingMessage,
    res: ServerResponse,
    key: { slug: string } | { articleId: string },
    route: FastRoute,
  ): Promise<boolean> {
    if (!(await this.limiter.admits(req.socket.remoteAddress ?? 'unknown'))) return false;
    const found = await this.outputs.of(key, route.kind);
    if (!found || (found.status !== 'live' && route.kind !== 'ninjs')) return false;
    if ('slug' in key && found.slug !== key.slug) return false;
    const output = found.output();
    if (!output) return false;
    const ifNoneMatch = req.headers['if-none-match'];
    const headers = { ...route.headers, ETag: output.etag };
    if (isFresh(ifNoneMatch, output.etag)) {
      res.writeHead(304, headers).end();
    } else {
      res
        .writeHead(200, { ...headers, 'Content-Type': route.type, 'Content-Length': output.body.length })
        .end(output.body);
    }
    return true;
  }
}
