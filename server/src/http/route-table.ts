import { Router, type Express, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Permission } from '../auth/permissions';
import {
  isGuard,
  permissionOf,
  requireDevice,
  requirePermission,
  requiresDevice,
} from './permission';
import { parse } from './validation';

/** The HTTP methods the API answers. */
export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What a route's handler gets: the request, the response, and its checked inputs. */
export interface RouteCall<Body, Query, Params> {
  req: Request;
  res: Response;
  /** The path's parameters as `params` parsed them (before the body). */
  params: Params;
  /** The query, parsed with the route's `query` schema. */
  query: Query;
  /** The JSON body, parsed with the route's `body` schema. */
  body: Body;
}

/**
 * One API endpoint, declared: what a reader of docs/api.md and docs/security.md sees
 * (method, path, permission, body) and the handler that answers it. `mountRoutes`
 * turns a list of these into Express routes; the tests read the same list.
 */
export interface ApiRoute<Body = unknown, Query = unknown, Params = unknown> {
  method: ApiMethod;
  /** The full path as Express matches it, e.g. `/api/counters/:id/call`. */
  path: string;
  /** The permission of the table in auth/permissions.ts a caller needs. */
  permission: Permission;
  /** Also needs a paired device's token (`requireDevice`), whoever is signed in. */
  device?: true;
  /** Further checks run after the permission and before any input is parsed (kiosk policy). */
  guards?: readonly RequestHandler[];
  /** Parses the path's parameters before the body, for routes that refuse a bad id first. */
  params?: (req: Request) => Params;
  /** The query's schema; a mismatch is 400 `validation_failed`. */
  query?: z.ZodType<Query>;
  /** The body's schema; a mismatch is 400 `validation_failed`. */
  body?: z.ZodType<Body>;
  /** Answers the request; may be async (Express 5 passes a rejection to the error handler). */
  handler(call: RouteCall<Body, Query, Params>): unknown;
}

/** Declares one route, inferring its body, query and params types from the declaration. */
export function route<Body = undefined, Query = undefined, Params = undefined>(
  definition: ApiRoute<Body, Query, Params>,
): ApiRoute {
  return definition as ApiRoute;
}

/** `GET /api/health`: how the docs, the tests and the walk name a route. */
export const routeKey = (r: Pick<ApiRoute, 'method' | 'path'>): string => `${r.method} ${r.path}`;

const METHODS = { GET: 'get', POST: 'post', PATCH: 'patch', DELETE: 'delete' } as const;

/**
 * Mounts declared routes on one router, in their order. Each runs, in turn: its
 * permission (`requirePermission`), the device check, its guards, then parses the
 * params, the query and the body, and calls the handler.
 */
export function mountRoutes(routes: readonly ApiRoute[]): Router {
  const router = Router();
  for (const r of routes) {
    const answer: RequestHandler = (req, res) =>
      r.handler({
        req,
        res,
        params: r.params?.(req),
        query: r.query ? parse(r.query, req.query) : undefined,
        body: r.body ? parse(r.body, req.body) : undefined,
      });
    router[METHODS[r.method]](
      r.path,
      requirePermission(r.permission),
      ...(r.device ? [requireDevice()] : []),
      ...(r.guards ?? []),
      answer,
    );
  }
  return router;
}

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
