import type { CommandRunner } from '../services/core/command-runner';
import type { Repos } from '../storage/repos';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords';

/**
 * Creates the admin account when there is none, at start-up. A generated password is
 * returned so it can be printed once, and must be changed at first sign-in; a
 * configured one (LUOT_ADMIN_PASSWORD, set by installers and tests) need not be.
 */
export async function ensureAdmin(
  repos: Repos,
  runner: CommandRunner,
  configuredPassword: string | undefined,
): Promise<{ username: string; password: string; generated: boolean } | null> {
  if (repos.staff.countByRole('admin') > 0) return null;
  if (configuredPassword !== undefined && configuredPassword.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`LUOT_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const generated = configuredPassword === undefined;
  const password = configuredPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  runner.run({ scope: 'staff:first-admin', request: null }, (context) =>
    repos.staff.insert(
      {
        username: 'admin',
        displayName: 'Quản trị viên',
        role: 'admin',
        passwordHash,
        mustChangePassword: generated,
      },
      context.at,
    ),
  );
  return { username: 'admin', password, generated };
}
