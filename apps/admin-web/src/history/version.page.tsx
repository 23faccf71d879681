import { Alert, Loader, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useArticle } from '../article/article.queries';
import { AnchorLink } from './anchor-link';
import { ArticleHeading } from './article-heading';
import { useHistory } from './history.queries';
import { TimeTravel } from './time-travel';

/** `/articles/:id/versions?version=7` or `?asOf=…`: one past state, read only, linkable. */
export function VersionPage() {
  const { id } = useParams({ from: '/signed-in/articles/$id/versions' });
  const point = useSearch({ from: '/signed-in/articles/$id/versions' });
  const navigate = useNavigate({ from: '/articles/$id/versions' });
  const article = useArticle(id);
  const history = useHistory(id);

  return (
    <Stack maw={1100}>
      <ArticleHeading title="Read-only version" article={article.data} id={id} />
      <AnchorLink to="/articles/$id/history" params={{ id }} size="sm">
        All versions and compare
      </AnchorLink>
      {history.isError && (
        <Alert color="red" title="The history could not be loaded">
          {history.error.message}
        </Alert>
      )}
      {history.isPending && <Loader aria-label="Loading the history" />}
      {history.data && (
        <TimeTravel
          articleId={id}
          entries={history.data}
          point={point}
          onChange={(next) => void navigate({ search: next })}
        />
      )}
    </Stack>
  );
}
