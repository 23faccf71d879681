import { Alert, Loader } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useSession } from '../auth/session';
import { useArticle } from './article.queries';
import { ArticleWorkspace } from './article.workspace';

export function ArticlePage() {
  const { id } = useParams({ from: '/signed-in/articles/$id' });
  const session = useSession();
  const article = useArticle(id);
  if (article.isError) return <Alert color="red">{article.error.message}</Alert>;
  if (!article.data || !session) return <Loader aria-label="Loading the article" />;
  // Keyed by article: another article starts from its own saved copy.
  return <ArticleWorkspace key={id} initial={article.data} roles={session.user.roles} userId={session.user.id} />;
}
