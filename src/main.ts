import { runCli } from './cli/main.ts';

// `npm start` and `npm run dev` enter here; `bin/codecard` is the same CLI.
process.exitCode = await runCli(process.argv.slice(2));
