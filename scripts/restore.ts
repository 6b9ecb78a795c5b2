// `npm run restore -- DIR`: verifies a backup's manifest and restores it into an empty database
// (DATABASE_URL, or a new CODECARD_DATA_DIR) and an empty blob directory. docs/deployment.md.
import { restore } from './restore-run.ts';
import { backupCliArgs, describeTarget } from './backup-cli.ts';

const args = backupCliArgs(process.argv.slice(2), 'npm run restore -- DIR [--blob-dir DIR]');
try {
  const manifest = await restore({
    database: args.database,
    blobDir: args.blobDir,
    fromDir: args.dir,
  });
  process.stdout.write(
    `Restored the backup of ${manifest.createdAt} (Codecard ${manifest.appVersion}, schema ` +
      `${manifest.migration}) into ${describeTarget(args.database)}.\n` +
      'Start Codecard: it migrates the schema if this version is newer.\n',
  );
} catch (error) {
  process.stderr.write(
    `restore failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
