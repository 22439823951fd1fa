import { CounterRepo } from '../../../server/src/storage/counter-repo';
import { DeviceRepo } from '../../../server/src/storage/device-repo';
import { PrinterRepo } from '../../../server/src/storage/printer-repo';
import { ServiceRepo } from '../../../server/src/storage/service-repo';
import { useTwoServiceDb } from '../../support/two-service-db';

/**
 * The active services and counters are kept between reads (storage/table-cache.ts) and
 * must still follow every change, whoever writes it, and never keep one rolled back.
 */
describe('the cached services and counters', () => {
  const store = useTwoServiceDb();
  const codes = () => new ServiceRepo(store.db).listActive().map((s) => s.code);

  test('follow a change written by plain SQL, not through the repo', () => {
    // Arrange
    expect(codes()).toEqual(['DKKD', 'DDTN']);

    // Act
    store.db.run("UPDATE services SET active = 0 WHERE code = 'DKKD'");

    // Assert
    expect(codes()).toEqual(['DDTN']);
  });

  test('show a transaction its own change and forget it when it rolls back', () => {
    // Arrange
    expect(codes()).toEqual(['DKKD', 'DDTN']);
    const seenInside: string[][] = [];

    // Act
    expect(() =>
      store.db.transaction(() => {
        store.db.run("UPDATE services SET code = 'RENAMED' WHERE code = 'DKKD'");
        seenInside.push(codes(), codes());
        throw new Error('roll back');
      }),
    ).toThrow('roll back');

    // Assert
    expect(seenInside).toEqual([
      ['RENAMED', 'DDTN'],
      ['RENAMED', 'DDTN'],
    ]);
    expect(codes()).toEqual(['DKKD', 'DDTN']);
  });

  test('follow a clerk’s name and a counter’s services', () => {
    // Arrange
    const staffId = Number(
      store.db.run(
        `INSERT INTO staff (username, display_name, role, password_hash, created_at)
         VALUES ('lan', 'Lan', 'clerk', 'x', 0)`,
      ).lastInsertRowid,
    );
    const counterId = Number(
      store.db.run('INSERT INTO counters (number, name, staff_id) VALUES (1, ?, ?)', [
        'Quầy 1',
        staffId,
      ]).lastInsertRowid,
    );
    const counters = () =>
      new CounterRepo(store.db).list().map((c) => ({ staff: c.staffName, services: c.services }));
    expect(counters()).toEqual([{ staff: 'Lan', services: [] }]);

    // Act
    store.db.run("UPDATE staff SET display_name = 'Ngọc Lan' WHERE id = ?", [staffId]);
    store.db.run('INSERT INTO counter_services (counter_id, service_id, tier) VALUES (?, ?, 1)', [
      counterId,
      store.serviceA,
    ]);

    // Assert
    expect(counters()).toEqual([
      { staff: 'Ngọc Lan', services: [{ serviceId: store.serviceA, tier: 1 }] },
    ]);
  });

  test('a revoked device token fails on the very next lookup', () => {
    // Arrange
    const devices = new DeviceRepo(store.db);
    store.db.run(
      `INSERT INTO devices (id, kind, name, token_hash, paired_at, created_at)
       VALUES (7, 'kiosk', 'Kiosk 1', 'hash-7', 0, 0)`,
    );
    expect(devices.byTokenHash('hash-7')?.id).toBe(7);
    expect(devices.byTokenHash('unknown')).toBeUndefined();

    // Act
    store.db.run('UPDATE devices SET revoked_at = 1 WHERE id = 7');

    // Assert
    expect(devices.byTokenHash('hash-7')).toBeUndefined();
  });

  test('follow a printer added, its status, and its removal', () => {
    // Arrange
    const printers = new PrinterRepo(store.db);
    expect(printers.activeDefault()).toBeUndefined();

    // Act
    store.db.run(
      `INSERT INTO printers (id, name, target, is_default, created_at)
       VALUES (3, 'Quầy in', 'tcp://127.0.0.1:9100', 1, 0)`,
    );
    const added = printers.activeDefault();
    store.db.run(`UPDATE printers SET last_status = '{"paperOut":true}' WHERE id = 3`);
    const status = printers.activeDefault()?.lastStatus;
    store.db.run('UPDATE printers SET deleted_at = 1, active = 0 WHERE id = 3');

    // Assert
    expect(added?.id).toBe(3);
    expect(status).toEqual({ paperOut: true });
    expect(printers.activeDefault()).toBeUndefined();
  });

  test('a service by id, inactive ones included, follows a rename', () => {
    // Arrange
    const services = new ServiceRepo(store.db);
    store.db.run('UPDATE services SET active = 0 WHERE id = ?', [store.serviceA]);
    expect(services.get(store.serviceA)?.code).toBe('DKKD');

    // Act
    store.db.run("UPDATE services SET code = 'MOI' WHERE id = ?", [store.serviceA]);

    // Assert
    expect(services.get(store.serviceA)?.code).toBe('MOI');
    expect(services.get(9_999)).toBeUndefined();
  });

  test('are frozen, so no caller can change what the others read', () => {
    // Act
    const services = new ServiceRepo(store.db).listActive();

    // Assert
    expect(Object.isFrozen(services)).toBe(true);
    expect(Object.isFrozen(services[0])).toBe(true);
  });
});
