// Tandem's offline shell. The page keeps unsent edits and the last state of
// each board it opened in IndexedDB (sync/idb-outbox.ts, sync/idb-board-cache.ts);
// this worker makes sure the page itself still opens without a network, so a
// reload while offline shows the saved board and replays those edits once the
// socket is back. Only the app shell is cached: the page (network
// first, cached copy when offline) and its hashed /assets (cache first: they
// never change). The socket, /api, /healthz and /metrics are never touched.
const CACHE = 'tandem-shell-v1';
const SHELL = '/index.html';

async function precache() {
  const cache = await caches.open(CACHE);
  const res = await fetch('/', { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put(SHELL, res);
  const assets = new Set(['/favicon.svg']);
  for (const m of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) assets.add(m[1]);
  await Promise.all([...assets].map((url) => cache.add(url).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const isAppRoute = (url) => !/^\/(api|ws|healthz|metrics|embed)(\/|$)/.test(url.pathname) && !/\.[a-z0-9]+$/i.test(url.pathname);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate' && isAppRoute(url)) {
    // Network first, so a new build is picked up at once; the last shell when offline.
    event.respondWith(
      fetch(request)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return res;
        })
        .catch(() => caches.match(SHELL).then((hit) => hit ?? Response.error())),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return res;
          }),
      ),
    );
  }
});
