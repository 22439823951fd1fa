import { useTwoServiceDb } from '../../support/two-service-db';

const ISSUED = Date.UTC(2026, 10, 27, 2, 0, 0);

describe('the tickets table', () => {
  const store = useTwoServiceDb();

  let token = 0;
  function insertTicket(row: {
    serviceId: number;
    day: string;
    sequence: number;
    number: string;
    status?: string;
  }) {
    token += 1;
    return store.db.run(
      `INSERT INTO tickets (service_id, day, sequence, number, status, issued_at, tracking_token,
         original_service_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.serviceId,
        row.day,
        row.sequence,
        row.number,
        row.status ?? 'waiting',
        ISSUED,
        `token-${token}`,
        row.serviceId,
      ],
    );
  }

  const ticketCount = () => store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets')?.n;

  test('refuses a second ticket with the same number for the same service and day', () => {
    // Arrange
    insertTicket({ serviceId: store.serviceA, day: '2026-11-27', sequence: 1, number: 'A001' });

    // Act
    const act = () =>
      insertTicket({ serviceId: store.serviceA, day: '2026-11-27', sequence: 2, number: 'A001' });

    // Assert
    expect(act).toThrow(
      /UNIQUE constraint failed: tickets\.service_id, tickets\.day, tickets\.number/,
    );
    expect(ticketCount()).toBe(1);
  });

  test('refuses a second ticket with the same sequence for the same service and day', () => {
    // Arrange
    insertTicket({ serviceId: store.serviceA, day: '2026-11-27', sequence: 1, number: 'A001' });

    // Act
    const act = () =>
      insertTicket({ serviceId: store.serviceA, day: '2026-11-27', sequence: 1, number: 'A001b' });

    // Assert
    expect(act).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    expect(ticketCount()).toBe(1);
  });

  test('accepts the same number on another day or for another service', () => {
    // Arrange
    insertTicket({ serviceId: store.serviceA, day: '2026-11-27', sequence: 1, number: 'A001' });

    // Act
    insertTicket({ serviceId: store.serviceA, day: '2026-11-28', sequence: 1, number: 'A001' });
    insertTicket({ serviceId: store.serviceB, day: '2026-11-27', sequence: 1, number: 'A001' });

    // Assert
    expect(ticketCount()).toBe(3);
  });

  test('refuses a ticket of a service that does not exist', () => {
    // Act
    const act = () =>
      insertTicket({ serviceId: 999, day: '2026-11-27', sequence: 1, number: 'Z001' });

    // Assert
    expect(act).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
  });

  test('refuses a status outside the ticket life', () => {
    // Act
    const act = () =>
      insertTicket({
        serviceId: store.serviceA,
        day: '2026-11-27',
        sequence: 1,
        number: 'A001',
        status: 'lost',
      });

    // Assert
    expect(act).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }));
  });
});
