import { InvalidEnvironment } from '@newsroom/settings';
import { projectorConfig } from './projector.config';

describe('PROJECTIONS', () => {
  it('runs all eight read models when unset or blank', () => {
    expect(projectorConfig({}).readModels).toEqual([
      'article_state',
      'audit_trail',
      'article_list',
      'contributor_index',
      'public_articles',
      'contribution_list',
      'contribution_audit',
      'contributor_ledger',
    ]);
    expect(projectorConfig({ PROJECTIONS: ' ' }).readModels).toHaveLength(8);
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

describe('PROJECTOR_METRICS_PORT and PROJECTOR_METRICS_HOST', () => {
  it('serve /metrics on 127.0.0.1:9465 by default, and on no port at all given 0', () => {
    expect(projectorConfig({}).metrics).toEqual({ port: 9465, host: '127.0.0.1' });
    expect(projectorConfig({ PROJECTOR_METRICS_PORT: '0', PROJECTOR_METRICS_HOST: '0.0.0.0' }).metrics).toEqual({
      port: 0,
      host: '0.0.0.0',
    });
  });

  it('refuses a port that is not one, naming the variable', () => {
    expect(() => projectorConfig({ PROJECTOR_METRICS_PORT: '70000' })).toThrow(/PROJECTOR_METRICS_PORT/);
  });
});

describe('PROJECTOR_FETCH_MIN_BYTES', () => {
  it('lets the broker gather 64 KiB for the lingering read models unless told otherwise', () => {
    expect(projectorConfig({}).fetchMinBytes).toBe(64 * 1024);
    expect(projectorConfig({ PROJECTOR_FETCH_MIN_BYTES: '1' }).fetchMinBytes).toBe(1);
  });

  it('names the variable when it is not a positive whole number', () => {
    expect(() => projectorConfig({ PROJECTOR_FETCH_MIN_BYTES: '0' })).toThrow(/PROJECTOR_FETCH_MIN_BYTES/);
  });
});

describe('NEWSROOM_MASTER_KEY', () => {
  it('is required in production, where nothing generates one', () => {
    expect(() => projectorConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid configuration: NEWSROOM_MASTER_KEY is required in production',
    );
  });

  it('is passed on with the data folder where a key generated elsewhere is kept', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(projectorConfig({ NEWSROOM_MASTER_KEY: key, AUDIT_DATA_DIR: 'data' }).masterKey).toEqual({
      NEWSROOM_MASTER_KEY: key,
      NODE_ENV: 'development',
      dataDir: 'data',
    });
  });
});
