// The server's TypeScript bundled into plain JavaScript in dist/server, so `npm start` (bin/codecard) loads a
// few files instead of compiling ~400 modules through tsx on every first start (about a second
// of a start that must listen within three). Packages stay external: they load from
// node_modules as before. The list of sources the bundle was made from is written beside it;
// bin/codecard runs the bundle only while none of them changed since, else the sources.
import { build, type Plugin } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Where `npm start` looks for the bundle (bin/server-bundle.mjs). */
export const serverBundleDir = join(root, 'dist', 'server');

/**
 * Every module keeps its own `import.meta.url`: code finds files beside it (package.json,
 * samples, migrations, worker entries) by its own place in src/, which a bundle would otherwise
 * change to dist/server/. The URL is written relative to the bundle, so the clone can move.
 */
function keepModuleUrls(outdir: string): Plugin {
  return {
    name: 'keep-module-urls',
    setup(bundle) {
      bundle.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (/import\.meta\.(dirname|filename)/.test(source))
          throw new Error(`${relative(root, path)}: use import.meta.url (the bundle rewrites it)`);
        const fromBundle = relative(outdir, path).split('\\').join('/');
        return {
          contents: source.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          ),
          loader: 'ts',
        };
      });
    },
  };
}

/** Bundles the server into `outdir` (emptied first); returns how many sources went in. */
export async function buildServerBundle(outdir: string): Promise<number> {
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { main: join(root, 'src', 'cli', 'main.ts') }, // exports runCli
    outdir,
    bundle: true,
    splitting: true, // the CLI's commands stay lazily loaded, one chunk each
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root, // the metafile's input paths are relative to it
    plugins: [keepModuleUrls(outdir)],
  });
  const inputs = [
    'package.json',
    ...Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/')),
  ];
  await writeFile(join(outdir, 'inputs.txt'), `${inputs.join('\n')}\n`);
  return inputs.length;
}
