import { buildTestPageLayout, TEST_PAGE_DIACRITICS } from '../../../../printers';

describe('buildTestPageLayout()', () => {
  const page = {
    centreName: 'Trung tâm Phục vụ hành chính công',
    printerName: 'Máy in sảnh',
    timeZone: 'Asia/Ho_Chi_Minh',
    at: new Date('2026-11-27T02:05:00Z'),
  };
  const texts = (layout: ReturnType<typeof buildTestPageLayout>) =>
    layout.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));

  test('names the page, the centre, the printer and the time in the centre’s zone', () => {
    // Act
    const lines = texts(buildTestPageLayout(page));

    // Assert
    expect(lines.slice(0, 4)).toEqual([
      'Luot — In thử',
      'Trung tâm Phục vụ hành chính công',
      'Máy in: Máy in sảnh',
      '09:05 27/11/2026',
    ]);
  });

  test('prints every hard diacritic in composed form (NFC), even from decomposed input', () => {
    // Act
    const lines = texts(
      buildTestPageLayout({ ...page, centreName: page.centreName.normalize('NFD') }),
    );

    // Assert
    expect(lines).toContain('ẮẰẲẴẶ ắằẳẵặ Đđ ƯƠ ươ');
    expect(TEST_PAGE_DIACRITICS.normalize('NFC')).toBe(TEST_PAGE_DIACRITICS);
    expect(lines[1]).toBe(page.centreName);
  });

  test('puts the logo on top only when there is one', () => {
    // Arrange
    const logo = Uint8Array.of(0x89, 0x50, 0x4e, 0x47);

    // Act
    const withLogo = buildTestPageLayout({ ...page, logoPng: logo });
    const without = buildTestPageLayout(page);

    // Assert
    expect(withLogo.blocks[0]).toEqual({ kind: 'image', png: logo, scale: 0.4 });
    expect(without.blocks.some((b) => b.kind === 'image')).toBe(false);
  });
});
