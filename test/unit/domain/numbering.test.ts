import { DomainError } from '../../../server/src/domain/errors';
import { formatTicketNumber } from '../../../server/src/domain/numbering';

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('formatTicketNumber()', () => {
  test.each([
    ['A', 1, 'A001'],
    ['A', 15, 'A015'],
    ['A', 999, 'A999'],
    ['A', 1000, 'A1000'],
    ['B', 12345, 'B12345'],
    ['AB', 7, 'AB007'],
    ['XYZ', 42, 'XYZ042'],
  ])('pads a letter prefix to three digits: %s + %i → %s', (prefix, sequence, expected) => {
    // Act
    const number = formatTicketNumber(prefix, sequence);

    // Assert
    expect(number).toBe(expected);
  });

  test.each([
    ['1', 15, '1015'],
    ['1', 1, '1001'],
    ['9', 999, '9999'],
    ['12', 3, '12003'],
  ])(
    'puts a digit prefix before the padded sequence: %s + %i → %s',
    (prefix, sequence, expected) => {
      // Act
      const number = formatTicketNumber(prefix, sequence);

      // Assert
      expect(number).toBe(expected);
    },
  );

  test.each(['', 'a', 'ABCD', 'A-', ' A', 'A ', 'Á', 'A\n', '١'])(
    'rejects the prefix %j with validation_failed',
    (prefix) => {
      // Act
      const error = errorOf(() => formatTicketNumber(prefix, 1));

      // Assert
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'validation_failed' });
    },
  );

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'rejects the sequence %p with validation_failed',
    (sequence) => {
      // Act
      const error = errorOf(() => formatTicketNumber('A', sequence));

      // Assert
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'validation_failed' });
    },
  );

  test('names the bad prefix in the error message', () => {
    // Act
    const error = errorOf(() => formatTicketNumber('a1', 1));

    // Assert
    expect((error as Error).message).toContain('a1');
  });
});
