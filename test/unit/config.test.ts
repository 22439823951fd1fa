import path from 'node:path';
import { loadConfig } from '../../server/src/config';

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected the action to throw');
}

describe('loadConfig()', () => {
  test('starts with no variables at all, on the documented defaults', () => {
    // Act
    const config = loadConfig({});

    // Assert
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('data'),
      databaseFile: path.join(path.resolve('data'), 'luot.db'),
      adminPassword: undefined,
      // Unset: the centre's own setting decides (Asia/Ho_Chi_Minh until an admin changes it).
      timeZone: undefined,
      centreName: undefined,
      seedDemo: true,
      demoSize: 'default',
      backupKeep: 14,
      logLevel: 'info',
    });
  });

  test('resolves the data folder to an absolute path with the database file inside it', () => {
    // Arrange
    const relative = path.join('var', 'luot-data');

    // Act
    const config = loadConfig({ LUOT_DATA_DIR: relative });

    // Assert
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir).toBe(path.resolve(relative));
    expect(config.databaseFile).toBe(path.join(path.resolve(relative), 'luot.db'));
  });

  test('reads every variable it knows', () => {
    // Act
    const config = loadConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      LUOT_DATA_DIR: '/srv/luot',
      LUOT_ADMIN_PASSWORD: 'correct horse battery staple',
      LUOT_TIME_ZONE: 'Asia/Bangkok',
      LUOT_CENTRE_NAME: 'Bộ phận Một cửa huyện',
      LUOT_DEMO: 'false',
      LUOT_BACKUP_KEEP: '30',
      LOG_LEVEL: 'warn',
    });

    // Assert
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/luot'),
      databaseFile: path.join(path.resolve('/srv/luot'), 'luot.db'),
      adminPassword: 'correct horse battery staple',
      timeZone: 'Asia/Bangkok',
      centreName: 'Bộ phận Một cửa huyện',
      seedDemo: false,
      demoSize: 'default',
      backupKeep: 30,
      logLevel: 'warn',
    });
  });

  test('accepts port 0, which asks the system for a free port', () => {
    // Act
    const config = loadConfig({ PORT: '0' });

    // Assert
    expect(config.port).toBe(0);
  });

  test.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['false', false],
  ])('reads LUOT_DEMO=%s as %p', (value, expected) => {
    // Act
    const config = loadConfig({ LUOT_DEMO: value });

    // Assert
    expect(config.seedDemo).toBe(expected);
  });

  test('reads LUOT_DEMO=large as the large demo centre, and LUOT_CENTRE_LOGO as a path', () => {
    // Act
    const config = loadConfig({ LUOT_DEMO: 'large', LUOT_CENTRE_LOGO: 'logo.png' });

    // Assert
    expect(config).toMatchObject({
      seedDemo: true,
      demoSize: 'large',
      centreLogo: path.resolve('logo.png'),
    });
  });

  test('treats an empty admin password as none', () => {
    // Act
    const config = loadConfig({ LUOT_ADMIN_PASSWORD: '' });

    // Assert
    expect(config.adminPassword).toBeUndefined();
  });

  test('refuses an admin password shorter than ten characters, naming LUOT_ADMIN_PASSWORD', () => {
    // Act
    const short = () => loadConfig({ LUOT_ADMIN_PASSWORD: '123456789' });
    const long = loadConfig({ LUOT_ADMIN_PASSWORD: '1234567890' });

    // Assert
    expect(short).toThrow(/LUOT_ADMIN_PASSWORD: must be at least 10 characters/);
    expect(long.adminPassword).toBe('1234567890');
  });

  test('stores the centre name in NFC so decomposed Vietnamese compares equal', () => {
    // Arrange
    const decomposed = 'Trung tâm Hành chính công'.normalize('NFD');

    // Act
    const config = loadConfig({ LUOT_CENTRE_NAME: decomposed });

    // Assert
    expect(config.centreName).toBe('Trung tâm Hành chính công'.normalize('NFC'));
    expect(config.centreName).not.toBe(decomposed);
  });

  test.each(['abc', '70000', '65536', '-1', '80.5', '8080abc'])(
    'refuses PORT=%s with an error naming PORT',
    (port) => {
      // Act
      const error = errorOf(() => loadConfig({ PORT: port }));

      // Assert
      expect(error.message).toMatch(/^Invalid configuration: .*\bPORT\b/);
    },
  );

  test.each(['', ' '])('refuses a blank PORT=%j instead of listening on a random port', (port) => {
    // Act
    const act = () => loadConfig({ PORT: port });

    // Assert
    expect(act).toThrow(/\bPORT\b/);
  });

  test.each(['Asia/Hanoi', 'Mars/Olympus_Mons', 'Asia/Ho Chi Minh'])(
    'refuses the unknown time zone %j with an error naming LUOT_TIME_ZONE',
    (zone) => {
      // Act
      const error = errorOf(() => loadConfig({ LUOT_TIME_ZONE: zone }));

      // Assert
      expect(error.message).toMatch(/^Invalid configuration: .*LUOT_TIME_ZONE/);
      expect(error.message).toContain('not a known IANA time zone');
    },
  );

  test('names every bad variable in one message', () => {
    // Act
    const error = errorOf(() =>
      loadConfig({ PORT: 'eighty', LUOT_TIME_ZONE: 'Nowhere/Land', LUOT_DEMO: 'yes' }),
    );

    // Assert
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('LUOT_TIME_ZONE');
    expect(error.message).toContain('LUOT_DEMO');
  });

  test.each([
    ['LUOT_DATA_DIR', ''],
    ['HOST', ''],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses %s=%j with an error naming it', (name, value) => {
    // Act
    const error = errorOf(() => loadConfig({ [name]: value }));

    // Assert
    expect(error.message).toContain(name);
  });
});
