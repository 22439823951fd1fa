import * as cmd from '../../../../printers/escpos/commands';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('ESC/POS commands', () => {
  test('encode reset, code table, alignment, bold and size as Epson documents them', () => {
    expect(hex(cmd.initialize())).toBe('1b40');
    expect(hex(cmd.selectCodeTable(30))).toBe('1b741e');
    expect(hex(cmd.align('center'))).toBe('1b6101');
    expect(hex(cmd.bold(true))).toBe('1b4501');
    expect(hex(cmd.charSize(2, 3))).toBe('1d2112');
  });

  test('encode feeds, cuts and status requests', () => {
    expect(hex(cmd.feedLines(4))).toBe('1b6404');
    expect(cmd.feedDots(300).map(hex)).toEqual(['1b4aff', '1b4a2d']);
    expect(hex(cmd.cut('partial'))).toBe('1d564200');
    expect(hex(cmd.cut('full'))).toBe('1d564100');
    expect(cmd.cut('none').length).toBe(0);
    expect(hex(cmd.statusRequest(4))).toBe('100404');
  });

  test('encode a QR code as model 2 GS ( k: model, size, level, store, print', () => {
    const bytes = cmd.qrCode('AB', 6, 'M');

    expect(hex(bytes)).toBe(
      '1d286b0400314132001d286b03003143061d286b03003145311d286b050031503041421d286b0300315130',
    );
  });

  test('reject values that do not fit a byte', () => {
    expect(() => cmd.selectCodeTable(256)).toThrow(RangeError);
    expect(() => cmd.charSize(9, 1)).toThrow(RangeError);
  });
});
