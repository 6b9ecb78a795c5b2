// The claim-file thread's entry: worker threads do not inherit the main thread's `--import tsx`
// (nor vitest's transform), so tsx is registered inside the thread before the worker is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./claim-file.worker.ts');
