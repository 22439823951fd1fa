import type { ApiError } from './errors';
import type {
  AgentPrintJob,
  PrintJob,
  PrintJobResult,
  PrinterRemoved,
  PrinterStatusReport,
} from './printing';
import type {
  CentreInfo,
  PublicShapes,
  Rating,
  RecentCall,
  Service,
  ServiceGroup,
  Shapes,
  StaffShapes,
  StateSnapshot,
  WaitingCounts,
} from './entities';

/** Names of the events the server pushes. No event-name literal lives outside this module. */
export const SERVER_EVENTS = {
  snapshot: 'queue:snapshot',
  ticketIssued: 'ticket:issued',
  ticketCalled: 'ticket:called',
  ticketStarted: 'ticket:started',
  ticketFinished: 'ticket:finished',
  ticketNoShow: 'ticket:no-show',
  ticketExpired: 'ticket:expired',
  ticketParked: 'ticket:parked',
  ticketReturned: 'ticket:returned',
  ticketTransferred: 'ticket:transferred',
  ticketRequeued: 'ticket:requeued',
  ticketCancelled: 'ticket:cancelled',
  counterUpdated: 'counter:updated',
  centreUpdated: 'centre:updated',
  catalogueUpdated: 'catalogue:updated',
  ticketRated: 'ticket:rated',
  feedSkipped: 'feed:skipped',
  printerStatus: 'printer:status',
  printerRemoved: 'printer:removed',
  printJobUpdated: 'print-job:updated',
  printJob: 'print:job',
} as const;

/** Names of the events a client may send. */
export const CLIENT_EVENTS = {
  sync: 'sync',
  printJobResult: 'print-job:result',
} as const;

/** Fields every event of the feed carries. */
export interface FeedFields {
  /** Position in the event feed; strictly increasing, never reused. */
  seq: number;
  /** When it happened, ISO 8601 UTC. */
  at: string;
}

/** A change to one ticket, with the counter involved and the queue lengths after it. */
export interface TicketChange<S extends Shapes = StaffShapes> extends FeedFields {
  ticket: S['ticket'];
  counter: S['counter'] | null;
  waiting: WaitingCounts;
}

/** `ticket:called`: a number was called (or called again) to a counter. */
export interface TicketCalled<S extends Shapes = StaffShapes> extends TicketChange<S> {
  counter: S['counter'];
  recall: boolean;
}

/**
 * The recent-calls entry of a `ticket:called` payload, called at `calledAt` (the event's
 * `at`): the one mapping the server's snapshot and the screens' reducer share.
 */
export function recentCallOf(
  called: Pick<TicketCalled<Shapes>, 'ticket' | 'counter' | 'recall'>,
  calledAt: string,
): RecentCall {
  return {
    ticketId: called.ticket.id,
    number: called.ticket.number,
    serviceId: called.ticket.serviceId,
    priorityClass: called.ticket.priorityClass,
    counterId: called.counter.id,
    counterNumber: called.counter.number,
    counterName: called.counter.name,
    calledAt,
    recall: called.recall,
  };
}

/** `counter:updated`: a counter changed hands or state. */
export interface CounterUpdated<S extends Shapes = StaffShapes> extends FeedFields {
  counter: S['counter'];
}

/** `centre:updated`: the centre's name or kiosk options changed. */
export interface CentreUpdated extends FeedFields {
  centre: CentreInfo;
}

/**
 * `catalogue:updated`: an admin added, changed or removed a service, a kiosk menu group or
 * a counter. Carries the whole active catalogue as screens list it after the change (as in
 * a snapshot), which replaces theirs.
 */
export interface CatalogueUpdated<S extends Shapes = StaffShapes> extends FeedFields {
  services: Service[];
  serviceGroups: ServiceGroup[];
  counters: S['counter'][];
}

/**
 * `ticket:rated`: a visitor rated a finished ticket. Staff only: screens of anyone else
 * never receive it (see docs/api.md for how their feed's seq stays contiguous).
 */
export interface TicketRated extends FeedFields {
  rating: Rating;
}

/**
 * `feed:skipped`: what anyone but staff get in place of a feed event that is not theirs
 * (`ticket:rated`): its seq and time alone, so their feed stays contiguous without a sync
 * and without seeing the event. Never stored: the stored event is the staff one.
 */
export type FeedSkipped = FeedFields;

/** Payload of each feed event, by event name, as staff get it by default. */
export interface FeedPayloads<S extends Shapes = StaffShapes> {
  'ticket:issued': TicketChange<S>;
  'ticket:called': TicketCalled<S>;
  'ticket:started': TicketChange<S>;
  'ticket:finished': TicketChange<S>;
  'ticket:no-show': TicketChange<S>;
  'ticket:expired': TicketChange<S>;
  'ticket:parked': TicketChange<S>;
  'ticket:returned': TicketChange<S>;
  'ticket:transferred': TicketChange<S>;
  'ticket:requeued': TicketChange<S>;
  'ticket:cancelled': TicketChange<S>;
  'counter:updated': CounterUpdated<S>;
  'centre:updated': CentreUpdated;
  'catalogue:updated': CatalogueUpdated<S>;
  'ticket:rated': TicketRated;
  'feed:skipped': FeedSkipped;
}

