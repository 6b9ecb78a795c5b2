import { insertOrg, listOrgs } from '../access/orgs.repository.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { printJson, printLine } from './output.ts';

const ORG_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * `codecard org list` and `codecard org add ID NAME`: organizations from the command line, for
 * whoever runs the server (the API's /api/instance/orgs does the same for instance admins).
 */
export async function runOrg(ctx: LibraryContext, args: string[], json: boolean): Promise<number> {
  const [action, id, ...name] = args;
  if (action === 'list') {
    const orgs = await listOrgs(ctx.db);
    if (json) printJson({ orgs });
    else for (const org of orgs) printLine(`${org.id}\t${org.name}`);
    return 0;
  }
  if (action !== 'add' || !id || name.length === 0) {
    throw new CodecardError('BAD_INPUT', { detail: 'usage: codecard org list | org add ID NAME' });
  }
  if (!ORG_ID.test(id)) {
    throw new CodecardError('BAD_INPUT', {
      detail: `organization id "${id}": lowercase letters, digits and dashes, 2 to 63 long`,
    });
  }
  if (!(await insertOrg(ctx.db, { id, name: name.join(' ') }))) {
    throw new CodecardError('BAD_INPUT', { detail: `organization ${id} exists already` });
  }
  if (json) printJson({ status: 'created', id });
  else
    printLine(
      `Created organization ${id}. Add its first admin: codecard user add EMAIL --org ${id} --role admin`,
    );
  return 0;
}
