import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = process.env.CODECARD_API_PORT ?? '3001';

/**
 * The web app: built into web/dist and served by the API server (`npm start`); in development
 * (`npm run dev`) Vite serves it with hot reload and forwards /api to the API server.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Pages are split into their own chunks; the report says what the first load costs.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: Number(process.env.PORT ?? 3000),
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
});
