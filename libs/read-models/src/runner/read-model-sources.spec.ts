import { READ_MODELS, READ_MODEL_STREAM_PREFIX } from './projection';
import { PROJECTIONS } from './read-model.writers';

// The status report measures lag per aggregate from READ_MODEL_STREAM_PREFIX (it cannot import the
// writers); it must name the aggregate each read model's runner really follows.
describe('the aggregate each read model follows', () => {
  it.each(READ_MODELS)('%s: the status report and the runner agree', (name) => {
    expect(READ_MODEL_STREAM_PREFIX[name]).toBe(PROJECTIONS[name].source.streamPrefix);
  });

  it('keeps contribution rows apart from article rows', () => {
    const rows = READ_MODELS.map((n) => PROJECTIONS[n].rowsTable);
    expect(new Set(rows).size).toBe(rows.length);
    expect(PROJECTIONS.contribution_list.source.keyColumn).toBe('contribution_id');
  });
});
