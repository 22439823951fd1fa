import { CounterRepo } from '../../../server/src/storage/counter-repo';
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

  test('are frozen, so no caller can change what the others read', () => {
    // Act
    const services = new ServiceRepo(store.db).listActive();

    // Assert
    expect(Object.isFrozen(services)).toBe(true);
    expect(Object.isFrozen(services[0])).toBe(true);
  });
});
