import type { FastifyInstance } from 'fastify';
import { defaultAccessPolicy } from '../../src/access/access-policy.ts';
import { addUser } from '../../src/access/add-user.service.ts';
import type { Db } from '../../src/db/database.ts';

const PASSWORD = 'instance admin passphrase';

/**
 * Adds root@example.org, an instance admin of the default organization, signs in through the
 * app and returns the `cookie` header value of the session: instance-admin routes need a session.
 */
export async function instanceAdminSession(app: FastifyInstance, db: Db): Promise<string> {
  const access = { db, policy: defaultAccessPolicy, now: () => new Date() };
  await addUser(access, {
    email: 'root@example.org',
    role: 'admin',
    orgId: 'default',
    instanceAdmin: true,
    password: PASSWORD,
  });
  const signedIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: 'root@example.org', password: PASSWORD },
  });
  return `codecard_session=${signedIn.cookies.find((c) => c.name === 'codecard_session')!.value}`;
}
