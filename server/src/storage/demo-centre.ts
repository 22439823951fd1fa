import {
  LARGE_DEMO_FIELDS,
  LARGE_DEMO_TOP_LEVEL,
  type LargeDemoService,
} from './large-demo-catalogue';
import type { Repos } from './repos';

/** The demo centre's services, after DOMAIN.md: code, prefix, Vietnamese and English names. */
export const DEMO_SERVICES = [
  {
    code: 'DKKD',
    prefix: 'A',
    name: 'Đăng ký kinh doanh',
    nameEn: 'Business registration',
    agency: 'Sở Kế hoạch và Đầu tư',
    minutes: 12,
  },
  {
    code: 'DDTN',
    prefix: 'B',
    name: 'Đất đai – Tài nguyên môi trường',
    nameEn: 'Land and environment',
    agency: 'Sở Tài nguyên và Môi trường',
    minutes: 15,
  },
  {
    code: 'TPLL',
    prefix: 'C',
    name: 'Tư pháp – Lý lịch tư pháp',
    nameEn: 'Justice – criminal record certificates',
    agency: 'Sở Tư pháp',
    minutes: 8,
  },
  {
    code: 'XDCP',
    prefix: 'D',
    name: 'Xây dựng – Cấp phép xây dựng',
    nameEn: 'Construction permits',
    agency: 'Sở Xây dựng',
    minutes: 15,
  },
  {
    code: 'GPLX',
    prefix: 'E',
    name: 'Giao thông vận tải – Đổi giấy phép lái xe',
    nameEn: 'Transport – driving licence renewal',
    agency: 'Sở Giao thông vận tải',
    minutes: 6,
  },
  {
    code: 'LDTB',
    prefix: 'F',
    name: 'Lao động – Thương binh và Xã hội',
    nameEn: 'Labour, invalids and social affairs',
    agency: 'Sở Lao động – Thương binh và Xã hội',
    minutes: 10,
  },
  { code: 'THUE', prefix: 'G', name: 'Thuế', nameEn: 'Tax', agency: 'Cục Thuế', minutes: 8 },
  {
    code: 'BHXH',
    prefix: 'H',
    name: 'Bảo hiểm xã hội',
    nameEn: 'Social insurance',
    agency: 'Bảo hiểm xã hội tỉnh',
    minutes: 8,
  },
  {
    code: 'TKQ',
    prefix: 'K',
    name: 'Trả kết quả',
    nameEn: 'Result pick-up',
    agency: 'Trung tâm Phục vụ hành chính công',
    minutes: 3,
  },
] as const;

type DemoCode = (typeof DEMO_SERVICES)[number]['code'];

/** The demo centre's counters: each serves its tier-1 services, and helps with tier 2. */
export const DEMO_COUNTERS: { number: number; tier1: DemoCode[]; tier2: DemoCode[] }[] = [
  { number: 1, tier1: ['DKKD'], tier2: ['THUE'] },
  { number: 2, tier1: ['DKKD'], tier2: ['THUE'] },
  { number: 3, tier1: ['DDTN'], tier2: ['XDCP'] },
  { number: 4, tier1: ['DDTN'], tier2: [] },
  { number: 5, tier1: ['TPLL'], tier2: ['LDTB'] },
  { number: 6, tier1: ['XDCP'], tier2: ['DDTN'] },
  { number: 7, tier1: ['GPLX'], tier2: [] },
  { number: 8, tier1: ['GPLX'], tier2: ['TKQ'] },
  { number: 9, tier1: ['LDTB'], tier2: ['TPLL'] },
  { number: 10, tier1: ['THUE'], tier2: ['DKKD'] },
  { number: 11, tier1: ['BHXH'], tier2: ['LDTB'] },
  { number: 12, tier1: ['TKQ'], tier2: ['BHXH'] },
];

/** Which demo centre to seed. */
export type DemoSize = 'default' | 'large';

/**
 * Seeds the demo centre into an empty database; does nothing once services
 * exist. The demo takes tickets at any hour, so it can be tried in the evening;
 * a real centre turns `enforceOpeningHours` on in its settings. `large` seeds the
 * 40-service centre (`LARGE_DEMO_FIELDS`) with a counter for each service.
 */
export function seedDemoCentre(repos: Repos, size: DemoSize = 'default'): boolean {
  if (repos.services.count() > 0) return false;
  if (size === 'large') {
    repos.db.transaction(() => seedLargeDemo(repos));
    return true;
  }
  repos.db.transaction(() => {
    repos.settings.set('enforceOpeningHours', false);
    const ids = new Map<string, number>();
    DEMO_SERVICES.forEach((service, index) => {
      const id = repos.services.insert({
        code: service.code,
        name: service.name,
        nameEn: service.nameEn,
        prefix: service.prefix,
        agency: service.agency,
        targetWaitMinutes: 20,
        defaultServiceMinutes: service.minutes,
        sortOrder: index + 1,
        active: true,
        dailyCap: null,
        cutoffMinutes: null,
      });
      ids.set(service.code, id);
    });
    for (const counter of DEMO_COUNTERS) {
      const links = [
        ...counter.tier1.map((code) => ({ serviceId: ids.get(code) as number, tier: 1 })),
        ...counter.tier2.map((code) => ({ serviceId: ids.get(code) as number, tier: 2 })),
      ];
      repos.counters.insert({ number: counter.number, name: `Quầy ${counter.number}` }, links);
    }
  });
  return true;
}

/**
 * The large demo: fields and procedure groups, 40 services, and 40 counters, counter n
 * serving service n first and helping with the next service of the same field.
 */
function seedLargeDemo(repos: Repos): void {
  repos.settings.set('enforceOpeningHours', false);
  let order = 0;
  const ids: { id: number; field: string | null }[] = [];
  const addService = (
    service: LargeDemoService,
    agency: string,
    field: string | null,
    groupId: number | null,
  ) => {
    order += 1;
    const id = repos.services.insert({
      code: `L${service.prefix}`,
      name: service.name,
      nameEn: service.nameEn,
      prefix: service.prefix,
      agency,
      targetWaitMinutes: 20,
      defaultServiceMinutes: service.minutes,
      sortOrder: order,
      active: true,
      dailyCap: null,
      cutoffMinutes: null,
      groupId,
    });
    ids.push({ id, field });
  };
  LARGE_DEMO_FIELDS.forEach((field, fieldIndex) => {
    const fieldId = repos.serviceGroups.insert({
      parentId: null,
      name: field.name,
      nameEn: field.nameEn,
      sortOrder: fieldIndex + 1,
      active: true,
    });
    for (const service of field.services ?? [])
      addService(service, field.agency, field.name, fieldId);
    (field.groups ?? []).forEach((group, groupIndex) => {
      const groupId = repos.serviceGroups.insert({
        parentId: fieldId,
        name: group.name,
        nameEn: group.nameEn,
        sortOrder: groupIndex + 1,
        active: true,
      });
      for (const service of group.services) addService(service, field.agency, field.name, groupId);
    });
  });
  for (const service of LARGE_DEMO_TOP_LEVEL)
    addService(service, 'Trung tâm Phục vụ hành chính công', null, null);
  ids.forEach((service, index) => {
    const next = ids[index + 1];
    const links = [{ serviceId: service.id, tier: 1 }];
    if (next && next.field !== null && next.field === service.field)
      links.push({ serviceId: next.id, tier: 2 });
    repos.counters.insert({ number: index + 1, name: `Quầy ${index + 1}` }, links);
  });
}
