import { Inject, Injectable } from '@nestjs/common';
import {
  articlePageHtml,
  newsArticleOf,
  ninjsOf,
  type PublicArticle,
  type PublicArticleKey,
  type PublicSite,
} from '@newsroom/read-models';
import { PublicReadModel } from './public-read-model';
import { PUBLIC_SITE } from './public-site.provider';
import { RenderedOutputs, type OutputKind, type RenderedOutput } from './rendered-outputs.cache';

/** What a withdrawn story has of each kind: no page and no JSON-LD (410), but a `canceled` ninjs. */
const RENDER: Record<OutputKind, (row: PublicArticle, site: PublicSite) => string | undefined> = {
  page: (row, site) => (row.status === 'live' ? articlePageHtml(row, site) : undefined),
  ninjs: (row, site) => JSON.stringify(ninjsOf(row, site)),
  jsonld: (row, site) => (row.status === 'live' ? JSON.stringify(newsArticleOf(row, site)) : undefined),
};

export interface PublicOutput {
  articleId: string;
  version: number;
  status: PublicArticle['status'];
  slug: string;
  /** Rendered on first call for this version; undefined where the status has none of this kind. */
  output(): RenderedOutput | undefined;
}

/**
 * The public output of an article as the read model has it now. Reading the row, parsing it and
 * rendering it depend only on the row's version (and the site's settings), so they are done once
 * per version; the read model is still asked on every request, for the version and visibility.
 */
@Injectable()
export class PublicOutputs {
  constructor(
    private readonly model: PublicReadModel,
    private readonly rendered: RenderedOutputs,
    @Inject(PUBLIC_SITE) private readonly site: PublicSite,
  ) {}

  async of(key: PublicArticleKey, kind: OutputKind): Promise<PublicOutput | undefined> {
    let found = await this.model.check(key, this.rendered.held(key, kind));
    if (!found) return undefined;
    let cached = found.row ? undefined : this.rendered.get(found.articleId, found.version, kind);
    // Dropped by a request in between (the cache is bounded): read the row after all.
    if (!found.row && !cached) found = await this.model.check(key);
    if (!found) return undefined;
    const { articleId, version, status, slug, row } = found;
    const render = () => {
      const text = RENDER[kind](row!, this.site);
      const via = 'slug' in key ? key.slug : undefined;
      return text === undefined ? undefined : this.rendered.put(articleId, version, kind, Buffer.from(text), via);
    };
    return { articleId, version, status, slug, output: () => (cached ??= render()) };
  }
}
