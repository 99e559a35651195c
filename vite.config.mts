import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** Prints what the first page loads (entry chunk, its static imports and their CSS), gzipped: budget 300 kB. */
function initialBundleSize(): Plugin {
  return {
    name: 'ikz-initial-bundle-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      const visit = (name: string) => {
        const chunk = bundle[name];
        if (!chunk || chunk.type !== 'chunk' || files.has(name)) return;
        files.add(name);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        chunk.imports.forEach(visit);
      };
      for (const [name, chunk] of Object.entries(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) visit(name);
      const bytes = [...files].reduce((sum, name) => {
        const file = bundle[name];
        return sum + gzipSync(file.type === 'chunk' ? file.code : file.source).length;
      }, 0);
      const kb = (bytes / 1024).toFixed(1);
      this.info(`initial bundle (${files.size} files, fonts excluded): ${kb} kB gzipped (budget 300 kB)`);
      if (bytes > 300 * 1024) this.error(`initial bundle ${kb} kB gzipped exceeds the 300 kB budget`);
    },
  };
}

/**
 * The web console (src/console/) is built into dist/console, which the server serves at `/`
 * (src/console-host/). `npm run console:dev` serves it with hot reload and forwards the API to a
 * server on port 3000.
 */
export default defineConfig({
  root: 'src/console',
  base: '/',
  plugins: [react(), initialBundleSize()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/docs-json': 'http://localhost:3000' } },
});
