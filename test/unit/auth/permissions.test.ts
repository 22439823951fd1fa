import fs from 'node:fs';
import path from 'node:path';
import {
  allowedBeforePasswordChange,
  can,
  PERMISSIONS,
  PRINCIPALS,
  refusal,
} from '../../../server/src/auth/permissions';

describe('the permission table', () => {
  test('docs/security.md shows the same table, row for row', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../../docs/security.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z-]+:[a-z-]+)` *\|(.*)\|[^|]*\|$/gm)].map(
      ([, permission, marks]) => [
        permission,
        (marks ?? '')
          .split('|')
          .map((cell, i) => (cell.includes('✓') ? PRINCIPALS[i] : null))
          .filter(Boolean),
      ],
    );

    expect(Object.fromEntries(rows)).toEqual(PERMISSIONS);
    expect(rows).toHaveLength(Object.keys(PERMISSIONS).length);
  });

  test('is exactly this: any change to who may do what shows up here', () => {
    expect(PERMISSIONS).toEqual({
      'queue:read': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'ticket:issue': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'ticket:rate': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'centre:logo': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'ticket:track': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'auth:sign-in': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'device:pair-request': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'device:self': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'print:report': ['anonymous', 'clerk', 'supervisor', 'admin'],
      'session:read': ['clerk', 'supervisor', 'admin'],
      'password:change': ['clerk', 'supervisor', 'admin'],
      'counter:operate': ['clerk', 'supervisor', 'admin'],
      'ticket:handle': ['clerk', 'supervisor', 'admin'],
      'counter:manage-floor': ['supervisor', 'admin'],
      'printers:read': ['supervisor', 'admin'],
      'settings:read': ['supervisor', 'admin'],
      'settings:write': ['admin'],
      'catalogue:read': ['supervisor', 'admin'],
      'catalogue:write': ['admin'],
      'staff:manage': ['admin'],
      'sessions:manage': ['admin'],
      'devices:manage': ['admin'],
      'printers:manage': ['admin'],
      'monitor:read': ['supervisor', 'admin'],
      'reports:read': ['supervisor', 'admin'],
      'audit:read': ['admin'],
      'config:export': ['supervisor', 'admin'],
      'config:import': ['admin'],
      'backups:manage': ['admin'],
    });
  });

  test('never grants a staff permission to anonymous without granting it to every role', () => {
    for (const [permission, holders] of Object.entries(PERMISSIONS)) {
      if ((holders as readonly string[]).includes('anonymous')) {
        expect([permission, holders]).toEqual([permission, PRINCIPALS]);
      }
    }
  });

  test('admins hold every permission', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can('admin', permission)).toBe(true);
    }
  });
});

describe('refusal()', () => {
  const clerk = { role: 'clerk' as const, mustChangePassword: false };

  test.each([
    [null, 'staff:manage', 'unauthenticated'],
    [clerk, 'staff:manage', 'forbidden'],
    [clerk, 'counter:operate', null],
    [null, 'queue:read', null],
    [{ ...clerk, mustChangePassword: true }, 'counter:operate', 'password_change_required'],
    [{ ...clerk, mustChangePassword: true }, 'password:change', null],
    [{ ...clerk, mustChangePassword: true }, 'session:read', null],
    [{ ...clerk, mustChangePassword: true }, 'queue:read', null],
    [{ ...clerk, mustChangePassword: true }, 'staff:manage', 'forbidden'],
  ] as const)('%j asking for %s → %s', (staff, permission, expected) => {
    expect(refusal(staff, permission)).toBe(expected);
  });

  test('before a password change, only public permissions, me and change-password are allowed', () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter(
      allowedBeforePasswordChange,
    );
    expect(allowed.sort()).toEqual(
      [
        'auth:sign-in',
        'device:pair-request',
        'device:self',
        'password:change',
        'print:report',
        'queue:read',
        'session:read',
        'ticket:issue',
        'ticket:rate',
        'centre:logo',
        'ticket:track',
      ].sort(),
    );
  });
});
