/**
 * The queue rules of docs/queue-rules.md, written out again for the property test: which
 * refusals a command may meet in a given state, which ticket a counter must call next, and
 * what every stored ticket and counter must look like. Nothing here imports domain code,
 * so the test checks the server against the documented rules, not against itself.
 */

/** A ticket row as stored. */
export interface Row {
  id: number;
  service_id: number;
  original_service_id: number;
  day: string;
  sequence: number;
  number: string;
  status: string;
  priority_class: string | null;
  counter_id: number | null;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  parked_at: number | null;
  recall_count: number;
  front: number;
  target_counter_id: number | null;
  close_reason: string | null;
}

/** A counter row as stored. */
export interface CounterRow {
  id: number;
  staff_id: number | null;
  status: string;
}

/** Everything the rules look at, read from the database before a command. */
export interface World {
  tickets: Row[];
  counters: CounterRow[];
  /** Counter id → (service id → tier). */
  tiers: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** Service id → target wait in ms. */
  targetWaitMs: ReadonlyMap<number, number>;
  now: number;
  today: string;
  recallLimit: number;
  /** True when the counter's holder has a live session. */
  staffed(counterId: number): boolean;
}

/** A counter action, as `POST /api/counters/:id/<action>` names it. */
export type Action = 'call-next' | 'recall' | 'start' | 'finish' | 'no-show' | 'park';

const OPEN_STATUSES = ['waiting', 'called', 'serving', 'parked'];

/** The ticket called or being served at the counter, if any. */
export const currentAt = (world: World, counterId: number): Row | undefined =>
  world.tickets.find(
    (t) => t.counter_id === counterId && (t.status === 'called' || t.status === 'serving'),
  );

/** Waiting tickets the counter may call: its services', plus those sent to it by name. */
export function eligibleFor(world: World, counterId: number): Row[] {
  const tiers = world.tiers.get(counterId) ?? new Map<number, number>();
  return world.tickets.filter(
    (t) =>
      t.status === 'waiting' &&
      (t.target_counter_id !== null ? t.target_counter_id === counterId : tiers.has(t.service_id)),
  );
}

/**
 * The refusals a counter action may meet, each a documented reason that holds now. An
 * empty list of `must` means the action must succeed. A call or recall at a counter
 * nobody holds with a live session must be refused with `counter_not_staffed`; other
 * actions there may be refused with it too.
 */
export function counterRefusals(
  world: World,
  counterId: number,
  action: Action | 'transfer',
): { must: string[]; may: string[] } {
  const counter = world.counters.find((c) => c.id === counterId);
  if (!counter) return { must: ['counter_not_found'], may: [] };
  const current = currentAt(world, counterId);
  const must: string[] = [];
  const staffed = world.staffed(counterId);
  const may = staffed ? [] : ['counter_not_staffed'];
  if (!staffed && (action === 'call-next' || action === 'recall')) must.push('counter_not_staffed');
  if (action === 'call-next') {
    if (counter.status === 'paused') must.push('counter_paused');
    if (counter.status === 'closed') must.push('counter_closed');
    if (current?.status === 'called') must.push('counter_busy');
    if (eligibleFor(world, counterId).length === 0) must.push('queue_empty');
    return { must, may };
  }
  if (!current) return { must: ['no_current_ticket'], may };
  const from: Record<typeof action, string[]> = {
    recall: ['called'],
    start: ['called'],
    'no-show': ['called'],
    finish: ['serving'],
    park: ['called', 'serving'],
    transfer: ['called', 'serving'],
  };
  if (!from[action].includes(current.status)) must.push('invalid_transition');
  if (action === 'recall' && current.recall_count >= world.recallLimit) {
    must.push('recall_limit_reached');
  }
  return { must, may };
}

/** The refusals pausing, closing or opening a counter may meet. */
export function statusRefusals(
  world: World,
  counterId: number,
  to: 'paused' | 'closed' | 'open',
  reason: string | null,
): string[] {
  const counter = world.counters.find((c) => c.id === counterId);
  if (!counter) return ['counter_not_found'];
  if (to === 'open') return [];
  const unchanged = counter.status === to && (to === 'closed' || reason !== null);
  if (!unchanged && currentAt(world, counterId)) return ['counter_busy'];
  return [];
}

