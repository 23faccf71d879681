import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

const KAFKA_DIR = join(__dirname, '..', '..', '..', 'infra', 'kafka');
const KAFKA_DIR_FROM_SOURCE = join(__dirname, '..', '..', 'infra', 'kafka');

/**
 * A broker of the campaign's own, from the same jars and server.properties as `infra/infra.sh`,
 * on free ports and a data directory in /tmp: the campaign stops and restarts it at will without
 * touching the broker a developer's `npm start` (or another suite) is using.
 */
export class PrivateBroker {
  readonly address: string;
  private child: ChildProcess | null = null;

  private constructor(
    private readonly dir: string,
    private readonly config: string,
    private readonly kafkaDir: string,
    port: number,
  ) {
    this.address = `127.0.0.1:${port}`;
  }

  static async create(): Promise<PrivateBroker> {
    const kafkaDir = [KAFKA_DIR, KAFKA_DIR_FROM_SOURCE].find((d) => existsSync(join(d, 'server.properties')));
    if (!kafkaDir || !existsSync(join(kafkaDir, 'lib'))) {
      throw new Error(
        'the Kafka jars are missing: run `bash infra/infra.sh up` once (it fetches them into infra/kafka/lib)',
      );
    }
    const [port, controllerPort] = [await freePort(), await freePort()];
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-chaos-kafka-'));
    const config = join(dir, 'server.properties');
    const base = readFileSync(join(kafkaDir, 'server.properties'), 'utf8')
      .replaceAll(':9092', `:${port}`)
      .replaceAll(':9093', `:${controllerPort}`)
      .replace(/^log\.dirs=.*$/m, `log.dirs=${join(dir, 'data')}`);
    writeFileSync(config, base);
    mkdirSync(join(dir, 'data'));
    const broker = new PrivateBroker(dir, config, kafkaDir, port);
    execFileSync(
      javaBin(),
      [...broker.jvmArgs(), 'kafka.tools.StorageTool', 'format', '--standalone', '-t', randomUUID(), '-c', config],
      { stdio: 'ignore' },
    );
    return broker;
  }

  /** The broker's JVM while it runs: `bench:system` counts its CPU with the apps'. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the broker and resolves once it answers metadata requests. */
  async start(): Promise<void> {
    if (this.child) return;
    const out = openSync(join(this.dir, 'kafka.log'), 'a');
    this.child = spawn(javaBin(), [...this.jvmArgs(), 'kafka.Kafka', this.config], {
      cwd: this.kafkaDir,
      stdio: ['ignore', out, out],
    });
    const child = this.child;
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    await this.ready();
  }

  /** Stops it as `infra.sh kafka-stop` does (SIGTERM: a controlled shutdown), or with SIGKILL. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Resolves once a client can list the brokers; the time this returns is "the broker is reachable". */
  async ready(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const kafka = new Kafka({
      brokers: [this.address],
      clientId: 'chaos-probe',
      logLevel: logLevel.NOTHING,
      connectionTimeout: 500,
      retry: { retries: 0 },
    });
    for (;;) {
      const admin = kafka.admin();
      try {
        await admin.connect();
        const { brokers } = await admin.describeCluster();
        if (brokers.length > 0) return;
      } catch {
        if (Date.now() > deadline) throw new Error(`the private broker did not answer within ${timeoutMs} ms`);
        if (!this.child) throw new Error(`the private broker exited; see ${join(this.dir, 'kafka.log')}`);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private jvmArgs(): string[] {
    return [
      ...jvmOptionsOf(this.kafkaDir),
      `-Dlog4j2.configurationFile=${join(this.kafkaDir, 'log4j2.properties')}`,
      '-Dnewsroom.kafka.log.level=WARN',
      '-cp',
      `${join(this.kafkaDir, 'lib')}/*`,
    ];
  }
}

function javaBin(): string {
  const home = process.env.JAVA_HOME;
  return home && existsSync(join(home, 'bin', 'java')) ? join(home, 'bin', 'java') : 'java';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** infra/kafka/jvm.options, as infra.sh reads it: the broker's JVM is the one `npm start` runs. */
export function jvmOptionsOf(kafkaDir: string): string[] {
  return readFileSync(join(kafkaDir, 'jvm.options'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}
