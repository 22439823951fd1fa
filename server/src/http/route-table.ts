import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Permission } from '../auth/permissions';
import { requireDevice, requirePermission } from './permission';
import { parse } from './validation';

/** The HTTP methods the API answers. */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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

const METHODS = {
  GET: 'get',
  POST: 'post',
  PUT: 'put',
  PATCH: 'patch',
  DELETE: 'delete',
} as const;

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
