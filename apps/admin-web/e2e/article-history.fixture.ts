import { expect, type APIRequestContext } from '@playwright/test';
import type { AuditItem } from '@newsroom/contracts';
import { apiToken } from './newsroom.page';

export const STORY = {
  headline: 'Harbour bridge reopens',
  firstBody: 'The harbour bridge reopened on Monday after repairs.',
  revisedBody: 'The harbour bridge reopened on Monday after six weeks of repairs.',
  updatedBody: 'The harbour bridge reopened on Monday after seven weeks of repairs.',
  correction: 'An earlier version said the repairs took six weeks; they took seven.',
} as const;

/**
 * An article with seven versions, made through the API for speed: a reporter drafts (1), revises
 * (2) and submits it (3); an editor approves (4) and publishes it (5), updates the body (6) and
 * issues a correction (7). Answers once its history holds all seven entries.
 */
export async function articleWithSevenVersions(request: APIRequestContext) {
  const reporter = { authorization: `Bearer ${await apiToken(request, 'reporter')}` };
  const editor = { authorization: `Bearer ${await apiToken(request, 'editor')}` };
  const ok = async (res: Awaited<ReturnType<APIRequestContext['post']>>) => {
    expect(res.ok(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(true);
    return (await res.json()) as { id?: string; version: number };
  };
  const drafted = await ok(
    await request.post('/api/articles', {
      headers: reporter,
      data: { headline: STORY.headline, dateline: 'PORTSMOUTH', body: [{ type: 'paragraph', text: STORY.firstBody }] },
    }),
  );
  const id = drafted.id!;
  const patch = (headers: Record<string, string>, version: number, data: object) =>
    request.patch(`/api/articles/${id}`, { headers: { ...headers, 'if-match': `"${version}"` }, data });
  await ok(
    await patch(reporter, 1, {
      standfirst: 'Traffic returns.',
      body: [{ type: 'paragraph', text: STORY.revisedBody }],
    }),
  );
  await ok(await request.post(`/api/articles/${id}/submit`, { headers: reporter }));
  await ok(await request.post(`/api/articles/${id}/approve`, { headers: editor }));
  await ok(await request.post(`/api/articles/${id}/publish`, { headers: editor, data: {} }));
  await ok(await patch(editor, 5, { dateline: 'SOUTHSEA', body: [{ type: 'paragraph', text: STORY.updatedBody }] }));
  await ok(
    await request.post(`/api/articles/${id}/corrections`, {
      headers: editor,
      data: { text: STORY.correction, kind: 'correction' },
    }),
  );
  // The history is a read model: wait (with the expect timeout) until the projector has all seven.
  let history: AuditItem[] = [];
  await expect
    .poll(async () => {
      const res = await request.get(`/api/articles/${id}/history`, { headers: editor });
      history = res.ok() ? ((await res.json()) as { items: AuditItem[] }).items : [];
      return history.length;
    })
    .toBe(7);
  return { id, history };
}
