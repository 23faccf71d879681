import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build` puts the admin web app (apps/admin-web/vite.config.mts); run from the repository root. */
export const WEB_ROOT = resolve(process.cwd(), 'dist', 'admin-web');

/**
 * The built admin web app at `/`, any other path outside the API answered with its index.html so
 * its routes (/board, /articles/:id) load on a reload. Without a build (an API started from source
 * before `npm run build`), nothing is served: the API alone, as before.
 */
export function webApp(root = WEB_ROOT): DynamicModule[] {
  if (!existsSync(join(root, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: root,
      // /news and /feeds are the public output's (apps/editorial-api/src/public).
      exclude: ['/api/{*path}', '/health{*path}', '/metrics', '/news{*path}', '/feeds{*path}'],
      serveStaticOptions: {
        // Hashed assets never change under their name; index.html names the current ones.
        setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
          res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
      },
    }),
  ];
}
