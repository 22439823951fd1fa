import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Device, DeviceResponse } from '@luot/contract';
import { ApiRequestError, apiGet } from '@luot/ui-shared/api';
import {
  listenDeviceRefused,
  pageDevice,
  pageDeviceToken,
  setPageDevice,
  subscribePageDevice,
  type StoredDevice,
} from '@luot/ui-shared/device';
import { resetSocket } from '@luot/ui-shared/socket';

/** What `useKioskDevice` gives the kiosk. */
export interface KioskDevice {
  /** The paired kiosk this page is, or null while unpaired. */
  device: Device | null;
  /** The server refused the stored token (the device was revoked) since the page opened. */
  revoked: boolean;
  /** Keeps the identity a pairing just returned and reconnects the socket with it. */
  paired(next: StoredDevice): void;
}

/**
 * The kiosk's own identity. At start it checks the stored token with
 * `GET /api/devices/me` (and takes the name the admin may have changed); whenever the
 * server refuses the token — that check, any request, or the socket handshake — it forgets
 * it and reconnects the socket without it, so the kiosk carries on unpaired or pairs again.
 */
export function useKioskDevice(): KioskDevice {
  const stored = useSyncExternalStore(subscribePageDevice, pageDevice);
  const [revoked, setRevoked] = useState(false);

  useEffect(
    () =>
      listenDeviceRefused(() => {
        setPageDevice(null);
        setRevoked(true);
        resetSocket();
      }),
    [],
  );

  useEffect(() => {
    const start = pageDevice();
    if (!start) return;
    apiGet<DeviceResponse>('/api/devices/me').then(
      ({ device }) => {
        if (pageDeviceToken() === start.token) setPageDevice({ token: start.token, device });
      },
      (error: unknown) => {
        // A refusal is handled above; unreachable, the kiosk keeps its identity and the
        // socket handshake will tell once the server is back.
        if (!(error instanceof ApiRequestError && error.code === 'unauthenticated')) {
          console.warn('Luot: could not check the kiosk identity', error);
        }
      },
    );
  }, []);

  const paired = useCallback((next: StoredDevice) => {
    setPageDevice(next);
    setRevoked(false);
    resetSocket();
  }, []);

  return { device: stored?.device ?? null, revoked, paired };
}
