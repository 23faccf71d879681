import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

// Where a canary could hide after a redaction, searched the way an outsider would: a dump of the
// database, every message of every topic, every log line, every file of an export.

/** `pg_dump` of the schema's data, as an operator would take a logical backup of it. */
export function dumpSchema(databaseUrl: string, schema: string): string {
  const run = spawnSync('pg_dump', ['--data-only', '--no-owner', '-n', schema, databaseUrl], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`pg_dump failed: ${run.stderr}`);
  return run.stdout;
}

/** Every message (key, value, headers) of every topic on the broker, read from the beginning to the end. */
export async function everyMessage(broker: string): Promise<{ topics: string[]; messages: string[] }> {
  const kafka = new Kafka({ brokers: [broker], clientId: 'canary-reader', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${p.partition}`, Number(p.high));
    }
    const messages: string[] = [];
    const consumer = kafka.consumer({ groupId: `canary-${Date.now()}` });
    await consumer.connect();
    const reached = new Map([...ends].map(([k, end]) => [k, end === 0]));
    const done = new Promise<void>((resolve) => {
      if ([...reached.values()].every(Boolean)) resolve();
      void consumer.subscribe({ topics, fromBeginning: true }).then(() =>
        consumer.run({
          eachMessage: async ({ topic, partition, message }) => {
            const headers = Object.entries(message.headers ?? {}).map(([k, v]) => `${k}=${String(v)}`);
            messages.push([message.key?.toString('utf8'), message.value?.toString('utf8'), ...headers].join('\n'));
            const key = `${topic}/${partition}`;
            if (Number(message.offset) + 1 >= ends.get(key)!) reached.set(key, true);
            if ([...reached.values()].every(Boolean)) resolve();
          },
        }),
      );
    });
    await Promise.race([
      done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the topics were not read to their end')), 60_000)),
    ]);
    await consumer.disconnect();
    return { topics, messages };
  } finally {
    await admin.disconnect();
  }
}

/** The text of every file under `dir` (process logs, an unzipped bundle). */
export function everyFile(dir: string): { files: string[]; text: string } {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return { files, text: files.map((f) => readFileSync(f, 'utf8')).join('\n') };
}

export interface Answer {
  status: number;
  text: string;
  buffer: Buffer;
  body: any;
  headers: Headers;
}

/** A small HTTP client for the system's API (a process, not in this one). */
export function apiClient(base: string) {
  const tokens = new Map<string, string>();
  const call = async (
    method: string,
    path: string,
    opts: { as?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as) headers.authorization = `Bearer ${await token(opts.as)}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      redirect: 'manual',
    });
    const buffer = Buffer.from(await res.arrayBuffer());
    const text = buffer.toString('utf8');
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, text, buffer, body, headers: res.headers };
  };
  const passwords = new Map<string, string>();
  /** Signs in as a user made during the test (`as: name` then works like a demo role). */
  const knowPassword = (name: string, password: string) => passwords.set(name, password);
  const token = async (role: string) => {
    if (!tokens.has(role)) {
      const res = await call('POST', '/api/auth/login', {
        body: { email: `${role}@newsroom.test`, password: passwords.get(role) ?? 'newsroom' },
      });
      if (res.status !== 200) throw new Error(`login as ${role}: ${res.status} ${res.text}`);
      tokens.set(role, res.body.accessToken);
    }
    return tokens.get(role)!;
  };
  /** The call, which must answer `status`; its answer. */
  const expectStatus = async (status: number, ...args: Parameters<typeof call>) => {
    const res = await call(...args);
    if (res.status !== status) throw new Error(`${args[0]} ${args[1]}: ${res.status} ${res.text.slice(0, 500)}`);
    return res;
  };
  return { call, expectStatus, knowPassword };
}
