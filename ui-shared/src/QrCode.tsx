import { QR_QUIET_ZONE, qrPath, type QrMatrix } from './qr-matrix';

interface Props {
  /** The encoded code, from `encodeQr`. */
  matrix: QrMatrix;
  /** Width and height in CSS pixels. */
  size: number;
  /** What a screen reader says for the code. */
  label: string;
}

/** A QR code drawn as crisp SVG: black on white, with its quiet zone. */
export function QrCode({ matrix, size, label }: Props) {
  const extent = matrix.size + 2 * QR_QUIET_ZONE;
  return (
    <svg
      className="qr-code"
      data-testid="qr-code"
      viewBox={`0 0 ${extent} ${extent}`}
      width={size}
      height={size}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={qrPath(matrix)} fill="#000" />
    </svg>
  );
}
