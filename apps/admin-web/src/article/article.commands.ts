import { http } from '../api/http';

/** Every write of the workspace: against the version the editor sees, answered with the new one. */
export type SendCommand = (
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: Record<string, unknown>,
) => Promise<number>;

export async function sendArticleCommand(
  articleId: string,
  version: number,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: Record<string, unknown>,
): Promise<number> {
  const { data } = await http<{ version: number }>(`/api/articles/${articleId}${path}`, {
    method,
    body,
    ifMatch: version,
  });
  return data.version;
}
