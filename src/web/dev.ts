import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'vite';
import { webRoot } from './web-build.ts';

/**
 * `npm run dev`: the API server on CODECARD_API_PORT (default 3001), restarted when its code
 * changes, and Vite's dev server on PORT (default 3000) with hot reload, forwarding /api.
 */
const apiPort = process.env.CODECARD_API_PORT ?? '3001';
const api = spawn(
  process.execPath,
  ['--import', 'tsx', '--watch', 'src/main.ts', 'serve', '--port', apiPort],
  {
    stdio: 'inherit',
    env: { ...process.env, CODECARD_SKIP_WEB_BUILD: '1', CODECARD_API_PORT: apiPort },
  },
);
const vite = await createServer({ configFile: join(webRoot, 'vite.config.ts') });
await vite.listen();
vite.printUrls();
const stop = () => {
  api.kill('SIGTERM');
  void vite.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
