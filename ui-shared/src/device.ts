import type { Device, DeviceKind } from '@luot/contract';

/**
 * The device identity a page keeps after pairing: the secret token it sends and the
 * device as the server named it. Pure of React and of DOM types, so it is unit-tested
 * with a plain store.
 */
export interface StoredDevice {
  token: string;
  device: Device;
}

/** The part of Web Storage this module uses: `localStorage` in a browser, a map in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where a page keeps its identity of one kind, e.g. `luot.device.kiosk`. */
export function deviceStorageKey(kind: DeviceKind): string {
  return `luot.device.${kind}`;
}

/** The shape of the tokens the server issues; anything else would only be refused. */
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** A stored filter: a list of ids, or null for none (and for anything malformed). */
const idList = (value: unknown): number[] | null =>
  Array.isArray(value) && value.every(isId) ? [...(value as number[])] : null;

const isTime = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * A stored identity of `kind` read back from its JSON, or null for anything else (not
 * JSON, another shape, another kind, a malformed token): the page then counts as
 * unpaired and pairing again overwrites it. The name comes back in NFC.
 */
export function parseStoredDevice(kind: DeviceKind, raw: string | null): StoredDevice | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value.token !== 'string' || !TOKEN.test(value.token)) {
    return null;
  }
  const device = value.device;
  if (
    !isObject(device) ||
    typeof device.id !== 'number' ||
    !Number.isSafeInteger(device.id) ||
    device.id <= 0 ||
    device.kind !== kind ||
    typeof device.name !== 'string' ||
    !isTime(device.pairedAt) ||
    !(device.lastSeenAt === null || isTime(device.lastSeenAt))
  ) {
    return null;
  }
  return {
    token: value.token,
    device: {
      id: device.id,
      kind,
      name: device.name.normalize('NFC'),
      pairedAt: device.pairedAt,
      lastSeenAt: device.lastSeenAt,
      // Identities stored before counters and filters were sent lack them: none.
      counterId: isId(device.counterId) ? device.counterId : null,
      serviceIds: idList(device.serviceIds),
      counterIds: idList(device.counterIds),
    },
  };
}

/** The page's `localStorage`, or null where reading it throws (locked-down profiles). */
export function browserStore(): KeyValueStore | null {
  try {
    return (globalThis as { localStorage?: KeyValueStore }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** The identity of `kind` kept in `store`; null when there is none or it is unreadable. */
export function readDevice(kind: DeviceKind, store: KeyValueStore | null): StoredDevice | null {
  try {
    return parseStoredDevice(kind, store?.getItem(deviceStorageKey(kind)) ?? null);
  } catch {
    return null;
  }
}

/**
 * Keeps an identity of its kind in `store`, the name in NFC. False when the store
 * refused it (full, private mode): the page then holds it only until reload.
 */
export function storeDevice(stored: StoredDevice, store: KeyValueStore | null): boolean {
  const value: StoredDevice = {
    token: stored.token,
    device: { ...stored.device, name: stored.device.name.normalize('NFC') },
  };
  try {
    if (!store) return false;
    store.setItem(deviceStorageKey(stored.device.kind), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Removes the identity of `kind` from `store`, if it can. */
export function forgetDevice(kind: DeviceKind, store: KeyValueStore | null): void {
  try {
    store?.removeItem(deviceStorageKey(kind));
  } catch {
    // Unwritable storage: the page forgets the identity in memory all the same.
  }
}

/** The identity this page acts as: what `api.ts` and `socket.ts` send. */
interface PageDevice {
  kind: DeviceKind;
  store: KeyValueStore | null;
  current: StoredDevice | null;
}

let page: PageDevice | null = null;
const changeListeners = new Set<() => void>();
const refusalListeners = new Set<() => void>();

/**
 * Makes this page act as a device of `kind`: the identity stored for it is sent with
 * every API request (`Authorization: Device`) and in the socket handshake. Call once,
 * before the first request. Pages that never call it stay anonymous.
 */
export function actAsDevice(kind: DeviceKind, store: KeyValueStore | null = browserStore()): void {
  page = { kind, store, current: readDevice(kind, store) };
  changeListeners.forEach((listener) => listener());
}

/** The identity the page acts as, or null (not a device page, or not paired). */
export function pageDevice(): StoredDevice | null {
  return page?.current ?? null;
}

/** The token to send, or null. */
export function pageDeviceToken(): string | null {
  return page?.current?.token ?? null;
}

/**
 * Replaces the page's identity after pairing, or after `GET /api/devices/me` renamed
 * it, and stores it; null forgets it. Listeners hear of it at once.
 */
export function setPageDevice(next: StoredDevice | null): void {
  if (!page) throw new Error('setPageDevice() before actAsDevice()');
  if (next) storeDevice(next, page.store);
  else forgetDevice(page.kind, page.store);
  page = { ...page, current: next && { token: next.token, device: { ...next.device } } };
  changeListeners.forEach((listener) => listener());
}

/** Calls back whenever the page's identity changes; returns the function that unsubscribes. */
export function subscribePageDevice(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * Told by `api.ts` and `socket.ts` that the server refused `token` as `unauthenticated`
 * (the device was revoked). Listeners hear of it only while that token is still the
 * page's, so a refusal that raced a new pairing is ignored.
 */
export function reportDeviceRefused(token: string): void {
  if (token !== pageDeviceToken()) return;
  refusalListeners.forEach((listener) => listener());
}

/**
 * Calls back when the server refuses the page's device token, so the page can forget it
 * and fall back (pair again, or carry on unpaired). Returns the function that unsubscribes.
 */
export function listenDeviceRefused(listener: () => void): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}
