import type { Request } from 'express';
import { COUNTER_ACTIONS, type CounterDayResponse } from '../../contract/http';
import { createCounterSchema, updateCounterSchema } from '../../contract/catalogue-schemas';
import {
  autoCallSchema,
  callTicketSchema,
  pauseSchema,
  transferSchema,
} from '../../contract/schemas';
import type { Services } from '../../services/create-services';
import { audienceOf } from '../audience';
import { clientOf } from '../permission';
import { route, type ApiRoute } from '../route-table';
import { actorOf } from '../session';
import { idempotencyKey, parseId } from '../validation';
import { catalogueCall } from './service-routes';

const counterId = (req: Request) => parseId(req.params.id, 'counter_not_found');

/**
 * Counters: the list anyone may read, and what signed-in staff do at one. A supervisor
 * or an admin signing someone else out is audited with the change.
 */
export function counterRoutes({
  queue,
  counters,
  reader,
  catalogueCounters,
  tickets,
}: Services): ApiRoute[] {
  const operate = (path: string) =>
    ({ method: 'POST', path: `/api/counters/:id/${path}`, permission: 'counter:operate' }) as const;
  return [
    route({
      method: 'GET',
      path: '/api/counters',
      permission: 'queue:read',
      handler: ({ res }) => res.json(reader.counters(audienceOf(res))),
    }),
    // The console's day figures: counted in SQL, not from a (limited) list of tickets.
    route({
      method: 'GET',
      path: '/api/counters/:id/today',
      permission: 'ticket:handle',
      params: counterId,
      handler: ({ res, params }) => {
        const answer: CounterDayResponse = tickets.counterDay(params);
        res.json(answer);
      },
    }),
    route({
      method: 'POST',
      path: '/api/counters',
      permission: 'catalogue:write',
      body: createCounterSchema,
      handler: ({ req, res, body }) => {
        const { value, replayed } = catalogueCounters.createCounter(body, catalogueCall(req, res));
        res.status(replayed ? 200 : 201).json({ counter: value });
      },
    }),
    route({
      method: 'PATCH',
      path: '/api/counters/:id',
      permission: 'catalogue:write',
      params: counterId,
      body: updateCounterSchema,
      handler: ({ req, res, params, body }) =>
        res.json({
          counter: catalogueCounters.updateCounter(params, body, catalogueCall(req, res)).value,
        }),
    }),
    route({
      method: 'DELETE',
      path: '/api/counters/:id',
      permission: 'catalogue:write',
      params: counterId,
      handler: ({ req, res, params }) =>
        res.json(catalogueCounters.deleteCounter(params, catalogueCall(req, res)).value),
    }),
    route({
      ...operate('sign-in'),
      handler: ({ req, res }) =>
        res.json(counters.signIn(counterId(req), actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      ...operate('sign-out'),
      handler: ({ req, res }) => {
        const id = counterId(req);
        const { ip } = clientOf(req);
        res.json(counters.signOut(id, actorOf(res), idempotencyKey(req), ip).value);
      },
    }),
    ...COUNTER_ACTIONS.map((action) =>
      route({
        ...operate(action),
        handler: ({ req, res }) =>
          res.json(queue.act(counterId(req), action, actorOf(res), idempotencyKey(req)).value),
      }),
    ),
    route({
      ...operate('call'),
      body: callTicketSchema,
      handler: ({ req, res, body }) =>
        res.json(queue.callTicket(counterId(req), body, actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      ...operate('transfer'),
      body: transferSchema,
      handler: ({ req, res, body }) =>
        res.json(queue.transfer(counterId(req), body, actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      ...operate('pause'),
      body: pauseSchema,
      handler: ({ req, res, body: { reason } }) =>
        res.json(counters.pause(counterId(req), reason, actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      ...operate('resume'),
      handler: ({ req, res }) =>
        res.json(counters.resume(counterId(req), actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      ...operate('open'),
      handler: ({ req, res }) =>
        res.json(counters.open(counterId(req), actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      ...operate('close'),
      handler: ({ req, res }) =>
        res.json(counters.close(counterId(req), actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      ...operate('auto-call'),
      body: autoCallSchema,
      handler: ({ req, res, body: { enabled } }) =>
        res.json(
          counters.setAutoCall(counterId(req), enabled, actorOf(res), idempotencyKey(req)).value,
        ),
    }),
  ];
}
