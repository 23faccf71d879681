import { ARTICLE_VERSIONS_CHANNEL } from '@newsroom/read-models';
import { Client } from 'pg';
import { AppConfig } from '../../config/app-config';
import { parseApiEnv } from '../../config/api-env.schema';
import { ArticleVersionsListener } from './article-versions.listener';

// `npm start` gives the API only API_DATABASE_URL; the listener read DATABASE_URL (its default, another
// database), so it listened where the projector never notifies: no live updates, ?minVersion slow.
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsroom_test';
const schema = `listener_url_${process.pid}`;

it('listens on the database of API_DATABASE_URL, not on the default DATABASE_URL', async () => {
  const listener = new ArticleVersionsListener(
    new AppConfig(
      parseApiEnv({
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/no_such_database_here',
        API_DATABASE_URL: url,
        DATABASE_SCHEMA: schema,
      }),
    ),
  );
  const heard: Array<[string, number]> = [];
  listener.follow({ versions: (v) => heard.push(...v), lost: () => undefined });
  const notifier = new Client({ connectionString: url });
  try {
    expect(await listener.ready()).toBe(true);
    await notifier.connect();
    const payload = JSON.stringify({ schema, versions: [['00000000-0000-4000-8000-000000000001', 3]] });
    await notifier.query('SELECT pg_notify($1, $2)', [ARTICLE_VERSIONS_CHANNEL, payload]);
    const woken = listener.waitFor('00000000-0000-4000-8000-000000000001', 3, 10_000);
    await notifier.query('SELECT pg_notify($1, $2)', [ARTICLE_VERSIONS_CHANNEL, payload]);
    await woken;
    expect(heard).toContainEqual(['00000000-0000-4000-8000-000000000001', 3]);
  } finally {
    await notifier.end();
    await listener.onApplicationShutdown();
  }
});
