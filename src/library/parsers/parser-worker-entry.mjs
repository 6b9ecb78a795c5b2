// Piscina loads this plain module in every parser thread. The parsers are TypeScript and worker
// threads do not inherit the main thread's `--import tsx` (nor tsx's register() in bin/codecard,
// nor vitest's transform), so tsx is registered inside the thread before the worker is loaded.
import { register } from 'tsx/esm/api';

register();
const { parseInThread } = await import('./parser.worker.ts');

export { parseInThread };
