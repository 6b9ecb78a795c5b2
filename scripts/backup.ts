// `npm run backup -- DIR`: the database (pg_dump -Fc, or the PGlite data directory with the
// server stopped), the blob directory and a manifest with each part's SHA-256. docs/deployment.md.
import { backup } from './backup-run.ts';
import { backupCliArgs, describeTarget } from './backup-cli.ts';

const args = backupCliArgs(process.argv.slice(2), 'npm run backup -- DIR [--blob-dir DIR]');
try {
  const manifest = await backup({
    database: args.database,
    blobDir: args.blobDir,
    outDir: args.dir,
  });
  process.stdout.write(
    `Backed up ${describeTarget(args.database)} (schema ${manifest.migration}) to ${args.dir}:\n`,
  );
  for (const [name, part] of Object.entries(manifest.parts))
    process.stdout.write(`  ${name}  ${part.bytes} bytes  sha256 ${part.sha256}\n`);
} catch (error) {
  process.stderr.write(
    `backup failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
