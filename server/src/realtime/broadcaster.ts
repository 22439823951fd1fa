import type { Server, Socket } from 'socket.io';
import type { PublicStateSnapshot, StateSnapshot } from '../contract/entities';
import {
  SERVER_EVENTS,
  type ClientEvents,
  type FeedEnvelope,
  type ServerEvents,
} from '../contract/events';
import type { AgentPrintJob, PrintJob, StaffPrinterStatus } from '../contract/printing';
import type { AccessEnd, EventPublisher } from '../services/core/command-runner';
import { publicPrinterStatus } from '../services/printing/print-views';
import type { PrintNotifier } from '../services/printing/print-worker';
import { toPublicEnvelope } from '../services/queue/public-view';
import { refreshStaffRoom, ROOMS } from './rooms';
import { socketIdentity } from './socket-auth';

/**
 * The only place that emits. Each committed feed event goes to every screen, in order —
 * as it is to staff, and without the staff-only ticket fields to everyone else; a
 * staff-only event (`ticket:rated`) goes to everyone else as a payload-free
 * `feed:skipped` of the same seq, so their feed stays contiguous. Print
 * news goes out too: printer states and removals to everyone (kiosks warn before issuing;
 * staff see why a printer is in its state, everyone else the state alone), job changes to
 * staff, and each job for a kiosk's print agent to one agent socket only. Those are live
 * notices, not feed events: `sync` does not replay them.
 */
export class Broadcaster implements EventPublisher, PrintNotifier {
  constructor(private readonly io: Server<ClientEvents, ServerEvents>) {}

  publish(events: readonly FeedEnvelope[]): void {
    refreshStaffRoom(this.io);
    for (const event of events) this.emit(event);
  }

  /**
   * Live sockets follow ended access: a signed-out session's sockets leave the staff room
   * (the screen stays, as anyone's); revoked sessions, deactivated staff, revoked devices
   * and replaced print-agent tokens lose their sockets.
   */
  endAccess(ends: readonly AccessEnd[]): void {
    for (const end of ends) {
      if (end.kind === 'sessions-ended') {
        for (const id of end.sessionIds) {
          const sockets = this.io.in(ROOMS.session(id));
          if (end.reason === 'revoked') sockets.disconnectSockets(true);
          else sockets.socketsLeave(ROOMS.staff);
        }
      } else if (end.kind === 'staff-deactivated') {
        this.io.in(ROOMS.staffMember(end.staffId)).disconnectSockets(true);
      } else if (end.kind === 'device-revoked') {
        this.io.in(ROOMS.device(end.deviceId)).disconnectSockets(true);
      } else {
        this.io.in(ROOMS.printAgent(end.deviceId)).disconnectSockets(true);
      }
    }
  }

  private emit(event: FeedEnvelope): void {
    // The envelope's type and payload always match; TypeScript cannot follow the union through emit.
    const toStaff = this.io.to(ROOMS.staff);
    const toOthers = this.io.except(ROOMS.staff);
    const emitStaff = toStaff.emit.bind(toStaff) as (type: string, payload: unknown) => boolean;
    const emitOthers = toOthers.emit.bind(toOthers) as (type: string, payload: unknown) => boolean;
    emitStaff(event.type, event.payload);
    // A staff-only event (a rating) reaches everyone else as `feed:skipped` of its seq.
    const shown = toPublicEnvelope(event);
    emitOthers(shown.type, shown.payload);
  }

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

/** Sends a socket that just connected the state it starts from (staff's or the public's form). */
export function sendSnapshot(
  socket: Socket<ClientEvents, ServerEvents>,
  snapshot: StateSnapshot | PublicStateSnapshot,
): void {
  socket.emit(SERVER_EVENTS.snapshot, snapshot);
}

/** Emits a server event to one room only. */
export function emitToRoom<K extends keyof ServerEvents>(
  io: Server<ClientEvents, ServerEvents>,
  room: string,
  event: K,
  ...args: Parameters<ServerEvents[K]>
): void {
  if (room === ROOMS.staff) refreshStaffRoom(io);
  // The event map types the call; socket.io cannot narrow a generic key itself.
  const target = io.to(room);
  const emit = target.emit.bind(target) as (name: string, ...rest: unknown[]) => boolean;
  emit(event, ...args);
}

/** A publisher that forwards to a target set later (the socket server is built after the services). */
export class DeferredPublisher implements EventPublisher {
  private target: EventPublisher | null = null;

  attach(target: EventPublisher): void {
    this.target = target;
  }

  publish(events: readonly FeedEnvelope[]): void {
    this.target?.publish(events);
  }

  endAccess(ends: readonly AccessEnd[]): void {
    this.target?.endAccess(ends);
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
