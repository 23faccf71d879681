import type { RedactionNotice } from './field-envelope';
import { FieldKeyStore, type FieldKeyRecord, type WrappedFieldKey } from './field-key-store';

/** The key store for specs that use the memory event store; same contract as PostgreSQL's. */
export class InMemoryFieldKeyStore extends FieldKeyStore {
  private readonly live = new Map<string, WrappedFieldKey>();
  private readonly destroyed = new Map<string, RedactionNotice>();

  async insert(keys: readonly WrappedFieldKey[]): Promise<void> {
    const taken = keys.find((k) => this.live.has(k.kid));
    if (taken) throw new Error(`field key ${taken.kid} exists`);
    for (const k of keys) this.live.set(k.kid, { ...k, wrapped: Buffer.from(k.wrapped) });
  }

  async fetch(kids: readonly string[]): Promise<Map<string, FieldKeyRecord>> {
    const found = new Map<string, FieldKeyRecord>();
    for (const kid of kids) {
      const key = this.live.get(kid);
      const notice = this.destroyed.get(kid);
      if (key) found.set(kid, { live: key });
      else if (notice) found.set(kid, { destroyed: notice });
    }
    return found;
  }

  async destroy(kids: readonly string[], notice: RedactionNotice): Promise<number> {
    let n = 0;
    for (const kid of new Set(kids)) {
      if (!this.live.delete(kid)) continue;
      this.destroyed.set(kid, { ...notice });
      n++;
    }
    return n;
  }
}
