import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';

// Vendor code split on purpose. Left alone, Rolldown merged every module that two lazy pages share into the entry, so
// the login page carried half of antd (Table, Tree, Upload…) and every page paid for it.
const codeSplitting = {
  groups: [
    // React and the router: needed by every page, change rarely, cached apart from the app.
    {
      name: 'react',
      test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
      priority: 30,
    },
    // OpenLayers only with the pages that draw a map.
    {
      name: 'ol',
      test: /node_modules[\\/](ol|rbush|quickselect|earcut|color-(space|rgba|parse|name))[\\/]/,
      priority: 20,
    },
    // The rest of the libraries the first page imports (antd's core, react-query, zod): one chunk. The parts of antd
    // only lazy pages use stay with those pages (automatic splitting).
    { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial' as const], priority: 10 },
  ],
};

// The app must work offline (内网): no CDN links, no remote fonts; everything is bundled.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    // WANGGE_API points the dev proxy at another server (e.g. a demo on another port).
    proxy: {
      '/api': { target: process.env.WANGGE_API ?? 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  build: {
    // WANGGE_WEB_DIST: another output folder, for parallel browser-test runs (apps/server/src/core/config.ts).
    outDir: process.env.WANGGE_WEB_DIST || 'dist',
    emptyOutDir: true,
    // OpenLayers is large by nature; it is its own chunk, loaded with the map pages only.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: { codeSplitting },
      treeshake: {
        // @wangge/shared is schemas and constants: a page that uses one schema need not carry the other hundred. The
        // exceptions: zod-csp, which switches zod's eval-based compiler off under our CSP (script-src 'self'), and the
        // index that imports it first, before any schema is built; dropped, zod's eval probe breaks the CSP.
        moduleSideEffects: (id: string) =>
          /[\\/]packages[\\/]shared[\\/]src[\\/]/.test(id) && !/[\\/](zod-csp|index)\.ts$/.test(id)
            ? false
            : undefined,
      },
    },
  },
});
