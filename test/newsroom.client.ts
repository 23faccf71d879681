import { waitFor } from '@newsroom/testing';
import type { ApiHarness } from '@newsroom/testing-system';

export type Role = 'editor' | 'reporter' | 'auditor' | 'admin';

/** How long a test waits for a read model to show a write: far above its lag on a busy machine. */
const READ_MODEL_TIMEOUT_MS = 30_000;

/**
 * Reads for e2e tests. Every read model is built by its own consumer group at its own pace, so a
 * test waits on the version of EACH read model it asserts on, never on another one's.
 */
export function newsroomClient(api: ApiHarness) {
  const as = async (role: Role) => ({ Authorization: `Bearer ${await api.tokenFor(role)}` });

  /** The event store's own count of the article's events: the truth, however far the read models are. */
  const storedVersion = async (id: string): Promise<number> =>
    (
      await api
        .http()
        .get(`/api/articles/${id}/verify`)
        .set(await as('auditor'))
        .expect(200)
    ).body.events;

  /** The article read model (article_state) once it shows exactly `version`. */
  const articleAt = async (id: string, version: number, role: Role = 'auditor') => {
    const auth = await as(role);
    return waitFor(
      `article ${id} at version ${version} in article_state`,
      async () => {
        const res = await api.http().get(`/api/articles/${id}?minVersion=${version}`).set(auth);
        return res.status === 200 && res.body.version === version ? res.body : undefined;
      },
      READ_MODEL_TIMEOUT_MS,
    );
  };

  /** The article's history (audit_trail) once it holds exactly versions 1 to `version`. */
  const historyAt = async (id: string, version: number) => {
    const auth = await as('auditor');
    return waitFor(
      `versions 1 to ${version} of article ${id} in audit_trail`,
      async () => {
        const res = await api.http().get(`/api/articles/${id}/history`).set(auth);
        const items: any[] = res.status === 200 ? res.body.items : [];
        return items.length === version && items.at(-1)!.version === version ? items : undefined;
      },
      READ_MODEL_TIMEOUT_MS,
    );
  };

  /**
   * Waits until each named read model has applied every stored event, as the operators' status
   * endpoint reports it (lag in events: the newest stored position minus the newest applied). Exact
   * only while the events waited for are one article's: the status keeps the furthest position of
   * any partition, and one article's events share a partition.
   */
  const caughtUp = async (...readModels: string[]) => {
    const auth = await as('admin');
    await waitFor(
      `${readModels.join(', ')} caught up with the event store`,
      async () => {
        const res = await api.http().get('/api/admin/projections').set(auth).expect(200);
        const statuses = res.body as Array<{ name: string; lagEvents: number; lastPosition: number }>;
        return readModels.every((name) => statuses.some((s) => s.name === name && s.lastPosition > 0 && !s.lagEvents));
      },
      READ_MODEL_TIMEOUT_MS,
    );
  };

  return { as, storedVersion, articleAt, historyAt, caughtUp };
}
