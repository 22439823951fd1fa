import type { Server } from 'socket.io';
import type { ClientEvents, FeedEnvelope, ServerEvents } from '../contract/events';
import type { EventPublisher } from '../services/core/command-runner';
import { toPublicEnvelope } from '../services/queue/public-view';
import { refreshStaffRoom, ROOMS } from './rooms';

/**
 * The only place that emits feed events: each committed event goes to every screen, in
 * order — as it is to staff, and without the staff-only ticket fields to everyone else.
 */
export class Broadcaster implements EventPublisher {
  constructor(private readonly io: Server<ClientEvents, ServerEvents>) {}

  publish(events: readonly FeedEnvelope[]): void {
    refreshStaffRoom(this.io);
    for (const event of events) this.emit(event);
  }

  private emit(event: FeedEnvelope): void {
    // The envelope's type and payload always match; TypeScript cannot follow the union through emit.
    const toStaff = this.io.to(ROOMS.staff);
    const toOthers = this.io.except(ROOMS.staff);
    const emitStaff = toStaff.emit.bind(toStaff) as (type: string, payload: unknown) => boolean;
    const emitOthers = toOthers.emit.bind(toOthers) as (type: string, payload: unknown) => boolean;
    emitStaff(event.type, event.payload);
    emitOthers(event.type, toPublicEnvelope(event).payload);
  }
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
}
