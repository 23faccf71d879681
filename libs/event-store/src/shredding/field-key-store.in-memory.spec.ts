import { fieldKeyStoreContract } from './field-key-store.contract.fixture';
import { InMemoryFieldKeyStore } from './field-key-store.in-memory';

describe('the field key store in memory', () => {
  const store = new InMemoryFieldKeyStore();
  fieldKeyStoreContract(() => store);
});
