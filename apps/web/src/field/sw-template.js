/* The field app's service worker (written into sw.js by vite.field.config.ts with the build's file list). */
const VERSION = '__VERSION__';
const BASE = '__BASE__';
const FILES = '__FILES__';
const CACHE = `wangge-field-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => BASE + f)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('wangge-field-') && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The shell only: API answers are kept by the app itself (IndexedDB), where it knows what they mean.
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (req.mode === 'navigate') {
    // The page: the network when there is one (a new build shows at once), the cached shell when not.
    event.respondWith(
      fetch(req).catch(() =>
        caches.match(BASE, { cacheName: CACHE }).then((r) => r || Response.error()),
      ),
    );
    return;
  }
  event.respondWith(
    caches.match(req, { cacheName: CACHE, ignoreSearch: true }).then(
      (hit) =>
        hit ||
        fetch(req).then((res) => {
          // A chunk of this build fetched late (a lazy screen) joins the cache for the next time offline.
          if (res.ok && url.pathname.startsWith(`${BASE}assets/`)) {
            const copy = res.clone();
            void caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        }),
    ),
  );
});
