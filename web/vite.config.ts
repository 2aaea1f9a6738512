/**
 * The web UI's build: a single-page app written to dist/web, which `repatria serve` serves
 * at `/`. In development (`npx vite --config web/vite.config.ts`) the API calls go to a
 * server already listening on :8080, so that the UI is served from the same origin as the
 * API and the session cookie (SameSite=Strict) is sent.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** This folder, whatever directory the build is started from. */
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

/** Paths of the API, proxied in development; the UI's own pages use other paths. */
const API_PATHS = [
  '/sessions',
  '/people',
  '/program-facts',
  '/statistics',
  '/audit',
  '/flights',
  '/manifests',
  '/plans',
  '/timeline',
  '/sweep',
  '/notices',
  '/court-orders',
  '/health',
  '/info',
  '/openapi.json',
];

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    // The output lies outside this folder: say explicitly that it is ours to empty.
    emptyOutDir: true,
    // The chart library alone is larger than the default warning size.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, 'http://127.0.0.1:8080'])),
  },
});
