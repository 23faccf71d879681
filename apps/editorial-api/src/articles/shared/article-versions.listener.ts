import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { ARTICLE_VERSIONS_CHANNEL, CONTRIBUTION_VERSIONS_CHANNEL } from '@newsroom/read-models';
import { databaseConnectionOf } from '@newsroom/settings';
import { AppConfig } from '../../config/app-config';

interface Waiter {
  minVersion: number;
  wake(): void;
}

/** Hears every version the read model commits (the live stream), and when the connection was lost. */
export interface VersionsFollower {
  versions(versions: ReadonlyArray<[articleId: string, version: number]>): void;
  /** The contribution read model committed something. */
  contributions?(): void;
  /** Notifications may have been missed: `ready()` listens again. */
  lost(): void;
}

/**
 * Wakes readers waiting for an article version when the projector's batch that wrote it commits
 * (PostgreSQL LISTEN/NOTIFY on one connection of its own), instead of each reader polling. Lazy: the
 * connection opens on the first wait and reopens on the next wait after a failure; while it is down
 * a waiter simply waits out its bound.
 */
@Injectable()
export class ArticleVersionsListener implements OnApplicationShutdown {
  private readonly log = new Logger(ArticleVersionsListener.name);
  private readonly waiters = new Map<string, Set<Waiter>>();
  private readonly followers = new Set<VersionsFollower>();
  private connection?: Promise<Client>;

  constructor(private readonly config: AppConfig) {}

  /**
   * Resolves when the read model commits `minVersion` (or later) of the article (or contribution), or after
   * `timeoutMs`. Registered before it resolves: call it before reading, then read again after.
   */
  async waitFor(articleId: string, minVersion: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    let waiter: Waiter | undefined;
    let timer: NodeJS.Timeout | undefined;
    const woken = new Promise<void>((resolve) => {
      waiter = { minVersion, wake: resolve };
      timer = setTimeout(resolve, timeoutMs);
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    const set = this.waiters.get(articleId) ?? new Set();
    set.add(waiter!);
    this.waiters.set(articleId, set);
    try {
      await woken;
    } finally {
      clearTimeout(timer);
      set.delete(waiter!);
      if (set.size === 0) this.waiters.delete(articleId);
    }
  }

  /** Every committed version of every article, from now on; returns the way to stop. */
  follow(follower: VersionsFollower): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /**
   * Resolves once LISTEN is in place, so that a read made after it cannot miss a commit: true, or
   * false when the connection cannot be opened now.
   */
  ready(): Promise<boolean> {
    return this.connect().then(
      () => true,
      () => false,
    );
  }

  async onApplicationShutdown() {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.then((c) => c.end()).catch(() => undefined);
  }

  private connect(): Promise<Client> {
    this.connection ??= this.open().catch((err: Error) => {
      this.log.warn({ err: err.message }, 'Cannot listen for read-model versions; waiting out the bound instead');
      this.connection = undefined;
      throw err;
    });
    return this.connection;
  }

  private async open(): Promise<Client> {
    // The API's own connection, as its DataSource: under `npm start` DATABASE_URL is the owner's and is
    // not passed to the API, so it would fall back to the default database and hear no notification.
    const connectionString = databaseConnectionOf(this.config.env, 'api').url;
    const client = new Client({ connectionString, connectionTimeoutMillis: 5000 });
    client.on('error', (err) => {
      this.log.warn({ err: err.message }, 'Read-model version listener lost its connection');
      this.connection = undefined;
      client.end().catch(() => undefined);
      for (const f of this.followers) f.lost();
    });
    client.on('notification', (n) => this.notified(n.payload, n.channel === ARTICLE_VERSIONS_CHANNEL));
    await client.connect();
    await client.query(`LISTEN ${ARTICLE_VERSIONS_CHANNEL}`);
    // The contribution list's commits too: its readers wait by contribution id (UUIDs, so no clash).
    await client.query(`LISTEN ${CONTRIBUTION_VERSIONS_CHANNEL}`);
    return client;
  }

  private notified(payload: string | undefined, ofArticles: boolean): void {
    try {
      const { schema, versions } = JSON.parse(payload ?? '') as { schema: string; versions: [string, number][] };
      if (schema !== this.config.env.DATABASE_SCHEMA) return;
      // Followers (the live stream) announce articles by id, contributions only as "changed".
      for (const f of this.followers) {
        if (ofArticles) f.versions(versions);
        else f.contributions?.();
      }
      for (const [articleId, version] of versions) {
        for (const w of this.waiters.get(articleId) ?? []) if (version >= w.minVersion) w.wake();
      }
    } catch {
      // Not a payload of ours: nothing to wake.
    }
  }
}
