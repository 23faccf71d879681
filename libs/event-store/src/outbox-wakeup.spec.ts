import { WakeupCoalescer } from './outbox-wakeup';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Lets the sends settle and the spacing timer run. */
const settle = () => jest.advanceTimersByTimeAsync(10);

describe('the outbox wake-up coalescer', () => {
  it('sends one wake-up for pokes that come while one is in flight, and one more after it', async () => {
    const sends: Array<ReturnType<typeof deferred>> = [];
    const c = new WakeupCoalescer(() => {
      const d = deferred();
      sends.push(d);
      return d.promise;
    }, 5);

    c.poke();
    c.poke();
    c.poke();
    expect(sends).toHaveLength(1);

    sends[0].resolve();
    await settle();
    expect(sends).toHaveLength(2);

    sends[1].resolve();
    await settle();
    expect(sends).toHaveLength(2);
  });

  it('keeps waking after a wake-up that failed', async () => {
    let calls = 0;
    const c = new WakeupCoalescer(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
    }, 5);

    c.poke();
    await settle();
    c.poke();
    await settle();

    expect(calls).toBe(2);
  });
});
