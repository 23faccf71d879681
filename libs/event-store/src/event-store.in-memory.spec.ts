import { eventStoreContract } from './event-store.contract.fixture';
import { InMemoryEventStore } from './event-store.in-memory';

describe('the in-memory event store', () => {
  const store = new InMemoryEventStore();
  eventStoreContract(() => store);
});
