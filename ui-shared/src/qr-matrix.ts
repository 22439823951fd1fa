/** The modules of a QR code: `size` × `size`, dark or light, row by row. */
export interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

/** Light modules kept around the code so that phone cameras find its edges (the standard's 4). */
export const QR_QUIET_ZONE = 4;

/**
 * An SVG path drawing every dark module as a unit square, offset by the quiet zone;
 * runs of dark modules in a row become one rectangle to keep the path short.
 */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row += 1) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col += 1;
      parts.push(
        `M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${col - start}v1h-${col - start}z`,
      );
    }
  }
  return parts.join('');
}
