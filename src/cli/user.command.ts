import { text } from 'node:stream/consumers';
import { accessPolicyFrom } from '../access/access-policy.ts';
import { addUser } from '../access/add-user.service.ts';
import { inviteLink } from '../access/setup-link.ts';
import type { Config } from '../config/config.ts';
import { isRole } from '../domain/role.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { printJson, printLine } from './output.ts';

export interface UserFlags {
  role?: string | undefined;
  org?: string | undefined;
  'instance-admin'?: boolean | undefined;
  'password-stdin'?: boolean | undefined;
  json: boolean;
}

/**
 * `codecard user add EMAIL`: with --password-stdin the account is created with the password
 * read from standard input (never from argv, which other users can see in `ps`); without it, a
 * one-time link is printed for the user to choose their own.
 */
export async function runUser(
  ctx: LibraryContext,
  config: Config,
  args: string[],
  flags: UserFlags,
): Promise<number> {
  const [action, email] = args;
  if (action !== 'add' || !email) {
    throw new CodecardError('BAD_INPUT', {
      detail:
        'usage: codecard user add EMAIL [--role R] [--org ID] [--instance-admin] [--password-stdin]',
    });
  }
  const role = flags.role ?? 'viewer';
  if (!isRole(role)) {
    throw new CodecardError('BAD_INPUT', {
      detail: `--role must be viewer, coder, librarian or admin`,
    });
  }
  const password = flags['password-stdin']
    ? (await text(process.stdin)).replace(/\r?\n$/, '')
    : null;
  const access = { db: ctx.db, policy: accessPolicyFrom(config), now: () => new Date() };
  const added = await addUser(access, {
    email,
    role,
    orgId: flags.org ?? ctx.orgId,
    instanceAdmin: flags['instance-admin'] ?? false,
    password,
  });
  const grants = `${added.role}${added.instanceAdmin ? ', instance admin' : ''}`;
  if (added.kind === 'created') {
    if (flags.json) printJson({ status: 'created', userId: added.userId, role: added.role });
    else printLine(`Created ${email} (${grants}). Sign in at the web app with this password.`);
    return 0;
  }
  const base = config.publicUrl?.origin ?? `http://localhost:${config.port}`;
  const link = inviteLink(base, added.token);
  if (flags.json) printJson({ status: 'invited', link, role: added.role });
  else {
    printLine(
      `Invited ${email} (${grants}). One-time link, valid for 1 hour, while the server runs:`,
    );
    printLine(`  ${link}`);
  }
  return 0;
}
