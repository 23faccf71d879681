import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The API `npm run dev:web` proxies to; `npm start` serves the built app itself.
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // The wire types, and the pure domain constants the contracts re-export; nothing else of the server.
    alias: {
      '@newsroom/contracts': here('../../libs/contracts/src/index.ts'),
      '@newsroom/editorial-domain': here('../../libs/editorial-domain/src/index.ts'),
    },
  },
  // The budget that matters is the gzipped initial JavaScript (300 KB, issue #8), not Rolldown's raw 500 kB.
  build: { outDir: here('../../dist/admin-web'), emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': api, '/health': api } },
});
