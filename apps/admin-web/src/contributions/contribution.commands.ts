import type {
  AcceptContributionRequest,
  ContributionWriteAnswer,
  ReviseContributionRequest,
  SubmitContributionRequest,
} from '@newsroom/contracts';
import { http } from '../api/http';

const post = async (path: string, body: unknown, ifMatch?: number) =>
  (await http<ContributionWriteAnswer>(path, { method: 'POST', body, ifMatch })).data;

// Every command on an existing contribution carries the version the user saw: a desk decision or a
// revision made meanwhile answers 412 instead of being silently overtaken.
export const contributionCommands = {
  submit: (articleId: string, body: SubmitContributionRequest) =>
    post(`/api/articles/${articleId}/contributions`, body),
  revise: async (id: string, version: number, body: ReviseContributionRequest) =>
    (await http<ContributionWriteAnswer>(`/api/contributions/${id}`, { method: 'PATCH', body, ifMatch: version })).data,
  withdraw: (id: string, version: number) => post(`/api/contributions/${id}/withdraw`, {}, version),
  accept: (id: string, version: number, body: AcceptContributionRequest) =>
    post(`/api/contributions/${id}/accept`, body, version),
  requestChanges: (id: string, version: number, note: string) =>
    post(`/api/contributions/${id}/request-changes`, { note }, version),
  reject: (id: string, version: number, reason: string) => post(`/api/contributions/${id}/reject`, { reason }, version),
};
