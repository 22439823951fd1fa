import type { Device } from '../../../server/src/contract';
import {
  actAsDevice,
  deviceStorageKey,
  forgetDevice,
  listenDeviceRefused,
  pageDevice,
  pageDeviceToken,
  readDevice,
  reportDeviceRefused,
  setPageDevice,
  storeDevice,
  subscribePageDevice,
  type KeyValueStore,
  type StoredDevice,
} from '../../../ui-shared/src/device';

/** An in-memory stand-in for localStorage. */
class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A store that throws on every call, like storage in some locked-down kiosk profiles. */
const brokenStore: KeyValueStore = {
  getItem() {
    throw new Error('SecurityError');
  },
  setItem() {
    throw new Error('QuotaExceededError');
  },
  removeItem() {
    throw new Error('SecurityError');
  },
};

const TOKEN = '_GmhOMajo3xEGMBsnV1-T4GqscESB_L_cqGoejkh3AU';

function kiosk(overrides: Partial<Device> = {}): StoredDevice {
  return {
    token: TOKEN,
    device: {
      id: 3,
      kind: 'kiosk',
      name: 'Kiosk 1 – sảnh tầng 1',
      pairedAt: '2026-11-28T04:03:10.946Z',
      lastSeenAt: '2026-11-28T04:03:10.963Z',
      counterId: null,
      serviceIds: null,
      counterIds: null,
      ...overrides,
    },
  };
}

describe('storeDevice() and readDevice()', () => {
  test('keep an identity under luot.device.<kind> and read it back', () => {
    const store = new MemoryStore();

    expect(storeDevice(kiosk(), store)).toBe(true);

    expect([...store.items.keys()]).toEqual(['luot.device.kiosk']);
    expect(readDevice('kiosk', store)).toEqual(kiosk());
    expect(readDevice('display', store)).toBeNull();
  });

  test('store and read the name in NFC, whatever form it was written in', () => {
    const store = new MemoryStore();
    const nfd = 'Kiosk sảnh tầng 1'.normalize('NFD');
    storeDevice(kiosk({ name: nfd }), store);
    expect(store.getItem('luot.device.kiosk')).toContain('Kiosk sảnh tầng 1'.normalize('NFC'));

    store.setItem('luot.device.kiosk', JSON.stringify(kiosk({ name: nfd })));

    expect(readDevice('kiosk', store)?.device.name).toBe('Kiosk sảnh tầng 1'.normalize('NFC'));
  });

  test.each([
    ['not JSON', '{"token":'],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['no token', JSON.stringify({ device: kiosk().device })],
    ['a malformed token', JSON.stringify({ ...kiosk(), token: 'short' })],
    ['a token with spaces', JSON.stringify({ ...kiosk(), token: `${TOKEN} x` })],
    ['no device', JSON.stringify({ token: TOKEN })],
    ['a device of another kind', JSON.stringify(kiosk({ kind: 'display' }))],
    ['a non-integer id', JSON.stringify(kiosk({ id: 1.5 }))],
    ['a string id', JSON.stringify({ ...kiosk(), device: { ...kiosk().device, id: '3' } })],
    [
      'a name that is not text',
      JSON.stringify({ ...kiosk(), device: { ...kiosk().device, name: 7 } }),
    ],
    ['a pairing time that is not a time', JSON.stringify(kiosk({ pairedAt: 'hôm qua' }))],
  ])('read null for corrupt storage: %s', (_label, raw) => {
    const store = new MemoryStore();
    store.setItem(deviceStorageKey('kiosk'), raw);
    expect(readDevice('kiosk', store)).toBeNull();
  });

  test('read a device never seen since pairing', () => {
    const store = new MemoryStore();
    storeDevice(kiosk({ lastSeenAt: null }), store);
    expect(readDevice('kiosk', store)?.device.lastSeenAt).toBeNull();
  });

  test('do not throw when storage is missing or throws', () => {
    expect(readDevice('kiosk', null)).toBeNull();
    expect(readDevice('kiosk', brokenStore)).toBeNull();
    expect(storeDevice(kiosk(), null)).toBe(false);
    expect(storeDevice(kiosk(), brokenStore)).toBe(false);
    expect(() => forgetDevice('kiosk', brokenStore)).not.toThrow();
  });
});

describe('forgetDevice()', () => {
  test('removes only the identity of its kind', () => {
    const store = new MemoryStore();
    storeDevice(kiosk(), store);
    storeDevice(kiosk({ kind: 'display', id: 4 }), store);

    forgetDevice('kiosk', store);

    expect(readDevice('kiosk', store)).toBeNull();
    expect(readDevice('display', store)?.device.id).toBe(4);
  });
});

describe('the page identity', () => {
  test('actAsDevice() loads what was stored; setPageDevice() stores, forgets and notifies', () => {
    const store = new MemoryStore();
    storeDevice(kiosk(), store);
    const changes: (StoredDevice | null)[] = [];
    const unsubscribe = subscribePageDevice(() => changes.push(pageDevice()));

    actAsDevice('kiosk', store);
    expect(pageDeviceToken()).toBe(TOKEN);

    const renamed = kiosk({ name: 'Kiosk tầng 2' });
    setPageDevice(renamed);
    expect(readDevice('kiosk', store)).toEqual(renamed);

    setPageDevice(null);
    expect(pageDeviceToken()).toBeNull();
    expect(store.items.size).toBe(0);

    unsubscribe();
    expect(changes).toEqual([kiosk(), renamed, null]);
  });

  test('keeps the identity in memory when storage refuses it', () => {
    actAsDevice('kiosk', brokenStore);
    expect(pageDevice()).toBeNull();

    setPageDevice(kiosk());

    expect(pageDeviceToken()).toBe(TOKEN);
  });

  test('reports a refusal only for the token the page still holds', () => {
    actAsDevice('kiosk', new MemoryStore());
    setPageDevice(kiosk());
    let refusals = 0;
    const unsubscribe = listenDeviceRefused(() => refusals++);

    reportDeviceRefused('an-older-token-from-before-re-pairing');
    expect(refusals).toBe(0);
    reportDeviceRefused(TOKEN);
    expect(refusals).toBe(1);

    unsubscribe();
    reportDeviceRefused(TOKEN);
    expect(refusals).toBe(1);
  });
});
