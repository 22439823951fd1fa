import {
  abandoned,
  assertMayCall,
  assertMayOperate,
  assertStaffed,
  autoCallsNext,
  changeStatus,
  makeRoom,
  pauseReason,
  signIn,
  signOut,
  targetStatus,
  type CounterState,
} from '../../../server/src/domain/counter';
import { DomainError } from '../../../server/src/domain/errors';

const counter = (more: Partial<CounterState> = {}): CounterState => ({
  id: 1,
  number: 3,
  status: 'open',
  pauseReason: null,
  staffId: 7,
  staffName: 'Lan',
  ...more,
});

const CLERK = { staffId: 7, managesFloor: false };
const OTHER_CLERK = { staffId: 8, managesFloor: false };
const SUPERVISOR = { staffId: 9, managesFloor: true };

/** The domain error code `run` throws, or undefined when it throws nothing. */
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('changeStatus()', () => {
  test('opens a paused or closed counter', () => {
    expect(
      changeStatus(counter({ status: 'paused', pauseReason: 'Nghỉ' }), { kind: 'open' }, false),
    ).toEqual({
      status: 'open',
      pauseReason: null,
    });
    expect(changeStatus(counter({ status: 'closed' }), { kind: 'open' }, false)).toEqual({
      status: 'open',
      pauseReason: null,
    });
  });

  test('returns null when the counter already is where the command leads', () => {
    expect(changeStatus(counter(), { kind: 'open' }, true)).toBeNull();
    expect(changeStatus(counter(), { kind: 'resume' }, false)).toBeNull();
    expect(
      changeStatus(
        counter({ status: 'paused', pauseReason: 'Nghỉ' }),
        { kind: 'pause', reason: 'Nghỉ' },
        true,
      ),
    ).toBeNull();
    expect(changeStatus(counter({ status: 'closed' }), { kind: 'close' }, false)).toBeNull();
  });

  test('pauses with a reason, and changes the reason of a paused counter', () => {
    expect(changeStatus(counter(), { kind: 'pause', reason: 'Nghỉ' }, false)).toEqual({
      status: 'paused',
      pauseReason: 'Nghỉ',
    });
    expect(
      changeStatus(
        counter({ status: 'paused', pauseReason: 'Nghỉ' }),
        { kind: 'pause', reason: 'Họp' },
        false,
      ),
    ).toEqual({ status: 'paused', pauseReason: 'Họp' });
  });

  test('resumes a paused counter but refuses to resume a closed one', () => {
    expect(
      changeStatus(counter({ status: 'paused', pauseReason: 'Nghỉ' }), { kind: 'resume' }, true),
    ).toEqual({
      status: 'open',
      pauseReason: null,
    });
    expect(
      codeOf(() => changeStatus(counter({ status: 'closed' }), { kind: 'resume' }, false)),
    ).toBe('counter_closed');
  });

  test('refuses to pause or close a counter that still has a ticket', () => {
    expect(codeOf(() => changeStatus(counter(), { kind: 'pause', reason: 'Nghỉ' }, true))).toBe(
      'counter_busy',
    );
    expect(codeOf(() => changeStatus(counter(), { kind: 'close' }, true))).toBe('counter_busy');
  });
});

describe('targetStatus()', () => {
  test('leads open and resume to open, pause to paused, close to closed', () => {
    expect(targetStatus({ kind: 'open' })).toBe('open');
    expect(targetStatus({ kind: 'resume' })).toBe('open');
    expect(targetStatus({ kind: 'pause', reason: 'x' })).toBe('paused');
    expect(targetStatus({ kind: 'close' })).toBe('closed');
  });
});

describe('pauseReason()', () => {
  test('accepts one of the centre reasons, normalised to NFC and trimmed', () => {
    expect(pauseReason('  Nghi\u0309 ', ['Nghỉ'])).toBe('Nghỉ');
  });

  test('refuses a reason the centre does not list', () => {
    expect(codeOf(() => pauseReason('Ăn trưa', ['Nghỉ']))).toBe('validation_failed');
  });
});

describe('assertMayOperate()', () => {
  test('lets the holder and floor managers operate, and refuses another clerk', () => {
    expect(codeOf(() => assertMayOperate(CLERK, counter()))).toBeUndefined();
    expect(codeOf(() => assertMayOperate(SUPERVISOR, counter({ staffId: null })))).toBeUndefined();
    expect(codeOf(() => assertMayOperate(OTHER_CLERK, counter()))).toBe('not_your_counter');
    expect(codeOf(() => assertMayOperate(CLERK, counter({ staffId: null })))).toBe(
      'not_your_counter',
    );
  });
});

