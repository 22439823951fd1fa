import { useEffect, useState } from 'react';
import type { QrMatrix } from '@luot/ui-shared/qr-matrix';

type Encoder = typeof import('@luot/ui-shared/qr-encode');

let encoder: Promise<Encoder> | null = null;

/**
 * Loads the QR encoder (the `qrcode` library, a third of the kiosk's own code) on first
 * use rather than with the page: a kiosk whose centre has no public URL never needs it.
 * A failed load is forgotten so that the next ticket tries again.
 */
function loadEncoder(): Promise<Encoder> {
  encoder ??= import('@luot/ui-shared/qr-encode').catch((error: unknown) => {
    encoder = null;
    throw error;
  });
  return encoder;
}

/** Starts loading the encoder while the visitor still chooses, so the code shows with the number. */
export function preloadQrEncoder(): void {
  // A failed preload is not an error yet: drawing the code loads again and handles it.
  loadEncoder().catch(() => undefined);
}

/**
 * The QR code of `text`: undefined while the encoder loads, null when the text does not
 * fit a QR code or the encoder cannot be loaded (the caller then shows the text alone).
 */
export function useQrMatrix(text: string): QrMatrix | null | undefined {
  const [encoded, setEncoded] = useState<{ text: string; matrix: QrMatrix | null }>();

  useEffect(() => {
    let current = true;
    loadEncoder().then(
      ({ encodeQr }) => {
        if (current) setEncoded({ text, matrix: encodeQr(text) });
      },
      (error: unknown) => {
        console.error('Luot: QR encoder did not load', error);
        if (current) setEncoded({ text, matrix: null });
      },
    );
    return () => {
      current = false;
    };
  }, [text]);

  return encoded?.text === text ? encoded.matrix : undefined;
}
