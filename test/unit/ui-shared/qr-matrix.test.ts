import { QR_QUIET_ZONE, qrPath, type QrMatrix } from '../../../ui-shared/src/qr-matrix';

/** A matrix from rows of '#' (dark) and '.' (light). */
function matrix(rows: string[]): QrMatrix {
  return { size: rows.length, isDark: (row, col) => rows[row]?.[col] === '#' };
}

describe('qrPath()', () => {
  test('draws each run of dark modules in a row as one rectangle, shifted by the quiet zone', () => {
    const q = QR_QUIET_ZONE;

    const path = qrPath(matrix(['##.', '..#', '#.#']));

    expect(path).toBe(
      `M${q} ${q}h2v1h-2z` +
        `M${q + 2} ${q + 1}h1v1h-1z` +
        `M${q} ${q + 2}h1v1h-1z` +
        `M${q + 2} ${q + 2}h1v1h-1z`,
    );
  });

  test('is empty for an all-light matrix', () => {
    expect(qrPath(matrix(['..', '..']))).toBe('');
  });
});
