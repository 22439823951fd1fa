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

/** What `useCounterDevice` gives the counter screen. */
export interface CounterDevice {
  /** The paired counter screen this page is, or null while unpaired. */
  device: Device | null;
  /**
   * The counter the server says this device is bound to: null when unpaired, undefined
   * until the server has answered (a stored identity may predate the field).
   */
  boundCounterId: number | null | undefined;
  /** Keeps the identity a pairing just returned and reconnects the socket with it. */
  paired(next: StoredDevice): void;
}

/**
 * The counter screen's own identity, as the kiosk keeps its own: checked at start with
 * `GET /api/devices/me` (which also says which counter it is bound to); a token the server
 * refuses is forgotten and the socket reconnects without it.
 */
export function useCounterDevice(): CounterDevice {
  const stored = useSyncExternalStore(subscribePageDevice, pageDevice);
  const [checked, setChecked] = useState<Device | null>(null);

  useEffect(
    () =>
      listenDeviceRefused(() => {
        setPageDevice(null);
        resetSocket();
      }),
    [],
  );

  useEffect(() => {
    const start = pageDevice();
    if (!start) return;
    apiGet<DeviceResponse>('/api/devices/me').then(
      ({ device }) => {
        if (pageDeviceToken() !== start.token) return;
        setChecked(device);
        setPageDevice({ token: start.token, device });
      },
      (error: unknown) => {
        if (!(error instanceof ApiRequestError && error.code === 'unauthenticated')) {
          console.warn('Luot: could not check the counter screen identity', error);
        }
      },
    );
  }, []);

  const paired = useCallback((next: StoredDevice) => {
    setPageDevice(next);
    setChecked(next.device);
    resetSocket();
  }, []);

  const device = stored?.device ?? null;
  let boundCounterId: number | null | undefined;
  if (device === null) boundCounterId = null;
  else if (checked && checked.id === device.id) boundCounterId = checked.counterId ?? null;
  else boundCounterId = typeof device.counterId === 'number' ? device.counterId : undefined;
  return { device, boundCounterId, paired };
}
