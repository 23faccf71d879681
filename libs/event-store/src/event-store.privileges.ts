import type { DatabasePrivileges } from './database-roles';
import { ERASE_EVENT_FIELDS } from './migrations/1764300001300-erase-event-fields.migration';

/**
 * What each process may do with the event store's tables. The API appends and reads events and
 * nothing more: no UPDATE, DELETE or TRUNCATE, and, not owning the table, no trigger control. The
 * relay reads events and drains the outbox; the API counts it. The projector only reads events.
 */
export const eventStorePrivileges: DatabasePrivileges = {
  events: { grants: { api: ['SELECT', 'INSERT'], relay: ['SELECT'], projector: ['SELECT'] } },
  // The API counts the backlog for its readiness report and metrics (rows hold positions, no content).
  outbox: { grants: { api: ['SELECT', 'INSERT'], relay: ['SELECT', 'DELETE'] } },
  // Remembered answers, not history: they expire, so the API may delete them.
  idempotency_keys: { grants: { api: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] } },
  // The API manages accounts and their sessions; nobody else reads a password hash.
  users: { grants: { api: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] } },
  sessions: { grants: { api: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] } },
  // Failed-login counters: the limiter resets them on success and clears expired rows.
  login_failures_by_account: { grants: { api: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] } },
  login_failures_by_address: { grants: { api: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] } },
  typeorm_migrations: { grants: {} },
  // The global Merkle log (issue #10). Appending an event queues it (a trigger, as the appender);
  // the API sequences and signs. Nothing here can forge history: checkpoints are signed with a key
  // the database never holds, and a rewritten node no longer hashes to a signed root.
  transparency_queue: { grants: { api: ['SELECT', 'INSERT', 'DELETE'] } },
  merkle_leaves: { grants: { api: ['SELECT', 'INSERT'] } },
  merkle_nodes: { grants: { api: ['SELECT', 'INSERT'] } },
  merkle_tree: { grants: { api: ['SELECT', 'UPDATE'] } },
  audit_checkpoints: { grants: { api: ['SELECT', 'INSERT'] } },
  // Keys of encrypted fields (issue #12). The API writes them with the events and destroys them on
  // a redaction; the projector decrypts what it projects. The relay ships ciphertext: no access.
  field_keys: { grants: { api: ['SELECT', 'INSERT', 'DELETE'], projector: ['SELECT'] } },
  field_key_tombstones: { grants: { api: ['SELECT', 'INSERT'], projector: ['SELECT'] } },
  // The heavier route of a redaction (plaintext stored before encryption): the API erases field
  // values through the owner's function, and still may not UPDATE events itself.
  [ERASE_EVENT_FIELDS]: { routine: true, grants: { api: ['EXECUTE'] } },
};
