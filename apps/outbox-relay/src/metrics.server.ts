import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** Resolves when the instance is healthy; rejects with the reason otherwise. */
export type HealthProbe = () => Promise<void>;

/** GET /metrics for Prometheus and GET /health for the orchestrator, on one small port. */
export class MetricsServer {
  private readonly server: Server;

  constructor(registry: Registry, health: HealthProbe) {
    this.server = createServer((req, res) => {
      const reply = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type }).end(body);
      };
      if (req.method === 'GET' && req.url === '/metrics') {
        registry.metrics().then(
          (text) => reply(200, registry.contentType, text),
          (err: Error) => reply(500, 'text/plain', err.message),
        );
      } else if (req.method === 'GET' && req.url === '/health') {
        health().then(
          () => reply(200, 'application/json', JSON.stringify({ status: 'ok' })),
          (err: Error) => reply(503, 'application/json', JSON.stringify({ status: 'down', reason: err.message })),
        );
      } else {
        reply(404, 'text/plain', 'not found');
      }
    });
  }

  /** Listens on `host`:`port` (0 picks a free port) and resolves with the port taken. */
  listen(port: number, host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve((this.server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
