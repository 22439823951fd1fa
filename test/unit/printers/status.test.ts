import { parseStatus } from '../../../printers/status';

describe('parseStatus()', () => {
  test('reads an idle printer as online with paper', () => {
    expect(parseStatus(0x12, 0x12, 0x12)).toEqual({
      answered: true,
      online: true,
      coverOpen: false,
      paperNearEnd: false,
      paperEnd: false,
    });
  });

  test('reads offline, cover open, paper near end and paper end bits', () => {
    expect(parseStatus(0x1a, 0x16, 0x1e)).toMatchObject({
      online: false,
      coverOpen: true,
      paperNearEnd: true,
    });
    expect(parseStatus(0x1a, 0x32, 0x72)).toMatchObject({ paperEnd: true });
  });

  test('treats bytes without the fixed bits as garbled rather than guessing', () => {
    expect(parseStatus(0x00, 0x12, 0x12)).toEqual({ answered: false, reason: 'garbled' });
  });
});
