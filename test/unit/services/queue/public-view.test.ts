import { publicView, STAFF_ONLY_FIELDS } from '../../../../server/src/services/queue/public-view';

describe('publicView()', () => {
  const ticket = { id: 7, number: 'A007', note: 'Thiếu bản sao CCCD', closeReason: null };

  test('nulls the staff-only fields of tickets at any depth, in objects and arrays', () => {
    // Arrange
    const payload = {
      ticket,
      counters: [{ id: 1, currentTicket: { ...ticket, closeReason: 'Hủy theo yêu cầu' } }],
      waiting: { '1': 3 },
    };

    // Act
    const shown = publicView(payload);

    // Assert
    expect(shown).toEqual({
      ticket: { id: 7, number: 'A007', note: null, closeReason: null },
      counters: [
        { id: 1, currentTicket: { id: 7, number: 'A007', note: null, closeReason: null } },
      ],
      waiting: { '1': 3 },
    });
    expect(STAFF_ONLY_FIELDS).toEqual(['note', 'closeReason']);
  });

  test('keeps the fields it is told to keep (the cancel reason, for the ticket holder)', () => {
    // Act
    const shown = publicView({ ticket: { ...ticket, closeReason: 'Hủy' } }, ['closeReason']);

    // Assert
    expect(shown.ticket).toMatchObject({ note: null, closeReason: 'Hủy' });
  });

  test('leaves the original alone and objects that are not tickets as they are', () => {
    // Arrange: an object with a `note` but no `closeReason` is no ticket (a print job, say).
    const other = { id: 1, note: 'giữ nguyên', items: [1, 'a', null] };

    // Act
    const shown = publicView({ ticket, other });

    // Assert
    expect(shown.other).toEqual(other);
    expect(ticket.note).toBe('Thiếu bản sao CCCD');
    expect(publicView(null)).toBeNull();
    expect(publicView('A007')).toBe('A007');
  });
});
