import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const apiPort = process.env.CODECARD_API_PORT ?? '3001';

/** Text files the server sends compressed: written beside each as .br and .gz, once. */
const COMPRESSIBLE = /\.(html|js|css|json|svg|txt)$/;

/**
 * Writes the build's text files (over 1 KB) pre-compressed at the strongest levels, so the
 * server sends them without compressing each time (@fastify/static preCompressed).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'codecard-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const visit = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (statSync(path).isDirectory()) visit(path);
          else if (COMPRESSIBLE.test(name) && statSync(path).size > 1024) {
            const bytes = readFileSync(path);
            writeFileSync(
              `${path}.br`,
              brotliCompressSync(bytes, {
                params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
              }),
            );
            writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
          }
        }
      };
      visit(outDir);
    },
  };
}

/**
 * The web app: built into web/dist at install (`npm install`/`npm ci` run the `prepare`
 * script) and served by the API server (`npm start`); in development (`npm run dev`) Vite
 * serves it with hot reload and forwards /api and /health to the API server.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Pages are split into their own chunks; the report says what the first load costs.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: Number(process.env.PORT ?? 3000),
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/health': `http://127.0.0.1:${apiPort}`,
    },
  },
});
