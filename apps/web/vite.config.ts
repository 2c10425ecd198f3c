import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app must work offline (内网): no CDN links, no remote fonts; everything is bundled.
export default defineConfig({
  plugins: [react()],
  server: {
    // WANGGE_API points the dev proxy at another server (e.g. a demo on another port).
    proxy: { '/api': { target: process.env.WANGGE_API ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and OpenLayers are large by nature; the map and admin pages are lazy chunks.
    chunkSizeWarningLimit: 1600,
  },
});
