import type { Request, Response } from 'express';
import {
  createPrinterSchema,
  printJobQuerySchema,
  reprintSchema,
  updatePrinterSchema,
} from '../../contract/printing';
import { idParamSchema } from '../../contract/schemas';
import { DomainError } from '../../domain/errors';
import { TICKET_IMAGE_RATE, type PrintService } from '../../services/printing/print-service';
import type { PrinterAdmin } from '../../services/printing/printer-admin';
import { route, type ApiRoute } from '../route-table';
import { idempotencyKey, orEmpty, parseId } from '../validation';
import { adminActor } from './staff-routes';

/** The `:id` of a printer's path; checked before the body, so a bad id is not found first. */
const printerId = (req: Request): number => {
  const result = idParamSchema.safeParse(req.params.id);
  if (!result.success) throw new DomainError('printer_not_found', 'Not a printer id');
  return result.data;
};
const ticketId = (req: Request) => parseId(req.params.id, 'ticket_not_found');

/**
 * Printers (admins), print jobs and live status (supervisors), reprints and browser
 * printing (staff). Printer changes and reprints are audited as the signed-in staff member.
 */
export function printRoutes(printing: PrintService, printers: PrinterAdmin): ApiRoute[] {
  // Staff only: the picture's QR code holds the ticket's tracking token.
  const image = (kind: 'png' | 'pdf', type: string) =>
    async function ticketImage({ req, res }: { req: Request; res: Response }): Promise<void> {
      let bytes: Uint8Array;
      try {
        bytes = await printing.ticketImage(kind, ticketId(req), adminActor(req, res));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'rate_limited') {
          res.set('Retry-After', String(TICKET_IMAGE_RATE.windowMs / 1000));
        }
        throw error;
      }
      res
        .type(type)
        .set('Cache-Control', 'no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    };

  return [
    route({
      method: 'GET',
      path: '/api/printers',
      permission: 'printers:manage',
      handler: ({ res }) => res.json(printers.printers()),
    }),
    route({
      method: 'POST',
      path: '/api/printers',
      permission: 'printers:manage',
      body: createPrinterSchema,
      handler: ({ req, res, body }) => {
        const { value, replayed } = printers.createPrinter(
          body,
          adminActor(req, res),
          idempotencyKey(req),
        );
        res.status(replayed ? 200 : 201).json(value);
      },
    }),
    route({
      method: 'PATCH',
      path: '/api/printers/:id',
      permission: 'printers:manage',
      params: printerId,
      body: updatePrinterSchema,
      handler: ({ req, res, params: id, body: patch }) =>
        res.json(
          printers.updatePrinter(id, patch, adminActor(req, res), idempotencyKey(req)).value,
        ),
    }),
    route({
      method: 'DELETE',
      path: '/api/printers/:id',
      permission: 'printers:manage',
      handler: ({ req, res }) => {
        printers.deletePrinter(printerId(req), adminActor(req, res), idempotencyKey(req));
        res.status(204).end();
      },
    }),
    route({
      method: 'POST',
      path: '/api/printers/:id/test',
      permission: 'printers:manage',
      handler: async ({ req, res }) => {
        const job = await printers.testPrint(printerId(req), adminActor(req, res));
        res.status(202).json({ job });
      },
    }),
    route({
      method: 'GET',
      path: '/api/printers/:id/status',
      permission: 'printers:read',
      handler: async ({ req, res }) => res.json(await printers.status(printerId(req))),
    }),
    route({
      method: 'GET',
      path: '/api/print-jobs',
      permission: 'printers:read',
      query: printJobQuerySchema,
      handler: ({ res, query: { status, inQueue, latest } }) =>
        res.json(printing.jobs({ status, inQueue: inQueue === 'true', latest: latest === 'true' })),
    }),
    route({
      method: 'POST',
      path: '/api/tickets/:id/reprint',
      permission: 'ticket:handle',
      body: orEmpty(reprintSchema),
      handler: ({ req, res, body: { printerId: target } }) => {
        const { value, replayed } = printing.reprint(
          ticketId(req),
          target,
          adminActor(req, res),
          idempotencyKey(req),
        );
        res.status(replayed ? 200 : 201).json(value);
      },
    }),
    route({
      method: 'GET',
      path: '/api/tickets/:id/print.pdf',
      permission: 'ticket:handle',
      handler: image('pdf', 'application/pdf'),
    }),
    route({
      method: 'GET',
      path: '/api/tickets/:id/print.png',
      permission: 'ticket:handle',
      handler: image('png', 'image/png'),
    }),
  ];
}