describe('signIn()', () => {
  const counters = [
    counter({ id: 1, staffId: null }),
    counter({ id: 2, staffId: 7 }),
    counter({ id: 3, staffId: 8 }),
  ];

  test('takes a free counter and leaves the one the clerk held', () => {
    expect(signIn(counters[0] as CounterState, counters, 7, false)).toEqual({
      release: [2],
      take: true,
    });
  });

  test('changes nothing when the clerk already holds the counter', () => {
    expect(signIn(counters[1] as CounterState, counters, 7, true)).toEqual({
      release: [],
      take: false,
    });
  });

  test('refuses a counter another staff member holds with a live session', () => {
    expect(codeOf(() => signIn(counters[2] as CounterState, counters, 7, true))).toBe(
      'counter_taken',
    );
  });

  test('takes a counter whose holder has no live session left', () => {
    expect(signIn(counters[2] as CounterState, counters, 7, false)).toEqual({
      release: [2],
      take: true,
    });
  });
});

describe('signOut()', () => {
  test('frees the holder counter, and a floor manager frees anyone', () => {
    expect(signOut(counter(), CLERK)).toBe(true);
    expect(signOut(counter(), SUPERVISOR)).toBe(true);
  });

  test('returns false for a free counter, whoever asks', () => {
    expect(signOut(counter({ staffId: null }), OTHER_CLERK)).toBe(false);
  });

  test('refuses a clerk signing out of another clerk counter', () => {
    expect(codeOf(() => signOut(counter(), OTHER_CLERK))).toBe('not_your_counter');
  });
});

describe('abandoned()', () => {
  test('lists the held counters whose holder has no live session', () => {
    const counters = [
      counter({ id: 1, staffId: null }),
      counter({ id: 2, staffId: 7 }),
      counter({ id: 3, staffId: 8 }),
    ];
    expect(abandoned(counters, (staffId) => staffId === 7).map((c) => c.id)).toEqual([3]);
  });
});

describe('assertMayCall()', () => {
  test('lets an open counter with someone at it call', () => {
    expect(codeOf(() => assertMayCall(counter(), true))).toBeUndefined();
  });

  test('refuses an empty desk before looking at the status', () => {
    expect(codeOf(() => assertMayCall(counter({ staffId: null, status: 'closed' }), false))).toBe(
      'counter_not_staffed',
    );
    expect(codeOf(() => assertMayCall(counter(), false))).toBe('counter_not_staffed');
  });

  test('refuses a paused or closed counter', () => {
    expect(codeOf(() => assertMayCall(counter({ status: 'paused' }), true))).toBe('counter_paused');
    expect(codeOf(() => assertMayCall(counter({ status: 'closed' }), true))).toBe('counter_closed');
  });
});

describe('assertStaffed()', () => {
  test('lets a paused counter with someone at it recall', () => {
    expect(codeOf(() => assertStaffed(counter({ status: 'paused' }), true))).toBeUndefined();
    expect(codeOf(() => assertStaffed(counter(), false))).toBe('counter_not_staffed');
  });
});

describe('autoCallsNext()', () => {
  test('calls on after a finish only at an open, staffed counter with auto-call on', () => {
    expect(autoCallsNext({ ...counter(), autoCall: true }, true)).toBe(true);
    expect(autoCallsNext({ ...counter(), autoCall: false }, true)).toBe(false);
    expect(autoCallsNext({ ...counter({ status: 'paused' }), autoCall: true }, true)).toBe(false);
    expect(autoCallsNext({ ...counter(), autoCall: true }, false)).toBe(false);
  });
});

describe('makeRoom()', () => {
  test('returns the ticket being served, to be finished', () => {
    const serving = { number: 'A001', status: 'serving' as const };
    expect(makeRoom(serving)).toBe(serving);
  });

  test('returns null when the counter has no ticket, or a parked one', () => {
    expect(makeRoom(undefined)).toBeNull();
    expect(makeRoom({ number: 'A001', status: 'parked' })).toBeNull();
  });

  test('refuses while a called ticket is still at the counter', () => {
    expect(codeOf(() => makeRoom({ number: 'A001', status: 'called' }))).toBe('counter_busy');
  });
});
