import type { RedactionAnswer, RedactionOrderView } from '@newsroom/contracts';
import { useQuery } from '@tanstack/react-query';
import { http } from '../api/http';
import { queryKeys } from '../api/query-keys';

/** What the admin types to order a redaction; the passage goes to the API once and is never shown again. */
export interface RedactionOrderInput {
  passage: string;
  reason: string;
  legalBasis: string;
  reference: string;
}

export const useRedactionOrders = (articleId: string) =>
  useQuery({
    queryKey: queryKeys.articleRedactions(articleId),
    queryFn: async ({ signal }) =>
      (await http<RedactionOrderView[]>(`/api/articles/${articleId}/redactions`, { signal })).data,
  });

/** The three writes, each against the version the admin sees (If-Match). */
export const redactionCommands = {
  order: (articleId: string, version: number, input: RedactionOrderInput) =>
    write(`/api/articles/${articleId}/redactions`, version, { ...input }),
  confirm: (articleId: string, version: number, redactionId: string) =>
    write(`/api/articles/${articleId}/redactions/${encodeURIComponent(redactionId)}/confirm`, version),
  decline: (articleId: string, version: number, redactionId: string) =>
    write(`/api/articles/${articleId}/redactions/${encodeURIComponent(redactionId)}/decline`, version),
};

async function write(path: string, version: number, body?: Record<string, unknown>): Promise<RedactionAnswer> {
  return (await http<RedactionAnswer>(path, { method: 'POST', body, ifMatch: version })).data;
}
