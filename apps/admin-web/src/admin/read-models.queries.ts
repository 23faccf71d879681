import type { DeadLetterView, ReadModelStatusView } from '@newsroom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../api/http';
import { queryKeys } from '../api/query-keys';

const rebuilding = (items: ReadModelStatusView[] | undefined) =>
  items?.some((m) => m.rebuild?.state === 'replay' || m.rebuild?.state === 'switch') ?? false;

/** The read models' status; every second while a rebuild runs (its live progress), else every 10 s. */
export function useReadModels() {
  return useQuery({
    queryKey: queryKeys.readModels,
    queryFn: async ({ signal }) => (await http<ReadModelStatusView[]>('/api/admin/projections', { signal })).data,
    refetchInterval: (q) => (rebuilding(q.state.data) ? 1000 : 10_000),
  });
}

export function useDeadLetters() {
  return useQuery({
    queryKey: queryKeys.deadLetters,
    queryFn: async ({ signal }) =>
      (await http<{ items: DeadLetterView[] }>('/api/admin/dead-letters', { signal })).data.items,
  });
}

/** Starts a rebuild (202: it runs in the background), then follows it through the status. */
export function useRebuild() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) =>
      (await http(`/api/admin/projections/${encodeURIComponent(name)}/rebuild`, { method: 'POST' })).data,
    onSettled: () => queries.invalidateQueries({ queryKey: queryKeys.readModels }),
  });
}
