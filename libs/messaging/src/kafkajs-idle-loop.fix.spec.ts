import { fixKafkajsIdleLoop } from './kafkajs-idle-loop.fix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const aQueue = (maxInFlightRequests?: number) =>
  new RequestQueue({ maxInFlightRequests, requestTimeout: 30_000, clientId: 'spec', broker: 'b:9092', logger: quiet });

const aRequest = (correlationId: number, sent: number[]) => ({
  entry: { correlationId, apiKey: 1, apiName: 'Fetch', apiVersion: 11 },
  expectResponse: true,
  sendRequest: () => sent.push(correlationId),
});

describe("kafkajs's request queue, fixed", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is applied to the kafkajs this project runs', () => {
    expect(fixKafkajsIdleLoop()).toBe(true);
  });

  it('sets no timer while nothing waits (kafkajs 2.2.4 spun a 1 ms timer for ever)', () => {
    const queue = aQueue();
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request held back by the in-flight limit once a slot frees', () => {
    const sent: number[] = [];
    const queue = aQueue(1);
    queue.push(aRequest(1, sent));
    queue.push(aRequest(2, sent));
    expect(sent).toEqual([1]);
    queue.inflight.delete(1);
    jest.advanceTimersByTime(10);
    expect(sent).toEqual([1, 2]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request held back by the broker throttling the client, when the throttle ends', () => {
    const sent: number[] = [];
    const queue = aQueue();
    queue.maybeThrottle(500);
    queue.push(aRequest(1, sent));
    jest.advanceTimersByTime(499);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(20);
    expect(sent).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
