import type { Server } from 'socket.io';
import type { ClientEvents, FeedEnvelope, ServerEvents } from '../contract/events';
import type { EventPublisher } from '../services/command-runner';

/** The only place that emits feed events: each committed event goes to every screen, in order. */
export class Broadcaster implements EventPublisher {
  constructor(private readonly io: Server<ClientEvents, ServerEvents>) {}

  publish(events: readonly FeedEnvelope[]): void {
    for (const event of events) this.emit(event);
  }

  private emit(event: FeedEnvelope): void {
    // The envelope's type and payload always match; TypeScript cannot follow the union through emit.
    const emit = this.io.emit.bind(this.io) as (type: string, payload: unknown) => boolean;
    emit(event.type, event.payload);
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
