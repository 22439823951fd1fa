import type { Express } from 'express';
import type { Permission } from '../auth/permissions';
import { isGuard, permissionOf, requiresDevice } from './permission';

/** One registered HTTP route and the permissions its handlers declare. */
export interface RouteEntry {
  method: string;
  /** Full Express path, e.g. `/api/staff/:id`. */
  path: string;
  /** Every permission declared along the way; a request needs all of them. */
  permissions: Permission[];
  /** True when the route also needs a paired device's token (`requireDevice`). */
  deviceOnly: boolean;
  /**
   * True when every layer registered for this method and path only guards (checks
   * and passes on): a guard mounted for a route that no longer exists.
   */
  guardOnly: boolean;
}

interface LayerLike {
  route?: { path: string | string[]; methods: Record<string, boolean>; stack: LayerLike[] };
  handle?: unknown;
  rawPath?: unknown;
}

const asList = (path: unknown): string[] =>
  Array.isArray(path) ? path.flat(Infinity).map(String) : typeof path === 'string' ? [path] : [];

const join = (prefix: string, path: string): string =>
  `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`.replace(/\/+$/, '') || '/';

function stackOf(handle: unknown): LayerLike[] | undefined {
  const stack = (handle as { stack?: unknown } | null)?.stack;
  return typeof handle === 'function' && Array.isArray(stack) ? (stack as LayerLike[]) : undefined;
}

function walk(stack: LayerLike[], prefix: string, out: RouteEntry[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const handlers = layer.route.stack.map((inner) => inner.handle);
      const permissions = handlers.map(permissionOf).filter((p): p is Permission => !!p);
      const guardOnly = handlers.every(isGuard);
      const deviceOnly = handlers.some(requiresDevice);
      const methods = Object.keys(layer.route.methods).filter((m) => layer.route?.methods[m]);
      for (const path of asList(layer.route.path)) {
        for (const method of methods) {
          out.push({
            method: method === '_all' ? 'ALL' : method.toUpperCase(),
            path: join(prefix, path),
            permissions,
            deviceOnly,
            guardOnly,
          });
        }
      }
      continue;
    }
    const nested = stackOf(layer.handle);
    if (!nested) continue;
    const mounts = asList(layer.rawPath);
    for (const mount of mounts.length > 0 ? mounts : ['/']) walk(nested, join(prefix, mount), out);
  }
}

/**
 * Every route registered on the app, found by walking Express's own router, with
 * the permissions declared for it. Layers registered separately for the same
 * method and path (a guard mounted in app.ts before a router) are merged.
 */
export function listRoutes(app: Express): RouteEntry[] {
  const router = (app as unknown as { router?: { stack?: LayerLike[] } }).router;
  if (!router?.stack) throw new Error('Cannot read the Express router');
  const raw: RouteEntry[] = [];
  walk(router.stack, '', raw);
  const merged = new Map<string, RouteEntry>();
  for (const entry of raw) {
    const key = `${entry.method} ${entry.path}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...entry, permissions: [...entry.permissions] });
      continue;
    }
    for (const permission of entry.permissions) {
      if (!seen.permissions.includes(permission)) seen.permissions.push(permission);
    }
    seen.guardOnly &&= entry.guardOnly;
    seen.deviceOnly ||= entry.deviceOnly;
  }
  return [...merged.values()];
}
