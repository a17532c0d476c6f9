import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // The CLI and the web harness are built beside the desktop app's main process, sharing its
      // chunks, so `advocase` and `npm run web` start from bundles instead of compiling TypeScript
      // at run time (docs/performance.md, "Start"). out/main/index.js stays where package.json says.
      // zod and kysely are hundreds of small files each; bundled, Node reads one file instead.
      externalizeDeps: { exclude: ['zod', 'kysely'] },
      outDir: 'out',
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          'main/index': resolve('src/main/index.ts'),
          'cli/index': resolve('src/core/cli/main.ts'),
          'web/index': resolve('src/web/main.ts'),
        },
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload may only require('electron'): bundle everything else into it, as CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    plugins: [react()],
    resolve: { alias: { '@shared': resolve('src/shared') } },
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
