import { startWhileDatabaseAway } from './start-while-database-away';

// The database-cut e2e saw a projector exit: the cut came while it was still starting, and the
// start's "terminating connection" was taken as fatal.

const cut = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const refusedRole = () => Object.assign(new Error('permission denied for table events'), { code: '42501' });

describe('starting the projector while the database is away', () => {
  it('starts again after each cut connection, waiting longer each time', async () => {
    const failures = [cut(), cut(), cut()];
    const waits: number[] = [];
    const started = await startWhileDatabaseAway(
      async () => {
        const err = failures.shift();
        if (err) throw err;
        return 'running';
      },
      () => undefined,
      async (ms) => void waits.push(ms),
    );
    expect(started).toBe('running');
    expect(waits).toEqual([250, 500, 1000]);
  });

  it('fails at once for anything but a lost connection', async () => {
    const waits: number[] = [];
    await expect(
      startWhileDatabaseAway(
        () => Promise.reject(refusedRole()),
        () => undefined,
        async (ms) => void waits.push(ms),
      ),
    ).rejects.toThrow('permission denied');
    expect(waits).toEqual([]);
  });
});