/** Names of the events that make up the feed (seq-numbered and replayable by `sync`). */
export type FeedEventName = keyof FeedPayloads;

/** One flag per feed event: a `Record` so adding a feed event without listing it fails. */
const FEED_EVENT_FLAGS: Record<FeedEventName, true> = {
  [SERVER_EVENTS.ticketIssued]: true,
  [SERVER_EVENTS.ticketCalled]: true,
  [SERVER_EVENTS.ticketStarted]: true,
  [SERVER_EVENTS.ticketFinished]: true,
  [SERVER_EVENTS.ticketNoShow]: true,
  [SERVER_EVENTS.ticketExpired]: true,
  [SERVER_EVENTS.ticketParked]: true,
  [SERVER_EVENTS.ticketReturned]: true,
  [SERVER_EVENTS.ticketTransferred]: true,
  [SERVER_EVENTS.ticketRequeued]: true,
  [SERVER_EVENTS.ticketCancelled]: true,
  [SERVER_EVENTS.counterUpdated]: true,
  [SERVER_EVENTS.centreUpdated]: true,
  [SERVER_EVENTS.catalogueUpdated]: true,
  [SERVER_EVENTS.ticketRated]: true,
  [SERVER_EVENTS.feedSkipped]: true,
};

/** Every feed event name; the snapshot and the live-only printing events are not in it. */
export const FEED_EVENT_NAMES = Object.keys(FEED_EVENT_FLAGS) as readonly FeedEventName[];

/** Feed events that carry a plain `TicketChange`. */
export type TicketChangeEventName = Exclude<
  FeedEventName,
  | 'ticket:called'
  | 'counter:updated'
  | 'centre:updated'
  | 'catalogue:updated'
  | 'ticket:rated'
  | 'feed:skipped'
>;

/** Feed events only staff receive; everyone else gets a `feed:skipped` of the same seq. */
export const STAFF_ONLY_FEED_EVENTS: readonly FeedEventName[] = [SERVER_EVENTS.ticketRated];

/** One feed event as `sync` returns it: exactly what was pushed live, with its name. */
export type FeedEnvelope<S extends Shapes = StaffShapes> = {
  [K in FeedEventName]: { type: K; payload: FeedPayloads<S>[K] };
}[FeedEventName];

/** A feed event as anyone but staff get it: never a staff-only one (`ticket:rated`). */
export type PublicFeedEnvelope = Exclude<FeedEnvelope<PublicShapes>, { type: 'ticket:rated' }>;

/** A socket acknowledgement: data on success, a coded error otherwise. */
export type Ack<T> = { data: T } | { error: ApiError };

/** `sync` request: the last seq the client applied. */
export interface SyncRequest {
  sinceSeq: number;
}

/**
 * `sync` answer: the missed events in order, or a snapshot when too far behind. With the
 * events come the active printers as they are now (printer news is live only, so a screen
 * that was offline while a printer changed replaces its list with this one).
 */
export type SyncResult<S extends Shapes = StaffShapes> =
  | { kind: 'events'; events: FeedEnvelope<S>[]; printers: PrinterStatusReport[] }
  | { kind: 'snapshot'; snapshot: StateSnapshot<S> };

/** A `sync` answer as anyone but staff get it. */
export type PublicSyncResult = SyncResult<PublicShapes>;

/** Events the server emits, for `Server<ClientEvents, ServerEvents>`. */
export type ServerEvents = {
  [K in FeedEventName]: (payload: FeedPayloads[K]) => void;
} & {
  'queue:snapshot': (snapshot: StateSnapshot) => void;
  /**
   * To everyone: a printer's state changed or was checked, or an admin added or changed an
   * active printer. Live only, not part of the feed.
   */
  'printer:status': (status: PrinterStatusReport) => void;
  /** To everyone: a printer was deleted or deactivated. Live only, not part of the feed. */
  'printer:removed': (removed: PrinterRemoved) => void;
  /** To staff: a print job moved. Live only, not part of the feed. */
  'print-job:updated': (job: PrintJob) => void;
  /** To one paired kiosk's print agent: a job to print. */
  'print:job': (job: AgentPrintJob) => void;
};

/** Events a client emits. */
export interface ClientEvents {
  sync: (request: SyncRequest, ack: (result: Ack<SyncResult>) => void) => void;
  /** A print agent reports a job's outcome or its printer's state; only the owning kiosk may. */
  'print-job:result': (result: PrintJobResult, ack: (result: Ack<{ ok: true }>) => void) => void;
}
