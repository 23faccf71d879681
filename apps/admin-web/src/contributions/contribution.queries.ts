import type { ContributionList, ContributionStatus, ContributionView } from '@newsroom/contracts';
import { useQuery } from '@tanstack/react-query';
import { http, queryString } from '../api/http';
import { queryKeys } from '../api/query-keys';

/** Keys of this folder; everything under `contributionKeys.all` is refreshed after any contribution write. */
export const contributionKeys = {
  all: queryKeys.contributions,
  ofArticle: (articleId: string) => [...contributionKeys.all, 'article', articleId] as const,
  mine: () => [...contributionKeys.all, 'mine'] as const,
  one: (id: string) => [...contributionKeys.all, 'one', id] as const,
  preview: (id: string, afterBlock: number | undefined) =>
    [...contributionKeys.one(id), 'preview', afterBlock] as const,
};

export async function fetchContribution(id: string, afterBlock?: number, signal?: AbortSignal) {
  return (await http<ContributionView>(`/api/contributions/${id}${queryString({ afterBlock })}`, { signal })).data;
}

/** The desk's inbox for one article, every status (the panel groups them). */
export function useArticleContributions(articleId: string, status?: ContributionStatus) {
  return useQuery({
    queryKey: [...contributionKeys.ofArticle(articleId), status ?? 'all'],
    queryFn: async ({ signal }) =>
      (await http<ContributionList>(`/api/articles/${articleId}/contributions${queryString({ status })}`, { signal }))
        .data.items,
  });
}

/** The signed-in user's own contributions, on every article. */
export function useMyContributions() {
  return useQuery({
    queryKey: contributionKeys.mine(),
    queryFn: async ({ signal }) =>
      (await http<ContributionList>(`/api/contributions${queryString({ mine: 'true' })}`, { signal })).data.items,
  });
}

/** One contribution with, while it is open, the article's body before and after inserting it at `afterBlock`. */
export function useContributionPreview(id: string, afterBlock: number | undefined) {
  return useQuery({
    queryKey: contributionKeys.preview(id, afterBlock),
    queryFn: ({ signal }) => fetchContribution(id, afterBlock, signal),
    placeholderData: (previous) => previous,
  });
}
