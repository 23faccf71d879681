import { InvalidEnvironment } from '@newsroom/settings';
import { projectorConfig } from './projector.config';

describe('PROJECTIONS', () => {
  it('runs all four read models when unset or blank', () => {
    expect(projectorConfig({}).readModels).toEqual([
      'article_state',
      'audit_trail',
      'article_list',
      'contributor_index',
    ]);
    expect(projectorConfig({ PROJECTIONS: ' ' }).readModels).toHaveLength(4);
  });

  it('runs the ones it lists, once each', () => {
    expect(projectorConfig({ PROJECTIONS: 'audit_trail, article_state,audit_trail' }).readModels).toEqual([
      'audit_trail',
      'article_state',
    ]);
  });

  it('refuses an unknown name in one line naming it', () => {
    expect(() => projectorConfig({ PROJECTIONS: 'article_state,headlines' })).toThrow(InvalidEnvironment);
    expect(() => projectorConfig({ PROJECTIONS: 'article_state,headlines' })).toThrow(
      /PROJECTIONS .*\(got headlines\)$/,
    );
  });

  it('refuses a list of nothing but commas', () => {
    expect(() => projectorConfig({ PROJECTIONS: ',,' })).toThrow(/PROJECTIONS/);
  });
});
