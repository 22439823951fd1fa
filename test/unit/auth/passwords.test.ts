import {
  assertStrongPassword,
  generatePassword,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordLength,
  verifyPassword,
} from '../../../server/src/auth/passwords';

describe('passwords', () => {
  test('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  test('treats the NFC and NFD forms of a Vietnamese password as the same', async () => {
    const hash = await hashPassword('Trường Sơn 2026'.normalize('NFD'));
    expect(await verifyPassword(hash, 'Trường Sơn 2026'.normalize('NFC'))).toBe(true);
  });

  test('still verifies a hash made from an unnormalized password', async () => {
    const { hash } = await import('@node-rs/argon2');
    const legacy = await hash('Mật khẩu cũ'.normalize('NFD'));
    expect(await verifyPassword(legacy, 'Mật khẩu cũ'.normalize('NFD'))).toBe(true);
  });

  test('counts characters, not UTF-16 units or combining marks', () => {
    expect(passwordLength('ậ'.normalize('NFD'))).toBe(1);
    expect(passwordLength('😀😀')).toBe(2);
  });

  test.each([
    ['x'.repeat(MIN_PASSWORD_LENGTH - 1), {}, true],
    ['x'.repeat(MIN_PASSWORD_LENGTH), {}, false],
    ['Lan.Nguyen', { username: 'lan.nguyen' }, true],
    ['old password', { currentPassword: 'old password' }, true],
  ])('assertStrongPassword(%j, %j) refuses: %s', (password, context, refused) => {
    const act = () => assertStrongPassword(password, { username: 'someone', ...context });
    if (refused) expect(act).toThrow(expect.objectContaining({ code: 'weak_password' }));
    else expect(act).not.toThrow();
  });

  test('generates unambiguous 16-character passwords that differ', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[a-hjkmnp-zA-HJ-NP-Z2-9]{16}$/);
  });
});
