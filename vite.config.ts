import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { DEFERRED_ASSETS_FILE, DEFERRED_CACHE } from './src/app/offline-assets.ts';
import { CLINICIAN_LANGUAGE } from './src/i18n/languages.ts';
import { NAMESPACES } from './src/i18n/namespaces.ts';
import { localeBundles } from './vite-plugins/locale-bundles.ts';
import { offlineSplit } from './vite-plugins/offline-split.ts';
import { precompress } from './vite-plugins/precompress.ts';
import { reactOnPreact } from './vite-plugins/react-on-preact.ts';

// What the first visit precaches: the app shell and French; see offline-split.ts.
const split = offlineSplit({
  appEntry: 'index',
  keepLocale: CLINICIAN_LANGUAGE,
  deferredList: DEFERRED_ASSETS_FILE,
});

export default defineConfig({
  plugins: [
    react(),
    // React's API on Preact, about 50 KB gzip less on every first load: see the plugin.
    reactOnPreact(),
    localeBundles({
      localesDir: resolve(import.meta.dirname, 'public/locales'),
      namespaces: NAMESPACES,
    }),
    split.plugin,
    {
      // In development, /v is the doctor's viewer too (the relay does this in production).
      name: 'carnet-viewer-route',
      configureServer(server) {
        server.middlewares.use((req, _res, next) => {
          if (req.url && /^\/v\/?(\?|$)/.test(req.url))
            req.url = req.url.replace(/^\/v\/?/, '/viewer.html');
          next();
        });
      },
    },
    VitePWA({
      // A new version waits for the patient to tap "reload to update" (see app/UpdatePrompt).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Carnet',
        short_name: 'Carnet',
        description: 'Your health papers, encrypted on your phone.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f5f8b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The shell, its chunks (libsodium's included), icons and French work offline from
        // the first visit. Left out (offline-split.ts): the doctor's viewer, other languages'
        // bundles (the app caches the ones it uses, src/i18n/bundles.ts), pdf.js and the QR
        // decoder (cached at first use or in the background, src/app/offline-assets.ts).
        // public/locales/ holds the viewer's per-namespace files only.
        globPatterns: ['**/*.{js,mjs,css,html,json,svg,png,webmanifest,woff2,wasm}'],
        globIgnores: ['**/node_modules/**', 'locales/**'],
        // A tap on a reminder's notification opens or brings back the app.
        importScripts: ['/sw-notifications.js'],
        manifestTransforms: [split.transform],
        runtimeCaching: [
          {
            // Hashed, never-changing files that are not precached: kept once fetched.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin &&
              url.pathname.startsWith('/assets/') &&
              !url.pathname.startsWith('/assets/locales/'),
            handler: 'CacheFirst',
            options: { cacheName: DEFERRED_CACHE, expiration: { maxEntries: 30 } },
          },
        ],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: '/index.html',
        // /v is the doctor's viewer (viewer.html, served by the relay): never the app shell.
        // Nor is the import page (import-fetch.html): it loads from the relay, with its own
        // policy, when the patient imports a link from another server.
        navigateFallbackDenylist: [/^\/api\//, /^\/v(\/|$)/, /^\/import-fetch/],
        cleanupOutdatedCaches: true,
        // The first worker takes control as soon as it has precached everything, so a
        // patient who loses the network during their very first visit can still open every
        // screen. Later versions still wait for "reload to update".
        clientsClaim: true,
      },
    }),
    {
      // The doctor's page is not the patient's app: no web app manifest (no "install" offer);
      // the import page loads nothing but its script.
      name: 'carnet-viewer-no-manifest',
      enforce: 'post',
      transformIndexHtml: {
        order: 'post',
        handler: (html, ctx) =>
          ctx.filename.endsWith('viewer.html') || ctx.filename.endsWith('import-fetch.html')
            ? html.replace(/<link rel="manifest"[^>]*>/, '')
            : html,
      },
    },
    // Last: compresses everything the build wrote, the service worker included.
    precompress(),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    // Every browser Carnet supports preloads modules itself; older ones just do not preload.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // The patient app, the doctor's viewer at /v (no libsodium, no app code), and the
      // import page the app frames to fetch a link from another server (src/import-fetch/).
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        viewer: resolve(import.meta.dirname, 'viewer.html'),
        'import-fetch': resolve(import.meta.dirname, 'import-fetch.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
