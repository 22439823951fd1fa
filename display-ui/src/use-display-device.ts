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
import type { ConnectionStatus } from '@luot/ui-shared/use-queue-state';

/**
 * How often a paired display asks for its own record, which carries the filter an
 * administrator may have changed: no event announces that, and screens run for days.
 */
export const DEVICE_REFRESH_MS = 60_000;

/** What `useDisplayDevice` gives the hall screen. */
export interface DisplayDevice {
  /** The paired display this page is, with its filter; null while unpaired. */
  device: Device | null;
  /** Keeps the identity a pairing just returned and reconnects the socket with it. */
  paired(next: StoredDevice): void;
  /**
   * Whether `device` carries the server's current filter: true at once for an unpaired
   * display, for a paired one once `GET /api/devices/me` has answered or failed. Until
   * then the stored record may be stale, so the display announces nothing.
   */
  checked: boolean;
}

/**
 * Takes the device record the server has now, if the page still holds the same token;
 * `done` runs once the server has answered or the request failed (at once if unpaired).
 */
function refresh(done: () => void = () => undefined): void {
  const start = pageDevice();
  if (!start) {
    done();
    return;
  }
  apiGet<DeviceResponse>('/api/devices/me').then(
    ({ device }) => {
      if (pageDeviceToken() === start.token) setPageDevice({ token: start.token, device });
      done();
    },
    (error: unknown) => {
      done();
      // A refusal is handled by `listenDeviceRefused`; unreachable, the display keeps the
      // record it has and asks again later.
      if (!(error instanceof ApiRequestError && error.code === 'unauthenticated')) {
        console.warn('Luot: could not check the display identity', error);
      }
    },
  );
}

/**
 * The hall display's own identity. A display need not be paired: unpaired it shows every
 * call. Paired, it applies the filter stored on its device, read again at start, after each
 * reconnection and every minute. A token the server refuses (the device was revoked) is
 * forgotten and the display carries on unpaired.
 */
export function useDisplayDevice(connection: ConnectionStatus): DisplayDevice {
  const stored = useSyncExternalStore(subscribePageDevice, pageDevice);
  const [checked, setChecked] = useState(() => pageDevice() === null);

  useEffect(
    () =>
      listenDeviceRefused(() => {
        setPageDevice(null);
        resetSocket();
      }),
    [],
  );

  useEffect(() => {
    if (connection !== 'online') return;
    refresh(() => setChecked(true));
    const timer = setInterval(refresh, DEVICE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [connection]);

  const paired = useCallback((next: StoredDevice) => {
    setPageDevice(next);
    resetSocket();
  }, []);

  return { device: stored?.device ?? null, paired, checked: checked || stored === null };
}
