/** Types of bin/server-bundle.mjs (plain JavaScript: bin/codecard loads it before any TypeScript). */
export function currentServerBundle(root?: URL): URL | null;
