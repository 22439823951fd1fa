import {
  createAnnouncer,
  type AnnouncerNote,
  type AnnouncerSettings,
  type CallToAnnounce,
  type VoiceOutput,
} from '../../../ui-shared/src/announcer';

const T0 = Date.UTC(2026, 10, 27, 2, 0, 0);

/** A clock the test moves. */
function fakeClock(start = T0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/**
 * An output whose calls last until the test finishes them, logging each start and end so
 * that overlaps show: a start while another call is open is a failure.
 */
function fakeOutput() {
  const log: string[] = [];
  let open: string | null = null;
  let overlaps = 0;
  const finishers: Array<() => void> = [];
  const output: VoiceOutput = {
    say(call, repeats) {
      if (open !== null) overlaps += 1;
      open = call.ticketNumber;
      log.push(`${call.ticketNumber}×${repeats}`);
      return new Promise<void>((resolve) => {
        finishers.push(() => {
          open = null;
          resolve();
        });
      });
    },
  };
  /** Ends the call being said and lets the announcer start the next one. */
  const finish = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { output, log, finish, overlaps: () => overlaps, playing: () => open };
}

let nextSeq = 1;
function call(ticketNumber: string, at = T0, seq = nextSeq++): CallToAnnounce {
  return {
    key: `${ticketNumber}:${seq}`,
    ticketNumber,
    counterNumber: 1,
    calledAt: new Date(at).toISOString(),
    recall: false,
  };
}

function setup(settings: AnnouncerSettings = { repeats: 2, backlogThreshold: 3 }) {
  const clock = fakeClock();
  const out = fakeOutput();
  const notes: AnnouncerNote[] = [];
  const announcer = createAnnouncer({
    output: out.output,
    settings: () => settings,
    now: clock.now,
    note: (n) => notes.push(n),
  });
  return { clock, out, notes, announcer, settings };
}

describe('createAnnouncer()', () => {
  test('says a call the configured number of times', async () => {
    const { out, announcer } = setup({ repeats: 3, backlogThreshold: 3 });

    announcer.announce(call('A001'));
    await out.finish();

    expect(out.log).toEqual(['A001×3']);
  });

  test('says calls that arrive together first in, first out, each waiting for the one before', async () => {
    const { out, announcer } = setup();

    announcer.announce(call('A001'));
    announcer.announce(call('A002'));
    announcer.announce(call('A003'));

    expect(out.log).toEqual(['A001×2']);
    expect(announcer.queued).toBe(2);
    await out.finish();
    expect(out.log).toEqual(['A001×2', 'A002×2']);
    await out.finish();
    await out.finish();
    expect(out.log).toEqual(['A001×2', 'A002×2', 'A003×2']);
    expect(out.overlaps()).toBe(0);
    expect(announcer.busy).toBe(false);
  });

  test('says each call once while more than backlogThreshold wait, then twice again', async () => {
    const { out, announcer } = setup({ repeats: 2, backlogThreshold: 3 });

    for (const n of ['A001', 'A002', 'A003', 'A004', 'A005']) announcer.announce(call(n));
    for (let i = 0; i < 5; i += 1) await out.finish();
    for (const n of ['B001', 'B002', 'B003', 'B004', 'B005', 'B006']) announcer.announce(call(n));
    for (let i = 0; i < 6; i += 1) await out.finish();
    announcer.announce(call('A006'));
    await out.finish();

    // A001 started alone: twice. Then A002 with 4 waiting: once; then 3, 2, 1: twice.
    // B001 alone; B002 with 5 waiting and B003 with 4: once each; then twice again.
    expect(out.log).toEqual([
      'A001×2',
      'A002×1',
      'A003×2',
      'A004×2',
      'A005×2',
      'B001×2',
      'B002×1',
      'B003×1',
      'B004×2',
      'B005×2',
      'B006×2',
      'A006×2',
    ]);
  });

  test('says exactly threshold waiting calls the full number of times', async () => {
    const { out, announcer } = setup({ repeats: 2, backlogThreshold: 3 });

    for (const n of ['A001', 'A002', 'A003']) announcer.announce(call(n));
    for (let i = 0; i < 3; i += 1) await out.finish();

    expect(out.log).toEqual(['A001×2', 'A002×2', 'A003×2']);
  });

  test('never says the same event twice, queued or already said', async () => {
    const { out, announcer, notes } = setup();
    const first = call('A001', T0, 10);

    expect(announcer.announce(first)).toBe(true);
    expect(announcer.announce({ ...first })).toBe(false);
    await out.finish();
    expect(announcer.announce({ ...first })).toBe(false);
    await out.finish();

    expect(out.log).toEqual(['A001×2']);
    expect(notes.filter((n) => n.kind === 'duplicate')).toHaveLength(2);
  });

  test('never says a call it was told to skip', async () => {
    const { out, announcer } = setup();
    const onScreen = call('A001', T0, 30);

    announcer.skip(onScreen.key);
    announcer.announce({ ...onScreen });
    announcer.announce(call('A002', T0, 31));
    await out.finish();

    expect(out.log).toEqual(['A002×2']);
  });

  test('says a recall again: a new event of the same ticket', async () => {
    const { out, announcer } = setup();

    announcer.announce(call('A001', T0, 20));
    await out.finish();
    announcer.announce({ ...call('A001', T0 + 60_000, 21), recall: true });
    await out.finish();

    expect(out.log).toEqual(['A001×2', 'A001×2']);
  });

  test('skips a call whose turn comes more than maxAgeMs after it was made', async () => {
    const { out, announcer, notes, clock } = setup();
    clock.advance(3 * 60_000 + 1);

    announcer.announce(call('A001', T0));
    announcer.announce(call('A002', T0 + 60_000));
    await out.finish();

    expect(out.log).toEqual(['A002×2']);
    expect(notes).toContainEqual({ kind: 'stale', key: expect.stringMatching(/^A001:/) });
  });

  test('reads the settings when each call starts', async () => {
    const { out, announcer, settings } = setup({ repeats: 2, backlogThreshold: 3 });

    announcer.announce(call('A001'));
    announcer.announce(call('A002'));
    settings.repeats = 1;
    await out.finish();
    await out.finish();

    expect(out.log).toEqual(['A001×2', 'A002×1']);
  });

  test('moves on to the next call when the output fails', async () => {
    const said: string[] = [];
    const notes: AnnouncerNote[] = [];
    const announcer = createAnnouncer({
      output: {
        say: (c) => {
          said.push(c.ticketNumber);
          return c.ticketNumber === 'A001'
            ? Promise.reject(new Error('no sound'))
            : Promise.resolve();
        },
      },
      settings: () => ({ repeats: 1, backlogThreshold: 3 }),
      now: () => T0,
      note: (n) => notes.push(n),
    });

    announcer.announce(call('A001'));
    announcer.announce(call('A002'));
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(said).toEqual(['A001', 'A002']);
    expect(notes.map((n) => n.kind)).toEqual([
      'queued',
      'start',
      'queued',
      'failed',
      'start',
      'end',
    ]);
  });

  test('forgets the oldest keys past `remember`, keeping the newest', async () => {
    const out = fakeOutput();
    const announcer = createAnnouncer({
      output: out.output,
      settings: () => ({ repeats: 1, backlogThreshold: 100 }),
      now: () => T0,
      remember: 2,
    });
    const [a, b, c] = [call('A001'), call('A002'), call('A003')];

    for (const x of [a, b, c]) announcer.announce(x);
    for (let i = 0; i < 3; i += 1) await out.finish();

    expect(announcer.announce({ ...c })).toBe(false);
    expect(announcer.announce({ ...a })).toBe(true);
  });
});
