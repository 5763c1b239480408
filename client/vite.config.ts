// The web client's build. Run from the repo root with
// `vite build --config client/vite.config.ts`; root is pinned to this folder
// so the command works from anywhere.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const root = fileURLToPath(new URL('.', import.meta.url));
// The Tandem server the dev server forwards to (`npm run dev` sets it from PORT).
const server = process.env['TANDEM_SERVER_URL'] ?? 'http://127.0.0.1:8080';
const wsServer = server.replace(/^http/, 'ws');

export default defineConfig({
  root,
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Source maps show the whole client's source to anyone who asks: only when asked for.
    sourcemap: process.env['CLIENT_SOURCEMAPS'] === 'true',
    rollupOptions: {
      // The app, the embed example page, and the embeddable board as an ES
      // module at a stable URL (/embed/tandem-board.js) whose exports are kept.
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        'embed-example': fileURLToPath(new URL('embed-example.html', import.meta.url)),
        'tandem-board': fileURLToPath(new URL('src/embed/index.ts', import.meta.url)),
      },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) => (chunk.name === 'tandem-board' ? 'embed/tandem-board.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    // The Host header is left as the dev server's own (no changeOrigin): the
    // server compares a socket's Origin with Host, and both say :5173 here.
    proxy: {
      '/ws': { target: wsServer, ws: true },
      '/api': { target: server },
      '/healthz': { target: server },
    },
  },
  preview: {
    proxy: {
      '/ws': { target: wsServer, ws: true },
      '/api': { target: server },
      '/healthz': { target: server },
    },
  },
});
