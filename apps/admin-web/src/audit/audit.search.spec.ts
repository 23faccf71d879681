import { describe, expect, it } from '@jest/globals';
import { parseAuditArticleSearch, parseAuditSearch } from './audit.search';

const ARTICLE = '1c16c6e3-afde-425b-adb4-65b127648191';

describe('the audit log’s filters in the URL', () => {
  it('keeps every filter the API takes', () => {
    expect(
      parseAuditSearch({
        actor: ' u-1 ',
        role: 'editor',
        type: 'ArticlePublished',
        article: ARTICLE.toUpperCase(),
        since: '2026-02-13T10:00:00Z',
        until: '2026-02-14T10:00:00+01:00',
      }),
    ).toEqual({
      actor: 'u-1',
      role: 'editor',
      type: 'ArticlePublished',
      article: ARTICLE,
      since: '2026-02-13T10:00:00.000Z',
      until: '2026-02-14T09:00:00.000Z',
    });
  });

  it('drops what the API would refuse instead of sending it', () => {
    expect(
      parseAuditSearch({ role: 'owner', type: 'ArticleDeleted', article: 'not-an-id', since: 'today', actor: '' }),
    ).toEqual({});
    expect(parseAuditSearch({ actor: 'x'.repeat(101) })).toEqual({});
  });
});

describe('an article audit page in the URL', () => {
  it('keeps its view, its version or moment, and its compared pair', () => {
    expect(parseAuditArticleSearch({ tab: 'compare', from: '2', to: '4' })).toEqual({ tab: 'compare', from: 2, to: 4 });
    expect(parseAuditArticleSearch({ tab: 'time-travel', version: '3' })).toEqual({ tab: 'time-travel', version: 3 });
    expect(parseAuditArticleSearch({ tab: 'delete' })).toEqual({});
  });
});
