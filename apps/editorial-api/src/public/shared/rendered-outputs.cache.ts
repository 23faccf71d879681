import { createHash } from 'node:crypto';
import type { HeldVersion } from '@newsroom/read-models';

export type OutputKind = 'page' | 'ninjs' | 'jsonld';

/** One representation rendered from one version of an article: its bytes and their strong ETag. */
export interface RenderedOutput {
  body: Buffer;
  etag: string;
}

interface Entry {
  version: number;
  outputs: Map<OutputKind, RenderedOutput>;
  slugs: Set<string>;
  bytes: number;
}

/**
 * Public output rendered per (article, version), the least recently used dropped first past
 * `maxBytes`. It decides nothing on its own: every request still asks the read model for the row's
 * current version and visibility (see checkPublicArticle) and is served from here only when that is
 * the version held, so an unpublished or embargoed story is never answered from memory.
 */
export class RenderedOutputs {
  private readonly entries = new Map<string, Entry>();
  /** Slugs that led to an article before: a slug names one article for good (old ones redirect). */
  private readonly slugs = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The version whose `kind` is held for the article a key names, to revalidate against. */
  held(key: { articleId: string } | { slug: string }, kind: OutputKind): HeldVersion | undefined {
    const articleId = 'articleId' in key ? key.articleId : this.slugs.get(key.slug);
    const entry = articleId === undefined ? undefined : this.entries.get(articleId);
    return entry?.outputs.has(kind) ? { articleId: articleId!, version: entry.version } : undefined;
  }

  get(articleId: string, version: number, kind: OutputKind): RenderedOutput | undefined {
    const entry = this.entries.get(articleId);
    if (entry?.version !== version) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(articleId);
    this.entries.set(articleId, entry);
    return entry.outputs.get(kind);
  }

  /** Keeps `body` as `kind` of this version; output of any other version of the article goes. */
  put(articleId: string, version: number, kind: OutputKind, body: Buffer, slug?: string): RenderedOutput {
    let entry = this.entries.get(articleId);
    if (entry?.version !== version) {
      if (entry) this.drop(articleId);
      entry = { version, outputs: new Map(), slugs: new Set(), bytes: 0 };
    }
    this.entries.delete(articleId);
    this.entries.set(articleId, entry);
    const output = { body, etag: strongEtag(version, body) };
    const replaced = entry.outputs.get(kind);
    entry.outputs.set(kind, output);
    entry.bytes += body.length - (replaced?.body.length ?? 0);
    this.bytes += body.length - (replaced?.body.length ?? 0);
    if (slug !== undefined) {
      entry.slugs.add(slug);
      this.slugs.set(slug, articleId);
    }
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes || oldest === articleId) break;
      this.drop(oldest);
    }
    return output;
  }

  get size(): { articles: number; bytes: number } {
    return { articles: this.entries.size, bytes: this.bytes };
  }

  private drop(articleId: string) {
    const entry = this.entries.get(articleId)!;
    this.entries.delete(articleId);
    this.bytes -= entry.bytes;
    for (const slug of entry.slugs) if (this.slugs.get(slug) === articleId) this.slugs.delete(slug);
  }
}

/** Strong: these exact bytes. The version leads, so a reader of the header sees which one it is. */
function strongEtag(version: number, body: Buffer): string {
  return `"${version}-${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}
