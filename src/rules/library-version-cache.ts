import type { LibraryContext } from '../library/library-context.ts';
import { currentLibraryVersions } from './library-versions.ts';

/** Which documents an index is built from: the NCCI edit files, or everything else. */
export type IndexScope = 'ncci-edits' | 'reference';

/**
 * A per-org, per-process cache of something built from the library, rebuilt when the documents
 * it reads change (any import or removal in its scope gives a new version). CLI, API and jobs
 * share it, so a batch pays the build once.
 */
export function libraryVersionCache<T>(
  scope: IndexScope,
  build: (ctx: LibraryContext) => Promise<T>,
): (ctx: LibraryContext) => Promise<T> {
  const cache = new Map<string, { version: string; value: Promise<T> }>();
  const load = async (ctx: LibraryContext): Promise<T> => {
    const version = await versionOf(ctx, scope);
    const cached = cache.get(ctx.orgId);
    if (cached && cached.version === version) return cached.value;
    // A build reads in several transactions (yielding between them), so an import that commits
    // meanwhile would leave a mix of two versions: such a build is thrown away and redone.
    const value = build(ctx).then(async (built) => {
      if ((await versionOf(ctx, scope)) === version) return built;
      if (cache.get(ctx.orgId)?.value === value) cache.delete(ctx.orgId);
      return load(ctx);
    });
    cache.set(ctx.orgId, { version, value });
    value.catch(() => {
      if (cache.get(ctx.orgId)?.value === value) cache.delete(ctx.orgId);
    });
    return value;
  };
  return load;
}

async function versionOf(ctx: LibraryContext, scope: IndexScope): Promise<string> {
  const versions = await currentLibraryVersions(ctx);
  return scope === 'ncci-edits' ? versions.ncci : versions.reference;
}
