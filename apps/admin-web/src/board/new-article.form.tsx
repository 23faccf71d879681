import { Button, Group, TextInput } from '@mantine/core';
import { ARTICLE_LIMITS } from '@newsroom/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { http } from '../api/http';
import { queryKeys } from '../api/query-keys';
import { fetchArticle } from '../article/article.queries';

/** Drafting starts with a headline; everything else is written in the workspace. */
export function NewArticleForm() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [headline, setHeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function draft(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data } = await http<{ id: string; version: number }>('/api/articles', {
        method: 'POST',
        body: { headline },
      });
      // The read model follows the write: wait for the new version before the workspace asks for it.
      queries.setQueryData(queryKeys.article(data.id), await fetchArticle(data.id, data.version));
      void queries.invalidateQueries({ queryKey: queryKeys.articleLists() });
      await navigate({ to: '/articles/$id', params: { id: data.id } });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={draft} aria-label="New article">
      <Group align="end">
        <TextInput
          label="New article headline"
          required
          maxLength={ARTICLE_LIMITS.headlineMaxLength}
          value={headline}
          onChange={(e) => setHeadline(e.currentTarget.value)}
          error={error}
        />
        <Button type="submit" loading={busy}>
          Create draft
        </Button>
      </Group>
    </form>
  );
}
