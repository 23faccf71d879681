/** Where and by whom the public output is published: configuration, not data. */
export interface PublicSite {
  /** The site's origin and base path, without a trailing slash: `https://news.example.org`. */
  baseUrl: string;
  publisherName: string;
  /** schema.org `correctionsPolicy` and `publishingPrinciples` of the publisher. */
  correctionsPolicyUrl: string;
  publishingPrinciplesUrl: string;
}

/** Stable identifiers, independent of the host the site is served from (ninjs `uri`, Atom `id`). */
export const articleUri = (articleId: string) => `urn:newsroom:article:${articleId}`;
export const photoUri = (photoId: string) => `urn:newsroom:photo:${photoId}`;
export const contributorUri = (contributorId: string) => `urn:newsroom:contributor:${contributorId}`;
export const sectionUri = (key: string) => `urn:newsroom:section:${key}`;
export const tagUri = (key: string) => `urn:newsroom:tag:${encodeURIComponent(key)}`;
/**
 * The project's own vocabulary for contributor roles, which IPTC has no codes for: used as the
 * `rel` of ninjs `people`, never as a property of its own.
 */
export const contributorRoleUri = (role: string) => `urn:newsroom:contributor-role:${role}`;

export const pageUrl = (site: PublicSite, slug: string) => `${site.baseUrl}/news/${encodeURIComponent(slug)}`;
export const ninjsUrl = (site: PublicSite, articleId: string) =>
  `${site.baseUrl}/api/public/articles/${articleId}.ninjs.json`;
export const jsonLdUrl = (site: PublicSite, articleId: string) =>
  `${site.baseUrl}/api/public/articles/${articleId}.jsonld`;
