import type { Server } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../contract/events';
import { SERVER_EVENTS } from '../contract/events';
import type { AgentPrintJob, PrintJob, PrinterStatusReport } from '../contract/printing';
import type { PrintNotifier } from '../services/print-worker';
import { emitToRoom, ROOMS } from './rooms';

/**
 * Print news over Socket.IO: printer states to everyone (kiosks warn before issuing),
 * job changes to staff, and jobs for a kiosk's print agent to that kiosk's room only.
 * These are live notices, not feed events: `sync` does not replay them.
 */
export class PrintBroadcaster implements PrintNotifier {
  constructor(private readonly io: Server<ClientEvents, ServerEvents>) {}

  printerStatus(report: PrinterStatusReport): void {
    emitToRoom(this.io, ROOMS.public, SERVER_EVENTS.printerStatus, report);
  }

  jobUpdated(job: PrintJob): void {
    emitToRoom(this.io, ROOMS.staff, SERVER_EVENTS.printJobUpdated, job);
  }

  async sendToAgent(deviceId: number, job: AgentPrintJob): Promise<boolean> {
    const room = ROOMS.device(deviceId);
    const sockets = await this.io.in(room).fetchSockets();
    if (sockets.length === 0) return false;
    emitToRoom(this.io, room, SERVER_EVENTS.printJob, job);
    return true;
  }
}

/** A notifier that forwards to one set later (the socket server is built after the services). */
export class DeferredPrintNotifier implements PrintNotifier {
  private target: PrintNotifier | null = null;

  attach(target: PrintNotifier): void {
    this.target = target;
  }

  printerStatus(report: PrinterStatusReport): void {
    this.target?.printerStatus(report);
  }

  jobUpdated(job: PrintJob): void {
    this.target?.jobUpdated(job);
  }

  sendToAgent(deviceId: number, job: AgentPrintJob): Promise<boolean> {
    return this.target ? this.target.sendToAgent(deviceId, job) : Promise.resolve(false);
  }
}
