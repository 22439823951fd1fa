import type {
  Counter,
  FeedEnvelope,
  Service,
  StateSnapshot,
  Ticket,
} from '../../../server/src/contract';
import { DEFAULT_VOICE } from '../../../server/src/contract/settings';

/** A service as the server would list it. */
export function service(id: number, waiting = 0): Service {
  return {
    id,
    code: `S${id}`,
    name: `Lĩnh vực ${id}`,
    nameEn: `Service ${id}`,
    prefix: String.fromCharCode(64 + id),
    waiting,
    estimatedWaitMinutes: waiting * 5,
    available: true,
    unavailableReason: null,
    groupId: null,
    issuingHours: [{ open: '07:30', close: '11:15' }],
    dailyCap: null,
    targetWaitMinutes: 15,
  };
}

/** A ticket of service 1, overridable field by field. */
export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    number: 'A001',
    serviceId: 1,
    priorityClass: null,
    status: 'waiting',
    day: '2025-01-06',
    counterId: null,
    issuedAt: '2025-01-06T01:00:00.000Z',
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    recallCount: 0,
    front: false,
    targetCounterId: null,
    originalServiceId: 1,
    transferCount: 0,
    note: null,
    closeReason: null,
    parkedAt: null,
    ...overrides,
  };
}

/** A free counter serving service 1. */
export function counter(overrides: Partial<Counter> = {}): Counter {
  return {
    id: 1,
    number: 1,
    name: 'Quầy 1',
    serviceIds: [1],
    tiers: [[1]],
    currentTicket: null,
    staff: null,
    status: 'open',
    pauseReason: null,
    statusSince: null,
    autoCall: false,
    ...overrides,
  };
}

/** A small centre: two services, two counters, nothing called. */
export function snapshot(overrides: Partial<StateSnapshot> = {}): StateSnapshot {
  return {
    seq: 10,
    centre: {
      name: 'Trung tâm thử nghiệm',
      address: '',
      priorityClasses: [],
      pauseReasons: [],
      recallLimit: 3,
      kioskPolicy: 'open',
      timeZone: 'Asia/Ho_Chi_Minh',
      publicUrl: 'http://192.0.2.10:8080',
      logoUrl: null,
      tickerText: '',
      kioskIdleSeconds: 30,
      voice: DEFAULT_VOICE,
      rating: { enabled: true, levels: [], lowThreshold: 2, reasons: [], idleSeconds: 30 },
    },
    services: [service(1, 2), service(2, 0)],
    serviceGroups: [],
    counters: [counter(), counter({ id: 2, number: 2, name: 'Quầy 2', serviceIds: [2, 1] })],
    recentCalls: [],
    printers: [],
    serverTime: '2026-11-27T02:00:00.000Z',
    ...overrides,
  };
}

/** A `ticket:called` event for ticket `id` to counter 1. */
export function calledEvent(seq: number, id = 1, recall = false): FeedEnvelope {
  const called = ticket({
    id,
    number: `A${String(id).padStart(3, '0')}`,
    status: 'called',
    counterId: 1,
    calledAt: `2025-01-06T02:00:${String(seq).padStart(2, '0')}.000Z`,
    recallCount: recall ? 1 : 0,
  });
  return {
    type: 'ticket:called',
    payload: {
      seq,
      at: called.calledAt ?? '',
      ticket: called,
      counter: counter({ currentTicket: called, staff: { id: 7, displayName: 'Nguyễn Văn An' } }),
      waiting: { '1': 1 },
      recall,
    },
  };
}

/** A `ticket:issued` event leaving `waiting` tickets for service 1. */
export function issuedEvent(seq: number, waiting: number): FeedEnvelope {
  return {
    type: 'ticket:issued',
    payload: {
      seq,
      at: '2025-01-06T01:00:00.000Z',
      ticket: ticket({ id: 100 + seq }),
      counter: null,
      waiting: { '1': waiting },
    },
  };
}
