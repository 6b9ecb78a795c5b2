import { printedStdout } from '../../test/support/printed-stdout.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { codecardFailure } from '../../test/support/codecard-failure.ts';
import { listOrgs } from '../access/orgs.repository.ts';
import { listMembers } from '../access/users.repository.ts';
import { loadConfig } from '../config/config.ts';
import { runOrg } from './org.command.ts';
import { runUser } from './user.command.ts';

const printed = printedStdout;

describe('codecard org and user from the command line', () => {
  let library: TestLibrary;
  const config = loadConfig({ PORT: '3123' });

  beforeAll(async () => {
    library = await openTestLibrary();
  });
  afterAll(async () => library.opened.close());

  test('org add creates an organization; a bad or taken id is refused', async () => {
    await printed(() => runOrg(library.ctx, ['add', 'north', 'North', 'clinic'], false));
    expect(await listOrgs(library.ctx.db)).toContainEqual({ id: 'north', name: 'North clinic' });
    expect(
      (await codecardFailure(runOrg(library.ctx, ['add', 'north', 'Again'], false))).code,
    ).toBe('BAD_INPUT');
    expect((await codecardFailure(runOrg(library.ctx, ['add', 'No Caps', 'x'], false))).code).toBe(
      'BAD_INPUT',
    );
  });

  test('user add without a password prints a one-time link; the first user is an admin', async () => {
    const out = await printed(() =>
      runUser(library.ctx, config, ['add', 'Lead@North.org'], { org: 'north', json: true }),
    );
    const reply = JSON.parse(out) as { status: string; link: string; role: string };
    expect(reply.status).toBe('invited');
    expect(reply.role).toBe('admin');
    expect(reply.link).toMatch(/^http:\/\/localhost:3123\/setup#token=cci_/);
    // An invite is not an account until it is redeemed.
    expect(await listMembers(library.ctx.db, 'north')).toEqual([]);
  });

  test('an unknown role or organization is refused with a clear message', async () => {
    const role = await codecardFailure(
      runUser(library.ctx, config, ['add', 'x@north.org'], { role: 'boss', json: false }),
    );
    expect(role.message).toMatch(/--role must be/);
    const org = await codecardFailure(
      runUser(library.ctx, config, ['add', 'x@north.org'], { org: 'south', json: false }),
    );
    expect(org.message).toMatch(/no organization "south"/);
  });
});
