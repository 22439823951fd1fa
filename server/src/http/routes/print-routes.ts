import { Router, type Request, type Response } from 'express';
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
import { requirePermission } from '../permission';
import { idempotencyKey, parse, parseId } from '../validation';
import { adminActor } from './staff-routes';

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
export function printRoutes(printing: PrintService, printers: PrinterAdmin): Router {
  const router = Router();
  const manage = requirePermission('printers:manage');
  const read = requirePermission('printers:read');

  router.get('/printers', manage, (_req, res) => {
    res.json(printers.printers());
  });

  router.post('/printers', manage, (req, res) => {
    const input = parse(createPrinterSchema, req.body);
    const { value, replayed } = printers.createPrinter(
      input,
      adminActor(req, res),
      idempotencyKey(req),
    );
    res.status(replayed ? 200 : 201).json(value);
  });

  router.patch('/printers/:id', manage, (req, res) => {
    const id = printerId(req);
    const patch = parse(updatePrinterSchema, req.body);
    res.json(printers.updatePrinter(id, patch, adminActor(req, res), idempotencyKey(req)).value);
  });

  router.delete('/printers/:id', manage, (req, res) => {
    printers.deletePrinter(printerId(req), adminActor(req, res), idempotencyKey(req));
    res.status(204).end();
  });

  router.get('/printers/:id/status', read, async (req, res) => {
    res.json(await printers.status(printerId(req)));
  });

  router.get('/print-jobs', read, (req, res) => {
    const { status, inQueue, latest } = parse(printJobQuerySchema, req.query);
    res.json(printing.jobs({ status, inQueue: inQueue === 'true', latest: latest === 'true' }));
  });

  router.post('/tickets/:id/reprint', requirePermission('ticket:handle'), (req, res) => {
    const { printerId: target } = parse(reprintSchema, req.body ?? {});
    const { value, replayed } = printing.reprint(
      ticketId(req),
      target,
      adminActor(req, res),
      idempotencyKey(req),
    );
    res.status(replayed ? 200 : 201).json(value);
  });

  // Staff only: the picture's QR code holds the ticket's tracking token.
  const handle = requirePermission('ticket:handle');
  const image = (kind: 'png' | 'pdf', type: string) =>
    async function ticketImage(req: Request, res: Response): Promise<void> {
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

  router.get('/tickets/:id/print.pdf', handle, image('pdf', 'application/pdf'));
  router.get('/tickets/:id/print.png', handle, image('png', 'image/png'));

  return router;
}
