import type { OutgoingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every answer: nosniff, no framing (CSP frame-ancestors 'none' and
 * X-Frame-Options), no X-Powered-By, and a CSP that the same-origin apps work with: /api/docs'
 * Swagger UI (its own scripts, inline styles, data: images) and a Vite-built web app (module
 * scripts and CSS files from 'self'). No upgrade-insecure-requests: a deployment on plain HTTP
 * (docker compose on a LAN) would otherwise break its own pages.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'frame-ancestors': ["'none'"],
        'connect-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
  });
}

/**
 * The headers `handler` sets on an answer, recorded once: helmet's are the same for every request
 * (no nonce, no per-request directive), so a path that answers outside Express (PublicFastPath)
 * sends exactly these instead of running eleven middlewares per request.
 */
export function headersOf(handler: RequestHandler): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const res = {
    setHeader: (name: string, value: string) => void (headers[name] = value),
    removeHeader: (name: string) => void delete headers[name],
  };
  let nexted = false;
  void handler({} as Request, res as unknown as Response, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    nexted = true;
  });
  if (!nexted) throw new Error('the security headers middleware did not finish synchronously');
  return headers;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Keeps a path to clients on this machine: others get a 404, as if it did not exist. Reads the
 * socket's own address, never X-Forwarded-For, which any client can write.
 */
export function onlyFromThisMachine(prefix: string): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith(prefix) || LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
    res.status(404).json({ statusCode: 404, error: 'Not Found', message: `Cannot ${req.method} ${req.path}` });
  };
}
