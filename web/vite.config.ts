import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page is static: built into dist-web/ with relative paths, so it can be served from any folder.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: '../dist-web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  // Module workers, as the page starts them: the numeric library waits for its WebAssembly at the top level.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173 },
});
