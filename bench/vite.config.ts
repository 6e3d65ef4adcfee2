import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../vite.config.ts';

/**
 * The app plus the benchmark harness, built into bench/.dist so both are served from one
 * origin (the harness seeds the app's IndexedDB). Never deployed.
 */
export default mergeConfig(
  appConfig,
  defineConfig({
    root: resolve(import.meta.dirname, '..'),
    build: {
      outDir: resolve(import.meta.dirname, '.dist'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, '../index.html'),
          harness: resolve(import.meta.dirname, 'harness/index.html'),
        },
      },
    },
  }),
);
