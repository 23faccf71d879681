import { READ_MODELS } from '@newsroom/read-models';
import { SYSTEM_PROCESSES } from './system-processes';

// The three contribution read models were added to the projector without a process of `npm start`
// consuming them: under `npm start` they stayed empty, while the tests (one projector, all models) passed.

const projectedBy = (names: string) => names.split(',').map((n) => n.trim());

describe("npm start's processes", () => {
  it('project every read model, each in exactly one process', () => {
    const projected = SYSTEM_PROCESSES.filter((p) => p.app === 'projector').flatMap((p) =>
      projectedBy(p.env?.PROJECTIONS ?? READ_MODELS.join(',')),
    );
    expect([...projected].sort()).toEqual([...READ_MODELS].sort());
  });

  it('give the read-your-writes model a projector of its own', () => {
    const own = SYSTEM_PROCESSES.find((p) => p.env?.PROJECTIONS === 'article_state');
    expect(own?.app).toBe('projector');
  });
});
