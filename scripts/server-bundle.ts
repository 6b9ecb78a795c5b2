// `npm ci`/`npm install` (the prepare script) and `npm run build:server`: the server bundle
// that `npm start` runs (scripts/server-bundle-build.ts says why).
import { buildServerBundle, serverBundleDir } from './server-bundle-build.ts';

const started = performance.now();
const sources = await buildServerBundle(serverBundleDir);
console.log(
  `Server bundle: ${sources} sources into dist/server in ${Math.round(performance.now() - started)} ms`,
);
