import type { Server, Socket } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../contract/events';
import { SERVER_EVENTS } from '../contract/events';
import type { AgentPrintJob, PrintJob, StaffPrinterStatus } from '../contract/printing';
import { publicPrinterStatus } from '../services/printing/print-views';
import type { PrintNotifier } from '../services/printing/print-worker';
import { emitToRoom, ROOMS } from './rooms';
import { socketIdentity } from './socket-auth';

/**
 * Print news over Socket.IO: printer states and removals to everyone (kiosks warn before
 * issuing; staff see why a printer is in its state, everyone else the state alone), job
 * changes to staff, and each job for a kiosk's print agent to one agent socket only.
 * These are live notices, not feed events: `sync` does not replay them.
 */
export class PrintBroadcaster implements PrintNotifier {
  constructor(private readonly io: Server<ClientEvents, ServerEvents>) {}

  printerStatus(report: StaffPrinterStatus): void {
    emitToRoom(this.io, ROOMS.staff, SERVER_EVENTS.printerStatus, report);
    // The public room holds staff sockets too: they have had the staff form.
    this.io
      .to(ROOMS.public)
      .except(ROOMS.staff)
      .emit(SERVER_EVENTS.printerStatus, publicPrinterStatus(report));
  }

  printerRemoved(printerId: number): void {
    emitToRoom(this.io, ROOMS.public, SERVER_EVENTS.printerRemoved, { printerId });
  }

  jobUpdated(job: PrintJob): void {
    emitToRoom(this.io, ROOMS.staff, SERVER_EVENTS.printJobUpdated, job);
  }

  /**
   * To the print agent of the kiosk that connected last; never to the kiosk's page (it has
   * no print-agent role) and never to two agents, so a job prints at most once per attempt.
   */
  sendToAgent(deviceId: number, job: AgentPrintJob): string | null {
    const agent = newestAgent(this.io, deviceId);
    if (!agent) return null;
    agent.emit(SERVER_EVENTS.printJob, job);
    return agent.id;
  }
}

/** The connected print-agent socket of a kiosk with the highest connection order. */
function newestAgent(
  io: Server<ClientEvents, ServerEvents>,
  deviceId: number,
): Socket<ClientEvents, ServerEvents> | undefined {
  const ids = io.sockets.adapter.rooms.get(ROOMS.printAgent(deviceId)) ?? new Set<string>();
  let newest: { socket: Socket<ClientEvents, ServerEvents>; order: number } | undefined;
  for (const id of ids) {
    const socket = io.sockets.sockets.get(id);
    const order = socket?.connected ? socketIdentity(socket).printAgent?.order : undefined;
    if (socket && order !== undefined && (!newest || order > newest.order)) {
      newest = { socket, order };
    }
  }
  return newest?.socket;
}

/** A notifier that forwards to one set later (the socket server is built after the services). */
export class DeferredPrintNotifier implements PrintNotifier {
  private target: PrintNotifier | null = null;

  attach(target: PrintNotifier): void {
    this.target = target;
  }

  printerStatus(report: StaffPrinterStatus): void {
    this.target?.printerStatus(report);
  }

  printerRemoved(printerId: number): void {
    this.target?.printerRemoved(printerId);
  }

  jobUpdated(job: PrintJob): void {
    this.target?.jobUpdated(job);
  }

  sendToAgent(deviceId: number, job: AgentPrintJob): string | null {
    return this.target ? this.target.sendToAgent(deviceId, job) : null;
  }
}
