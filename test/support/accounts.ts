import { hashPassword } from '../../server/src/auth/passwords';
import type { Role } from '../../server/src/contract';
import { ApiClient } from './api-client';
import type { TestServer } from './test-server';

/** The password every account these tests create starts with. */
export const STAFF_PASSWORD = 'staff-password-1';

/** Creates an account straight in the database; returns its id. */
export async function addStaff(
  server: TestServer,
  username: string,
  role: Role,
  options: { mustChangePassword?: boolean; password?: string } = {},
): Promise<number> {
  const passwordHash = await hashPassword(options.password ?? STAFF_PASSWORD);
  return server.server.application.repos.staff.insert(
    {
      username,
      displayName: `Cán bộ ${username}`,
      role,
      passwordHash,
      mustChangePassword: options.mustChangePassword ?? false,
    },
    0,
  );
}

/** A client signed in over HTTP. */
export async function signedIn(
  server: TestServer,
  username: string,
  password = STAFF_PASSWORD,
): Promise<ApiClient> {
  const client = new ApiClient(server.url);
  await client.login(username, password);
  return client;
}
