import { DEFAULT_RATING } from '../../../server/src/contract/settings';
import {
  counterIdFromPath,
  initialsOf,
} from '../../../display-ui/src/counter-screen/counter-address';
import { bestFirst, moodOf } from '../../../display-ui/src/counter-screen/levels';
import {
  IDLE,
  nextRatingStep,
  type RatedTicket,
  type RatingAction,
  type RatingStep,
} from '../../../display-ui/src/counter-screen/rating-flow';

const TICKET: RatedTicket = {
  id: 7,
  number: 'A015',
  finishedSeq: 40,
  finishedAt: '2026-11-27T02:10:00.000Z',
};
const LATER = '2026-11-27T02:10:05.000Z';

/** Runs actions from idle and returns where the question ends up. */
const run = (...actions: RatingAction[]): RatingStep => actions.reduce(nextRatingStep, IDLE);

const finished: RatingAction = { type: 'finished', ticket: TICKET };
const choose = (level: number, hasReasons = true): RatingAction => ({
  type: 'choose',
  level,
  lowThreshold: 2,
  hasReasons,
  requestId: `choose-${level}`,
});

describe('nextRatingStep()', () => {
  test('asks for a level once this counter finishes a ticket', () => {
    expect(run(finished)).toEqual({ step: 'levels', ticket: TICKET });
  });

  test('sends a level above the low threshold at once, with its own key, then thanks', () => {
    const sending = run(finished, choose(4));

    expect(sending).toEqual({
      step: 'sending',
      ticket: TICKET,
      level: 4,
      reasons: [],
      requestId: 'choose-4',
      quiet: false,
    });
    expect(nextRatingStep(sending, { type: 'sent' })).toEqual({ step: 'thanks' });
    expect(run(finished, choose(4), { type: 'sent' }, { type: 'done' })).toBe(IDLE);
  });

  test('asks for reasons at or under the threshold and sends the ticked ones with the level', () => {
    const asked = run(finished, choose(2));
    expect(asked).toEqual({ step: 'reasons', ticket: TICKET, level: 2, reasons: [] });

    const ticked = run(
      finished,
      choose(1),
      { type: 'toggle', reason: 'Thời gian chờ lâu' },
      { type: 'toggle', reason: 'Thái độ phục vụ' },
      { type: 'toggle', reason: 'Hướng dẫn chưa rõ' },
      { type: 'toggle', reason: 'Thời gian chờ lâu' },
      { type: 'send', requestId: 'send-1' },
    );
    expect(ticked).toMatchObject({
      step: 'sending',
      level: 1,
      reasons: ['Thái độ phục vụ', 'Hướng dẫn chưa rõ'],
      requestId: 'send-1',
      quiet: false,
    });
  });

  test('waits on "Gửi" until one or more reasons are ticked', () => {
    const send = { type: 'send', requestId: 'send-1' } as const;
    const untick = { type: 'toggle', reason: 'Thái độ phục vụ' } as const;

    const none = run(finished, choose(1), send);
    const tickedThenUnticked = run(finished, choose(2), untick, untick, send);

    expect(none).toEqual({ step: 'reasons', ticket: TICKET, level: 1, reasons: [] });
    expect(tickedThenUnticked).toEqual({ step: 'reasons', ticket: TICKET, level: 2, reasons: [] });
    expect(run(finished, choose(2), untick, send)).toMatchObject({
      step: 'sending',
      reasons: ['Thái độ phục vụ'],
    });
  });

  test('sends a low level straight away when the centre lists no reasons', () => {
    expect(run(finished, choose(1, false))).toMatchObject({ step: 'sending', level: 1 });
  });

  test('goes back to idle, sending nothing, when nobody answers the levels in time', () => {
    expect(run(finished, { type: 'timeout', requestId: 'x' })).toBe(IDLE);
  });

  test('sends the level alone, quietly, when the visitor walks away on the reasons step', () => {
    const walkedAway = run(
      finished,
      choose(2),
      { type: 'toggle', reason: 'Thời gian chờ lâu' },
      { type: 'timeout', requestId: 'timeout-1' },
    );

    expect(walkedAway).toMatchObject({ step: 'sending', level: 2, reasons: [], quiet: true });
    expect(nextRatingStep(walkedAway, { type: 'sent' })).toBe(IDLE);
    expect(nextRatingStep(walkedAway, { type: 'failed', error: new Error('x') })).toBe(IDLE);
  });

  test('ends the question when the counter calls the next number', () => {
    expect(run(finished, { type: 'called', seq: 43, at: LATER, requestId: 'x' })).toBe(IDLE);
    // A clock that did not move (or a clerk as quick as the finish) is still a new call.
    const sameTime = { type: 'called', at: TICKET.finishedAt, requestId: 'x' } as const;
    expect(run(finished, { ...sameTime, seq: 42 })).toBe(IDLE);
    expect(run(finished, { type: 'called', seq: 41, at: LATER, requestId: 'x' })).toBe(IDLE);
    expect(
      run(finished, choose(1), { type: 'called', seq: 45, at: LATER, requestId: 'c' }),
    ).toMatchObject({
      step: 'sending',
      level: 1,
      quiet: true,
      requestId: 'c',
    });
  });

  test('keeps asking through the call a counter makes by itself together with the finish', () => {
    const autoCall = {
      type: 'called',
      seq: TICKET.finishedSeq + 1,
      at: TICKET.finishedAt,
      requestId: 'x',
    } as const;

    expect(run(finished, autoCall)).toEqual({ step: 'levels', ticket: TICKET });
    expect(run(finished, choose(2), autoCall)).toMatchObject({ step: 'reasons', level: 2 });
  });

  test('shows a failure, then idle, and ignores taps that do not belong to the step', () => {
    const error = new Error('network');
    const failed = run(finished, choose(3), { type: 'failed', error });

    expect(failed).toEqual({ step: 'failed', error });
    expect(nextRatingStep(failed, { type: 'done' })).toBe(IDLE);
    expect(run({ type: 'toggle', reason: 'x' }, choose(4), { type: 'send', requestId: 'y' })).toBe(
      IDLE,
    );
  });

  test('does not drop a rating being sent when another finish arrives', () => {
    const sending = run(finished, choose(4));

    expect(nextRatingStep(sending, { ...finished, ticket: { ...TICKET, id: 8 } })).toBe(sending);
  });
});

describe('counterIdFromPath()', () => {
  test.each([
    ['/display/counter/3', 3],
    ['/display/counter/12/', 12],
    ['/display/counter/40/anything', 40],
    ['/display/counter/0', null],
    ['/display/counter/abc', null],
    ['/display/counter/3x', null],
    ['/display', null],
  ])('reads %s as %s', (path, id) => {
    expect(counterIdFromPath(path)).toBe(id);
  });
});

describe('initialsOf()', () => {
  test.each([
    ['Nguyễn Văn An', 'NA'],
    ['  trần   thị bích ngọc ', 'TN'],
    ['Đức', 'Đ'],
    ['', ''],
  ])('makes %j into %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('moodOf()', () => {
  test('puts the worst level at 0, the best at 1 and the rest between', () => {
    expect([1, 2, 3, 4].map((level) => moodOf(level, 4))).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(moodOf(1, 1)).toBe(1);
  });
});

describe('bestFirst()', () => {
  test('shows "Rất hài lòng" first and "Không hài lòng" last', () => {
    expect(bestFirst(DEFAULT_RATING.levels).map((level) => level.label)).toEqual([
      'Rất hài lòng',
      'Hài lòng',
      'Bình thường',
      'Không hài lòng',
    ]);
  });
});
