import { Alert, Loader, Stack, Tabs } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useArticle } from '../article/article.queries';
import { ArticleHeading } from '../history/article-heading';
import { ComparePanel } from '../history/compare.panel';
import { comparedPair } from '../history/compare-presets';
import { HistoryList } from '../history/history.list';
import { useHistory } from '../history/history.queries';
import { TimeTravel } from '../history/time-travel';
import { IntegrityPanel } from './integrity.panel';
import type { ArticleAuditTab } from './audit.search';
import { captionsOf } from '../history/body-text';
import { PhotoCaptionsProvider } from '../history/photo-captions';

const TAB_LABELS: Record<ArticleAuditTab, string> = {
  timeline: 'Timeline',
  'time-travel': 'Time travel',
  compare: 'Compare',
  integrity: 'Integrity',
};

/** `/audit/articles/:id`: one article's timeline, time travel, comparison and integrity check; all in the URL. */
export function AuditArticlePage() {
  const { id } = useParams({ from: '/signed-in/audit/articles/$id' });
  const search = useSearch({ from: '/signed-in/audit/articles/$id' });
  const navigate = useNavigate({ from: '/audit/articles/$id' });
  const article = useArticle(id);
  const history = useHistory(id);
  const entries = history.data ?? [];
  const latest = entries.at(-1)?.version ?? 1;
  const photos = article.data?.working.photos;
  const captionOf = useMemo(() => captionsOf(entries, photos), [entries, photos]);
  const tab = search.tab ?? 'timeline';

  return (
    <Stack maw={1200}>
      <ArticleHeading title="Article audit" article={article.data} id={id} />
      {history.isError && (
        <Alert color="red" title="The history could not be loaded">
          {history.error.message}
        </Alert>
      )}
      {history.isPending && <Loader aria-label="Loading the history" />}
      {entries.length > 0 && (
        <PhotoCaptionsProvider captionOf={captionOf}>
          <Tabs
            value={tab}
            keepMounted={false}
            onChange={(next) => next && void navigate({ search: { tab: next as ArticleAuditTab } })}
          >
            <Tabs.List aria-label="Article audit views">
              {(Object.keys(TAB_LABELS) as ArticleAuditTab[]).map((t) => (
                <Tabs.Tab key={t} value={t}>
                  {TAB_LABELS[t]}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="sm">
              <HistoryList label="Every event, newest first" entries={entries} expanded />
            </Tabs.Panel>
            <Tabs.Panel value="time-travel" pt="sm">
              <TimeTravel
                articleId={id}
                entries={entries}
                point={{ version: search.version, asOf: search.asOf }}
                onChange={(point) => void navigate({ search: { tab: 'time-travel', ...point } })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="compare" pt="sm">
              <ComparePanel
                articleId={id}
                entries={entries}
                pair={comparedPair(search, entries, latest)}
                onChange={(pair) => void navigate({ search: { tab: 'compare', ...pair }, replace: true })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="integrity" pt="sm">
              <IntegrityPanel articleId={id} />
            </Tabs.Panel>
          </Tabs>
        </PhotoCaptionsProvider>
      )}
    </Stack>
  );
}
