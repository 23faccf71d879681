import type { ContributionList, ContributionStatus, ContributionView } from '@newsroom/contracts';
import { useQuery } from '@tanstack/react-query';
import { http, queryString } from '../api/http';

/** Keys of this folder; everything under `contributionKeys.all` is refreshed after any contribution write. */
export const contributionKeys = {
  all: ['contributions'] as const,
  ofArticle: (articleId: string) => [...contributionKeys.all, 'article', articleId] as const,
  mine: () => [...contributionKeys.all, 'mine'] as const,
  one: (id: string) => [...contributionKeys.all, 'one', id] as const,
  preview: (id: string, afterBlock: number | undefined) =>
    [...contributionKeys.one(id), 'preview', afterBlock] as const,
};

// The stream announces article changes only (a merge is one); a submission, a revision, a sending back
// or a rejection changes no article, so open lists also look again this often while the tab is visible.
export const CONTRIBUTION_POLL_MS = 3_000;

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
    refetchInterval: CONTRIBUTION_POLL_MS,
  });
}

/** The signed-in user's own contributions, on every article. */
export function useMyContributions() {
  return useQuery({
    queryKey: contributionKeys.mine(),
    queryFn: async ({ signal }) =>
      (await http<ContributionList>(`/api/contributions${queryString({ mine: 'true' })}`, { signal })).data.items,
    refetchInterval: CONTRIBUTION_POLL_MS,
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
