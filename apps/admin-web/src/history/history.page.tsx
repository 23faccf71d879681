import { Alert, Loader, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useArticle } from '../article/article.queries';
import { AnchorLink } from './anchor-link';
import { ArticleHeading } from './article-heading';
import { ComparePanel } from './compare.panel';
import { comparedPair } from './compare-presets';
import { HistoryList } from './history.list';
import { useHistory } from './history.queries';
import { LiveStory } from './live-story';
import { captionsOf } from './body-text';
import { PhotoCaptionsProvider } from './photo-captions';

/** `/articles/:id/history`: every version, a comparison of any two, the live story and its corrections. */
export function HistoryPage() {
  const { id } = useParams({ from: '/signed-in/articles/$id/history' });
  const search = useSearch({ from: '/signed-in/articles/$id/history' });
  const navigate = useNavigate({ from: '/articles/$id/history' });
  const article = useArticle(id);
  const history = useHistory(id);
  const entries = history.data ?? [];
  const latest = entries.at(-1)?.version ?? 1;
  const photos = article.data?.working.photos;
  const captionOf = useMemo(() => captionsOf(entries, photos), [entries, photos]);
  const redactions = useMemo(() => entries.filter((e) => e.type === 'ContentRedacted'), [entries]);

  return (
    <Stack maw={1100}>
      <ArticleHeading title="History" article={article.data} id={id} />
      {history.isError && (
        <Alert color="red" title="The history could not be loaded">
          {history.error.message}
        </Alert>
      )}
      {history.isPending && <Loader aria-label="Loading the history" />}
      {article.data && <LiveStory article={article.data} redactions={redactions} />}
      {entries.length > 0 && (
        <PhotoCaptionsProvider captionOf={captionOf}>
          <>
            <ComparePanel
              articleId={id}
              entries={entries}
              pair={comparedPair(search, entries, latest)}
              onChange={(pair) => void navigate({ search: pair, replace: true })}
            />
            <HistoryList
              label="Versions, newest first"
              entries={entries}
              actions={(e) => (
                <>
                  <AnchorLink to="/articles/$id/versions" params={{ id }} search={{ version: e.version }} size="sm">
                    Open version {e.version} read only
                  </AnchorLink>
                  {e.version > 1 && (
                    <AnchorLink
                      to="/articles/$id/history"
                      params={{ id }}
                      search={{ from: e.version - 1, to: e.version }}
                      size="sm"
                    >
                      Compare version {e.version} with the one before
                    </AnchorLink>
                  )}
                </>
              )}
            />
          </>
        </PhotoCaptionsProvider>
      )}
    </Stack>
  );
}