/**
 * Orders one group (priority or normal) of ordinary tickets as docs/queue-rules.md says:
 * overdue tickets first, oldest first; then the counter's tier; then issue time, then id.
 */
function byRules(world: World, counterId: number): (a: Row, b: Row) => number {
  const tiers = world.tiers.get(counterId) ?? new Map<number, number>();
  const overdue = (t: Row) => world.now - t.issued_at > (world.targetWaitMs.get(t.service_id) ?? 0);
  const tier = (t: Row) => tiers.get(t.service_id) ?? 99;
  return (a, b) =>
    Number(overdue(b)) - Number(overdue(a)) ||
    (overdue(a) ? 0 : tier(a) - tier(b)) ||
    a.issued_at - b.issued_at ||
    a.id - b.id;
}

/**
 * Why calling `calledId` at the counter breaks the documented choice (strict policy), or
 * null. The exact ticket is checked when the group holds only ordinary tickets. Where
 * tickets transferred in, returned from parking or sent to the counter by name wait too,
 * the docs do not say how they rank against overdue ones, so only what they do say is
 * checked: the class, and first come first served among tickets of the same kind.
 */
export function choiceProblem(world: World, counterId: number, calledId: number): string | null {
  const eligible = eligibleFor(world, counterId);
  const called = eligible.find((t) => t.id === calledId);
  if (!called) return `counter ${counterId} called ticket ${calledId}, which it may not call`;
  const priority = eligible.filter((t) => t.priority_class !== null);
  if (called.priority_class === null && priority.length > 0) {
    return `counter ${counterId} called ${called.number} while ${priority[0]?.number} (priority) waited`;
  }
  const group = eligible.filter(
    (t) => (t.priority_class === null) === (called.priority_class === null),
  );
  const special = (t: Row) => t.front === 1 || t.target_counter_id !== null;
  if (!group.some(special)) {
    const want = [...group].sort(byRules(world, counterId))[0];
    return want?.id === called.id
      ? null
      : `counter ${counterId} called ${called.number}, not ${want?.number}`;
  }
  const tiers = world.tiers.get(counterId);
  const kind = (t: Row) => `${t.front}/${t.target_counter_id}/${tiers?.get(t.service_id)}`;
  const skipped = group.find((t) => kind(t) === kind(called) && t.issued_at < called.issued_at);
  return skipped
    ? `counter ${counterId} called ${called.number} before the older ${skipped.number}`
    : null;
}

/** Why a stored ticket is inconsistent with its status, or null when it is not. */
export function ticketProblem(t: Row, today: string): string | null {
  const set = (v: unknown) => v !== null;
  const shape: Record<string, () => boolean> = {
    waiting: () => !set(t.counter_id) && !set(t.called_at) && !set(t.finished_at),
    called: () =>
      set(t.counter_id) && set(t.called_at) && !set(t.serving_at) && !set(t.finished_at),
    serving: () =>
      set(t.counter_id) && set(t.called_at) && set(t.serving_at) && !set(t.finished_at),
    parked: () => set(t.parked_at) && !set(t.finished_at),
    done: () => set(t.called_at) && set(t.serving_at) && set(t.finished_at),
    no_show: () => set(t.called_at) && !set(t.serving_at) && set(t.finished_at),
    cancelled: () => set(t.finished_at) && set(t.close_reason),
    expired: () => set(t.finished_at),
  };
  const check = shape[t.status];
  if (!check) return `ticket ${t.number} has an unknown status ${t.status}`;
  if (!check()) return `ticket ${t.number} is ${t.status} with fields ${JSON.stringify(t)}`;
  if (OPEN_STATUSES.includes(t.status) && t.day !== today) {
    return `ticket ${t.number} of ${t.day} is still ${t.status} on ${today}`;
  }
  return null;
}
