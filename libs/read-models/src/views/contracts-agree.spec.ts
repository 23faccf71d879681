import * as wire from '@newsroom/contracts';
import * as domain from '@newsroom/editorial-domain';

describe('the wire constants in libs/contracts', () => {
  it('hold the same limits as the decider, computed ones included', () => {
    expect(wire.ARTICLE_LIMITS).toEqual(domain.ARTICLE_LIMITS);
  });

  it('list the same statuses, roles, correction kinds and body blocks as the domain, in order', () => {
    expect(wire.ARTICLE_STATUSES).toEqual(domain.ARTICLE_STATUSES);
    expect(wire.CONTRIBUTOR_ROLES).toEqual(domain.CONTRIBUTOR_ROLES);
    expect(wire.CORRECTION_KINDS).toEqual(domain.CORRECTION_KINDS);
    expect(wire.BODY_BLOCK_TYPES).toEqual(domain.BODY_BLOCK_TYPES);
  });
});
