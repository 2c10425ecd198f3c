import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './precompress.ts';

// The field app (移动端, docs/field-app.md): its own small bundle under /field/, built after the staff app into
// <dist>/field, so the staff app's entry, chunks and build settings stay as they are.
const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));
const OUT_DIR = resolve(WEB_DIR, process.env.WANGGE_WEB_DIST || 'dist', 'field');
const BASE = '/field/';

/**
 * Writes sw.js from src/field/sw-template.js with the build's file list: the service worker precaches exactly the
 * shell that was built (every hashed file, the page, the manifest and icons), and a new build is a new cache name.
 * A small hand-written worker rather than vite-plugin-pwa/workbox: it needs no generator and stays a page long.
 */
function serviceWorker(): Plugin {
  return {
    name: 'wangge-field-sw',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      const extra = ['manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'icon.svg'];
      const list = ['', ...new Set([...files.filter((f) => f !== 'index.html'), ...extra])];
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      const { readFile } = await import('node:fs/promises');
      const template = await readFile(resolve(WEB_DIR, 'src/field/sw-template.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('__VERSION__', version)
          .replace('__BASE__', BASE)
          .replace("'__FILES__'", JSON.stringify(list)),
      });
    },
  };
}

export default defineConfig({
  root: resolve(WEB_DIR, 'src/field'),
  base: BASE,
  plugins: [react(), serviceWorker(), precompress()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    // The map (OpenLayers) is loaded only by the screens that draw one.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 30,
            },
            {
              name: 'ol',
              test: /node_modules[\\/](ol|rbush|quickselect|earcut|color-(space|rgba|parse|name))[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
