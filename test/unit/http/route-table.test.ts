import express, { type RequestHandler } from 'express';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { z } from 'zod';
import { DomainError } from '../../../server/src/domain/errors';
import { errorHandler } from '../../../server/src/http/errors';
import { jsonBody } from '../../../server/src/http/json-body';
import { mountRoutes, route } from '../../../server/src/http/route-table';
import { ApiClient } from '../../support/api-client';

describe('mountRoutes()', () => {
  let server: Server;
  let api: ApiClient;
  const steps: string[] = [];
  const step =
    (name: string): RequestHandler =>
    (_req, _res, next) => {
      steps.push(name);
      next();
    };
  const body = z.object({ n: z.number() }).strict();

  beforeAll(async () => {
    const app = express();
    app.use(jsonBody());
    // Everyone is anonymous here: what identify() would find without a cookie or a token.
    app.use((_req, res, next) => {
      res.locals.identity = { staff: null, device: null };
      next();
    });
    app.use(
      mountRoutes([
        route({
          method: 'POST',
          path: '/api/open/:id',
          permission: 'queue:read',
          guards: [step('guard')],
          params: (req) => {
            steps.push('params');
            if (req.params.id !== '1') throw new DomainError('not_found', 'No such thing');
            return 1;
          },
          body,
          handler: ({ res, params, body: parsed }) => {
            steps.push('handler');
            res.json({ params, body: parsed });
          },
        }),
        route({
          method: 'POST',
          path: '/api/admins',
          permission: 'audit:read',
          guards: [step('guard')],
          body,
          handler: ({ res }) => res.json({}),
        }),
        route({
          method: 'GET',
          path: '/api/device',
          permission: 'device:self',
          device: true,
          handler: ({ res }) => res.json({}),
        }),
        route({
          method: 'GET',
          path: '/api/list',
          permission: 'queue:read',
          query: z.object({ list: z.enum(['waiting']) }).strict(),
          handler: ({ res, query }) => res.json(query),
        }),
      ]),
    );
    app.use(errorHandler(pino({ level: 'silent' })));
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    api = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => steps.splice(0));

  const codeOf = (response: { body: unknown }) =>
    (response.body as { error?: { code?: string } }).error?.code;

  test('hands the handler the parsed params and body, after the guards', async () => {
    const response = await api.request('POST', '/api/open/1', { body: { n: 2 } });
    expect(response.body).toEqual({ params: 1, body: { n: 2 } });
    expect(steps).toEqual(['guard', 'params', 'handler']);
  });

  test('refuses a caller without the permission before the guards and the body', async () => {
    const response = await api.request('POST', '/api/admins', { body: { n: 'x' } });
    expect([response.status, codeOf(response)]).toEqual([401, 'unauthenticated']);
    expect(steps).toEqual([]);
  });

  test('checks the params before the body', async () => {
    const response = await api.request('POST', '/api/open/2', { body: { n: 'x' } });
    expect([response.status, codeOf(response)]).toEqual([404, 'not_found']);
    expect(steps).toEqual(['guard', 'params']);
  });

  test('answers a body that does not match the schema with validation_failed', async () => {
    const response = await api.request('POST', '/api/open/1', { body: { n: 'x' } });
    expect([response.status, codeOf(response)]).toEqual([400, 'validation_failed']);
    expect(steps).toEqual(['guard', 'params']);
  });

  test('parses the query with its schema', async () => {
    expect((await api.request('GET', '/api/list?list=waiting')).body).toEqual({ list: 'waiting' });
    const wrong = await api.request('GET', '/api/list?list=parked');
    expect([wrong.status, codeOf(wrong)]).toEqual([400, 'validation_failed']);
  });

  test('refuses a device-only route to a caller without a device token', async () => {
    const response = await api.request('GET', '/api/device');
    expect([response.status, codeOf(response)]).toEqual([401, 'unauthenticated']);
  });
});
