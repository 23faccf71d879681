import { isBrokerAway } from './group-timeouts';

// During a broker restart the chaos campaign saw a projector exit: kafkajs crashed its consumer with
// KafkaJSGroupCoordinatorNotFound, which it does not restart, and the projector took that as fatal.

const kafkajsError = (name: string, message: string, cause?: Error) =>
  Object.assign(new Error(message, cause && { cause }), { name });

describe('a consumer crash while the broker restarts', () => {
  it('is the broker being away when no group coordinator is found yet', () => {
    expect(isBrokerAway(kafkajsError('KafkaJSGroupCoordinatorNotFound', 'Failed to find group coordinator'))).toBe(
      true,
    );
  });

  it('is the broker being away when retries ran out on a refused connection', () => {
    const refused = kafkajsError('KafkaJSConnectionError', 'connect ECONNREFUSED 127.0.0.1:9092');
    expect(isBrokerAway(kafkajsError('KafkaJSNonRetriableError', refused.message, refused))).toBe(true);
  });

  it('is not the broker being away when the client is refused access', () => {
    expect(isBrokerAway(kafkajsError('KafkaJSSASLAuthenticationError', 'SASL SCRAM authentication failed'))).toBe(
      false,
    );
  });
});
