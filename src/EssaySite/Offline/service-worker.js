// The site's service worker: after a first visit it keeps the essay, the guide, the class packet and the files they
// use, so that a class whose connection fails can go on reading. OFFLINE (the line above this one) is written by the
// server for each content version: { cache, urls }. Pages are fetched from the network first, so a reader online
// always gets the latest, and from the copy kept here when the network fails or is too slow; the fingerprinted
// files (?v=…) never change, so the kept copy is used first.
const PREFIX = "essaysite " + self.registration.scope + " ";
const CACHE = PREFIX + OFFLINE.cache;
const SLOW = 4000; // ms before a page kept here is shown instead of waiting longer for the network

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(OFFLINE.urls)).then(() => self.skipWaiting()));
});

// A new content version replaces the old copy: every other cache of this site is deleted.
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) { return; }
  if (request.mode === "navigate" && !url.search) {
    event.respondWith(networkFirst(request, event));
  } else if (url.searchParams.has("v") && !url.pathname.endsWith(".json")) {
    event.respondWith(cacheFirst(request));
  }
  // Anything else (a search, the search index) goes to the network as if there were no worker.
});

function networkFirst(request, event) {
  return caches.open(CACHE).then((cache) => {
    const kept = () => cache.match(request, { ignoreVary: true });
    const network = fetch(request).then((response) => {
      if (response.ok && response.type === "basic") { event.waitUntil(cache.put(request, response.clone())); }
      return response;
    });
    const slow = new Promise((resolve) => { setTimeout(resolve, SLOW); }).then(kept).then((hit) => hit || network);
    // The loser of the race may fail later with no one waiting for it; that is not an error worth reporting.
    network.catch(() => {});
    slow.catch(() => {});
    return Promise.race([network, slow]).catch(() => kept().then((hit) => hit || network));
  });
}

function cacheFirst(request) {
  return caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok && response.type === "basic") { cache.put(request, response.clone()); }
    return response;
  })));
}
