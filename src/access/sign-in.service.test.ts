import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { codecardFailure } from '../../test/support/codecard-failure.ts';
import type { AccessContext } from './access-context.ts';
import { defaultAccessPolicy, lockDuration } from './access-policy.ts';
import { addUser } from './add-user.service.ts';
import { signInWithPassword } from './sign-in.service.ts';

const PASSWORD = 'a long enough passphrase';

describe('password sign-in', () => {
  let library: TestLibrary;
  let clock = new Date('2026-12-04T10:00:00Z');
  let access: AccessContext;

  beforeAll(async () => {
    library = await openTestLibrary();
    access = { db: library.ctx.db, policy: defaultAccessPolicy, now: () => clock };
    await addUser(access, {
      email: 'Coder@Example.org',
      role: 'coder',
      orgId: 'default',
      instanceAdmin: false,
      password: PASSWORD,
    });
  });
  afterAll(async () => library.opened.close());

  test('the right password signs in (email case and spaces do not matter)', async () => {
    const signedIn = await signInWithPassword(access, '  coder@EXAMPLE.org ', PASSWORD);
    expect(signedIn.orgId).toBe('default');
  });

  test('a wrong password and an unknown account fail alike', async () => {
    const wrong = await codecardFailure(signInWithPassword(access, 'coder@example.org', 'nope'));
    const unknown = await codecardFailure(signInWithPassword(access, 'who@example.org', 'nope'));
    expect(wrong.code).toBe('SIGN_IN_FAILED');
    expect(unknown.code).toBe('SIGN_IN_FAILED');
    expect(unknown.message).toBe(wrong.message);
    // A success clears the failures counted so far.
    await signInWithPassword(access, 'coder@example.org', PASSWORD);
  });

  test('repeated failures lock the account with a doubling back-off, even for the right password', async () => {
    for (let i = 0; i < defaultAccessPolicy.freeFailures; i++) {
      await codecardFailure(signInWithPassword(access, 'coder@example.org', `guess ${i}`));
    }
    const locked = await codecardFailure(signInWithPassword(access, 'coder@example.org', PASSWORD));
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    expect(locked.params.seconds).toBe(defaultAccessPolicy.lockBaseMs / 1000);

    clock = new Date(clock.getTime() + defaultAccessPolicy.lockBaseMs + 1);
    // One more failure after the lock ends locks it for twice as long.
    await codecardFailure(signInWithPassword(access, 'coder@example.org', 'guess again'));
    const longer = await codecardFailure(signInWithPassword(access, 'coder@example.org', PASSWORD));
    expect(longer.params.seconds).toBe((2 * defaultAccessPolicy.lockBaseMs) / 1000);

    clock = new Date(clock.getTime() + 2 * defaultAccessPolicy.lockBaseMs + 1);
    expect((await signInWithPassword(access, 'coder@example.org', PASSWORD)).orgId).toBe('default');
  });

  test('the back-off is capped', () => {
    expect(lockDuration(defaultAccessPolicy, 4)).toBe(0);
    expect(lockDuration(defaultAccessPolicy, 5)).toBe(30_000);
    expect(lockDuration(defaultAccessPolicy, 6)).toBe(60_000);
    expect(lockDuration(defaultAccessPolicy, 500)).toBe(defaultAccessPolicy.lockMaxMs);
  });

  test('short passwords are refused when an account is made', async () => {
    const weak = await codecardFailure(
      addUser(access, {
        email: 'weak@example.org',
        role: 'viewer',
        orgId: 'default',
        instanceAdmin: false,
        password: 'short',
      }),
    );
    expect(weak.code).toBe('WEAK_PASSWORD');
  });
});
