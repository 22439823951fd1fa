import type { CentreSettings } from '../../server/src/contract/settings';
import { DEMO_SERVICES } from '../../server/src/storage/demo-centre';
import { seededRandom } from '../history/random';
import { SimClient, type RequestLog } from './http';
import type { WorkloadService } from './workload';

/**
 * Counters the simulator adds to the demo centre's twelve through the admin API, so that
 * the centre matches the 800 visits a day DOMAIN.md gives a provincial centre (which has
 * 20–40 counters): a second desk for every service and a third for the quick, busy ones
 * (by service code, best tier first).
 */
export const EXTRA_COUNTERS: readonly (readonly string[][])[] = [
  [['DKKD'], ['THUE']],
  [['DDTN'], ['XDCP']],
  [['DDTN'], []],
  [['TPLL'], ['LDTB']],
  [['XDCP'], ['DDTN']],
  [['GPLX'], []],
  [['LDTB'], ['TPLL']],
  [['THUE'], ['DKKD']],
  [['BHXH'], ['LDTB']],
  [['TKQ'], []],
  [['GPLX'], ['TKQ']],
  [['TKQ'], []],
];

/** Where a clerk sends a visitor who needs another service (by code). */
const TRANSFERS: Readonly<Record<string, string>> = {
  DKKD: 'THUE',
  THUE: 'DKKD',
  DDTN: 'XDCP',
  XDCP: 'DDTN',
  TPLL: 'LDTB',
  LDTB: 'BHXH',
  BHXH: 'LDTB',
  GPLX: 'TKQ',
  TKQ: 'BHXH',
};

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const GIVEN = ['Thị Lan', 'Văn Minh', 'Thị Hoa', 'Quốc Huy', 'Thu Trang', 'Đức Anh', 'Ngọc Mai'];

/** What the simulation knows of the centre once it is set up. */
export interface SimCentre {
  settings: CentreSettings;
  services: WorkloadService[];
  counters: { id: number; number: number; serviceIds: number[] }[];
  /** Username and password of the clerk of each counter, by counter id. */
  clerks: Map<number, { username: string; password: string }>;
  kioskTokens: string[];
  displayTokens: string[];
}

interface CatalogueAnswer {
  services: {
    id: number;
    code: string;
    name: string;
    targetWaitMinutes: number;
    active: boolean;
  }[];
  counters: { id: number; number: number; tiers: number[][]; active: boolean }[];
}

function expect2xx<T>(answer: { status: number; body: T }, what: string): T {
  if (answer.status < 200 || answer.status >= 300)
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * Sets the demo centre up as a realistic centre through the admin API: opening hours
 * enforced, twelve more counters, one clerk account per counter, kiosks and hall displays
 * paired the way a device pairs (request, admin approval, poll).
 */
export async function setUpCentre(options: {
  url: string;
  adminPassword: string;
  seed: string;
  kiosks: number;
  displays: number;
  log: RequestLog;
}): Promise<SimCentre> {
  const admin = new SimClient(options.url, options.log);
  expect2xx(
    await admin.post('/api/auth/login', 'setup', {
      username: 'admin',
      password: options.adminPassword,
    }),
    'admin sign-in',
  );
  const settings = expect2xx(
    await admin.request<CentreSettings>('PATCH', '/api/settings', 'setup', {
      enforceOpeningHours: true,
    }),
    'settings',
  );
  let catalogue = expect2xx(
    await admin.get<CatalogueAnswer>('/api/catalogue', 'setup'),
    'catalogue',
  );
  const byCode = new Map(catalogue.services.map((s) => [s.code, s.id]));
  let number = Math.max(0, ...catalogue.counters.map((c) => c.number));
  for (const tiers of EXTRA_COUNTERS) {
    const ids = tiers
      .map((tier) => tier.map((code) => byCode.get(code)).filter((id) => id !== undefined))
      .filter((tier) => tier.length > 0);
    if (ids.length === 0) continue;
    number += 1;
    expect2xx(
      await admin.post('/api/counters', 'setup', { number, name: `Quầy ${number}`, tiers: ids }),
      'new counter',
    );
  }
  catalogue = expect2xx(await admin.get<CatalogueAnswer>('/api/catalogue', 'setup'), 'catalogue');
  const counters = catalogue.counters
    .filter((c) => c.active)
    .map((c) => ({ id: c.id, number: c.number, serviceIds: c.tiers.flat(), tiers: c.tiers }))
    .sort((a, b) => a.number - b.number);

  const clerks = new Map<number, { username: string; password: string }>();
  for (const counter of counters) {
    const username = `sim.quay${counter.number}`;
    const password = `Mo-phong-${counter.number}-2026`;
    const n = counter.number - 1;
    const displayName = `${SURNAMES[n % SURNAMES.length]} ${GIVEN[n % GIVEN.length]}`;
    expect2xx(
      await admin.post('/api/staff', 'setup', { username, displayName, role: 'clerk', password }),
      'clerk account',
    );
    clerks.set(counter.id, { username, password });
  }

  const pair = async (kind: 'kiosk' | 'display', name: string): Promise<string> => {
    const device = new SimClient(options.url, options.log);
    const request = expect2xx(
      await device.post<{ requestId: string; code: string }>(
        '/api/devices/pair-requests',
        'setup',
        {
          kind,
          name,
        },
      ),
      'pairing request',
    );
    expect2xx(
      await admin.post('/api/devices/pair', 'setup', { code: request.code, name }),
      'pairing',
    );
    const poll = expect2xx(
      await device.get<{ status: string; token: string }>(
        `/api/devices/pair-requests/${request.requestId}`,
        'setup',
      ),
      'pairing poll',
    );
    return poll.token;
  };
  const kioskTokens: string[] = [];
  for (let k = 1; k <= options.kiosks; k++) kioskTokens.push(await pair('kiosk', `Kiosk ${k}`));
  const displayTokens: string[] = [];
  for (let d = 1; d <= options.displays; d++)
    displayTokens.push(await pair('display', `Màn hình sảnh ${d}`));

  // Each service's share of the arrivals follows the desks that serve it (a helping tier
  // counts a twentieth) over its mean time, so every service is about as loaded as the
  // others, give or take a seeded 15 %.
  const random = seededRandom(`${options.seed}:services`);
  const desks = new Map<number, number>();
  for (const counter of counters)
    counter.tiers.forEach((tier, index) => {
      for (const id of tier)
        desks.set(id, (desks.get(id) ?? 0) + (index === 0 ? 1 : 0.05) / tier.length);
    });
  const services: WorkloadService[] = catalogue.services
    .filter((s) => s.active && desks.has(s.id))
    .map((s) => {
      const minutes = DEMO_SERVICES.find((d) => d.code === s.code)?.minutes ?? 10;
      return {
        id: s.id,
        code: s.code,
        name: s.name,
        minutes,
        targetWaitMinutes: s.targetWaitMinutes,
        weight: ((desks.get(s.id) ?? 0) / (minutes + 1)) * random.logNormalMean(1, 0.15),
        transferTo: byCode.get(TRANSFERS[s.code] ?? '') ?? s.id,
      };
    });
  return {
    settings,
    services,
    counters: counters.map(({ id, number: n, serviceIds }) => ({ id, number: n, serviceIds })),
    clerks,
    kioskTokens,
    displayTokens,
  };
}
