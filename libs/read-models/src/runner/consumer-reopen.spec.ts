import { reopenWhileBrokerAway } from './consumer-reopen';

// The broker-outage e2e saw a projector exit: its consumer crashed while the broker was down, the
// reopen half a second later was refused again, and that refusal was taken as fatal.

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError' });
const denied = () => Object.assign(new Error('SASL authentication failed'), { name: 'KafkaJSSASLAuthenticationError' });
const settle = () => jest.advanceTimersByTimeAsync(10_000);

describe('reopening a crashed consumer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps trying while the broker refuses connections, and stops once one open succeeds', async () => {
    const outcomes = [refused(), refused(), refused(), undefined];
    const open = jest.fn(async () => {
      const err = outcomes.shift();
      if (err) throw err;
    });
    const onFatal = jest.fn();
    reopenWhileBrokerAway({ open, wanted: () => true, onFatal });
    for (let i = 0; i < 4; i++) await settle();
    expect(open).toHaveBeenCalledTimes(4);
    expect(onFatal).not.toHaveBeenCalled();
  });

  it('waits longer after each refusal, up to the cap', async () => {
    const delays: number[] = [];
    reopenWhileBrokerAway({
      open: () => Promise.reject(refused()),
      wanted: () => delays.length < 5,
      onRetry: (_err, _attempt, retryInMs) => delays.push(retryInMs),
      firstDelayMs: 500,
      maxDelayMs: 3000,
    });
    for (let i = 0; i < 6; i++) await settle();
    expect(delays).toEqual([500, 1000, 2000, 3000, 3000]);
  });

  it('stops the projector when the broker refuses it for another reason than being away', async () => {
    const onFatal = jest.fn();
    reopenWhileBrokerAway({ open: () => Promise.reject(denied()), wanted: () => true, onFatal });
    await settle();
    expect(onFatal).toHaveBeenCalledWith(expect.objectContaining({ name: 'KafkaJSSASLAuthenticationError' }));
  });

  it('gives up quietly once the consumer is stopping', async () => {
    const open = jest.fn(() => Promise.reject(refused()));
    const onFatal = jest.fn();
    reopenWhileBrokerAway({ open, wanted: () => false, onFatal });
    await settle();
    expect(open).not.toHaveBeenCalled();
    expect(onFatal).not.toHaveBeenCalled();
  });
});
