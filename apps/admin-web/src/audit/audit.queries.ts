import { PAGE_LIMITS, type AuditFilter, type AuditItem, type Page } from '@newsroom/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { http, queryString } from '../api/http';
import { queryKeys } from '../api/query-keys';

/** The audit log under the URL's filters, a page at a time, oldest first ("Load more", never everything). */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditLog(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      (
        await http<Page<AuditItem>>(
          `/api/audit${queryString({ ...filter, limit: PAGE_LIMITS.audit.default, cursor: pageParam })}`,
          { signal },
        )
      ).data,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
