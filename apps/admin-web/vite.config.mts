import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The API `npm run dev:web` proxies to; `npm start` serves the built app itself.
const api = process.env.API_URL ?? 'http://localhost:3000';

const EARLY = 'src/early-requests.entry.ts';

/**
 * early-requests.entry.ts as a script of its own, the first the page runs: given to index.html
 * with the app's, it would be bundled into the app's script and run only once all of it is loaded.
 */
function earlyRequestsFirst(): Plugin {
  return {
    name: 'newsroom:early-requests-first',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }): HtmlTagDescriptor[] {
        const module = (src: string): HtmlTagDescriptor => ({
          tag: 'script',
          attrs: { type: 'module', crossorigin: true, src },
          injectTo: 'head-prepend',
        });
        // `vite` (dev): the source, as Vite serves it.
        if (!bundle) return [module(`/${EARLY}`)];
        const early = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early-requests');
        if (!early || early.type !== 'chunk') throw new Error('the early-requests chunk is missing');
        return [
          module(`/${early.fileName}`),
          // The chunks it shares with the app's script are named once, by Vite's own preloads.
          ...early.imports
            .filter((f) => !html.includes(`/${f}"`))
            .map((f): HtmlTagDescriptor => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` },
              injectTo: 'head-prepend',
            })),
        ];
      },
    },
  };
}

export default defineConfig({
  root: here('.'),
  plugins: [react(), earlyRequestsFirst()],
  resolve: {
    // The wire types, and the pure domain constants the contracts re-export; nothing else of the server.
    alias: {
      '@newsroom/contracts': here('../../libs/contracts/src/index.ts'),
      '@newsroom/editorial-domain': here('../../libs/editorial-domain/src/index.ts'),
    },
  },
  // The budget that matters is the gzipped initial JavaScript (300 KB, issue #8), not Rolldown's raw 500 kB.
  build: {
    outDir: here('../../dist/admin-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rollupOptions: { input: { index: here('index.html'), 'early-requests': here(EARLY) } },
  },
  server: { proxy: { '/api': api, '/health': api } },
});
