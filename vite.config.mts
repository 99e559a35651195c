import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web console (src/console/) is built into dist/console, which the server serves at `/`
 * (src/console-host/). `npm run console:dev` serves it with hot reload and forwards the API to a
 * server on port 3000.
 */
export default defineConfig({
  root: 'src/console',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/docs-json': 'http://localhost:3000' } },
});
