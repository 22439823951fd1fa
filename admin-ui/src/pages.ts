import { lazy, type ComponentType } from 'react';
import type { MessageKey, Role, StaffUser } from '@luot/contract';

/** What every page is given. */
export interface PageProps {
  user: StaffUser;
}

export type PageId =
  | 'centre'
  | 'services'
  | 'counters'
  | 'staff'
  | 'devices'
  | 'printers'
  | 'audit'
  | 'monitor'
  | 'reports'
  | 'operations';

/** Each page loads when first opened, so the sign-in form stays small. */
export const PAGES: Record<PageId, { title: MessageKey; component: ComponentType<PageProps> }> = {
  centre: {
    title: 'admin.nav.centre',
    component: lazy(() => import('./pages/CentrePage').then((m) => ({ default: m.CentrePage }))),
  },
  services: {
    title: 'admin.nav.services',
    component: lazy(() =>
      import('./catalogue/ServicesPage').then((m) => ({ default: m.ServicesPage })),
    ),
  },
  counters: {
    title: 'admin.nav.counters',
    component: lazy(() =>
      import('./catalogue/CountersPage').then((m) => ({ default: m.CountersPage })),
    ),
  },
  staff: {
    title: 'admin.nav.staff',
    component: lazy(() => import('./pages/StaffPage').then((m) => ({ default: m.StaffPage }))),
  },
  devices: {
    title: 'admin.nav.devices',
    component: lazy(() => import('./pages/DevicesPage').then((m) => ({ default: m.DevicesPage }))),
  },
  printers: {
    title: 'admin.nav.printers',
    component: lazy(() =>
      import('./pages/PrintersPage').then((m) => ({ default: m.PrintersPage })),
    ),
  },
  audit: {
    title: 'admin.nav.audit',
    component: lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage }))),
  },
  monitor: {
    title: 'admin.nav.monitor',
    component: lazy(() =>
      import('./monitor/MonitorPage').then((m) => ({ default: m.MonitorPage })),
    ),
  },
  reports: {
    title: 'admin.nav.reports',
    component: lazy(() =>
      import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
    ),
  },
  operations: {
    title: 'admin.nav.operations',
    component: lazy(() =>
      import('./operations/OperationsPage').then((m) => ({ default: m.OperationsPage })),
    ),
  },
};

const ADMIN_PAGES: readonly PageId[] = [
  'centre',
  'services',
  'counters',
  'staff',
  'devices',
  'printers',
  'audit',
  'monitor',
  'reports',
  'operations',
];
/**
 * Supervisors watch the floor (`monitor:read`, their first page), report on it
 * (`reports:read`) and read the settings (`settings:read`) and the catalogue
 * (`catalogue:read`: services, groups, counters, the Excel export); the rest is
 * admin-only on the server.
 */
const SUPERVISOR_PAGES: readonly PageId[] = [
  'monitor',
  'reports',
  'centre',
  'services',
  'counters',
];

/** The pages a role may open, in the navigation's order. */
export function pagesFor(role: Role): readonly PageId[] {
  if (role === 'admin') return ADMIN_PAGES;
  if (role === 'supervisor') return SUPERVISOR_PAGES;
  return [];
}

/** The page `/admin/<id>` names, or the first allowed one. */
export function pageFromPath(pathname: string, allowed: readonly PageId[]): PageId {
  const id = pathname.replace(/^\/admin\/?/, '').split('/')[0] ?? '';
  const found = allowed.find((page) => page === id);
  return found ?? allowed[0] ?? 'centre';
}
