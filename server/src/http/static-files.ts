// Serves the built client (client/dist). Files are read once at start: the
// bundle is small and immutable for the life of the process.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Router } from './router.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

const PLACEHOLDER = `<!doctype html><meta charset="utf-8"><title>Tandem</title>
<body style="font-family:system-ui;margin:3rem;max-width:40rem">
<h1>Tandem is running</h1>
<p>The server is up: the socket is at <code>/ws</code>, accounts at <code>/api/auth/*</code>,
health at <a href="/healthz">/healthz</a>. The web client has not been built into <code>client/dist</code>.</p>`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** A client route (/p/WEB/item/12) has no file extension; a missing file (/assets/x.js.map) does. */
const looksLikeFile = (url: string) => /\.[a-z0-9]+$/i.test(url);

/** `policy`: the Content-Security-Policy of the pages and of the files they load (security-headers.ts). */
export function registerStaticFiles(routes: Router, distDir: string, policy: string): void {
  const files = new Map<string, { body: Buffer; type: string }>();
  if (existsSync(join(distDir, 'index.html'))) {
    for (const path of walk(distDir)) {
      files.set('/' + relative(distDir, path).split('\\').join('/'), {
        body: readFileSync(path),
        type: TYPES[extname(path)] ?? 'application/octet-stream',
      });
    }
  }
  const index = files.get('/index.html') ?? { body: Buffer.from(PLACEHOLDER), type: TYPES['.html']! };

  routes.get('/*', ({ url }, res) => {
    // Client-side routes all get the app's index page. A missing file is a
    // 404, not the page: a source map that was not built must not answer 200.
    const file = files.get(url) ?? (url.startsWith('/api/') || looksLikeFile(url) ? null : index);
    if (!file) return res.end('404 Not Found', { 'Content-Type': 'text/plain; charset=utf-8' }, 'not found');
    const headers: Record<string, string> = { 'Content-Type': file.type, 'Content-Security-Policy': policy };
    if (url.startsWith('/assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
    // A host page on another origin loads the embeddable board as a module
    // script, which browsers fetch with CORS. The bundle holds no secrets.
    if (url.startsWith('/assets/') || url.startsWith('/embed/')) headers['Access-Control-Allow-Origin'] = '*';
    res.end('200 OK', headers, file.body);
  });
}
