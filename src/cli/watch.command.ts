import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { addWatchedCodes, removeWatchedCodes, watchList } from '../performance/watch-list.ts';
import { printJson, printLine } from './output.ts';

/**
 * `codecard watch [list|add CODE…|remove CODE…] [--days N] [--json]`: the organization's watch
 * list. The command line is the operator's, as for `org` and `user`: it may edit the list.
 */
export async function runWatch(
  ctx: LibraryContext,
  args: readonly string[],
  flags: { days?: string; json: boolean },
): Promise<number> {
  const [action = 'list', ...codes] = args;
  if (action === 'list') {
    const days = flags.days === undefined ? undefined : Number(flags.days);
    if (days !== undefined && !(Number.isInteger(days) && days > 0))
      throw new CodecardError('BAD_INPUT', { detail: '--days takes a whole number of days' });
    const list = await watchList(ctx, { days });
    if (flags.json) printJson({ codes: list });
    else if (list.length === 0) printLine('The watch list is empty.');
    else
      for (const w of list)
        printLine(`${w.code.padEnd(8)} ${w.system.padEnd(8)} ${w.sources.join(', ')}`);
    return 0;
  }
  if (action !== 'add' && action !== 'remove')
    throw new CodecardError('BAD_INPUT', {
      detail: `watch takes list, add or remove, not "${action}"`,
    });
  if (codes.length === 0)
    throw new CodecardError('BAD_INPUT', { detail: `watch ${action} needs one or more codes` });
  const outcome =
    action === 'add'
      ? await addWatchedCodes(ctx, codes, null)
      : await removeWatchedCodes(ctx, codes);
  if (flags.json)
    printJson({
      [action === 'add' ? 'added' : 'removed']: outcome.changed,
      unchanged: outcome.unchanged,
    });
  else {
    const verb = action === 'add' ? 'Added' : 'Removed';
    if (outcome.changed.length > 0) printLine(`${verb}: ${outcome.changed.join(' ')}`);
    if (outcome.unchanged.length > 0)
      printLine(
        `${action === 'add' ? 'Already watched' : 'Not on the list'}: ${outcome.unchanged.join(' ')}`,
      );
  }
  return 0;
}
