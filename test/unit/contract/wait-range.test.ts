import { fillMessage, type MessageKey } from '../../../server/src/contract/message-keys';
import { en } from '../../../server/src/contract/messages-en';
import { vi } from '../../../server/src/contract/messages-vi';
import { waitRange, waitText } from '../../../server/src/contract/wait-range';

describe('waitRange()', () => {
  test('gives no band for 0 minutes, a negative or not-a-number estimate', () => {
    expect(waitRange(0)).toBeNull();
    expect(waitRange(-3)).toBeNull();
    expect(waitRange(Number.NaN)).toBeNull();
    expect(waitRange(Number.POSITIVE_INFINITY)).toBeNull();
  });

  test('shows 1 to 4 minutes, and a fraction of one, as under 5', () => {
    for (const minutes of [0.5, 1, 4, 4.9]) expect(waitRange(minutes)).toEqual({ low: 0, high: 5 });
  });

  test.each([
    [5, 5, 10],
    [9, 5, 10],
    [10, 10, 15],
    [12, 10, 15],
    [14, 10, 15],
    [25, 25, 30],
    [29, 25, 30],
  ])('puts %i minutes in 5-minute bands below 30: %i–%i', (minutes, low, high) => {
    expect(waitRange(minutes)).toEqual({ low, high });
  });

  test.each([
    [30, 30, 40],
    [39, 30, 40],
    [42, 40, 50],
    [59, 50, 60],
  ])('puts %i minutes in 10-minute bands from 30 to 60: %i–%i', (minutes, low, high) => {
    expect(waitRange(minutes)).toEqual({ low, high });
  });

  test.each([
    [60, 60, 75],
    [74, 60, 75],
    [75, 75, 90],
    [119, 105, 120],
  ])('puts %i minutes in 15-minute bands from 60 to 120: %i–%i', (minutes, low, high) => {
    expect(waitRange(minutes)).toEqual({ low, high });
  });

  test.each([
    [120, 120, 150],
    [149, 120, 150],
    [150, 150, 180],
    [400, 390, 420],
  ])('puts %i minutes in 30-minute bands from 120: %i–%i', (minutes, low, high) => {
    expect(waitRange(minutes)).toEqual({ low, high });
  });

  test('always holds the estimate, with the band never narrowing as the wait grows', () => {
    let width = 0;
    for (let minutes = 1; minutes <= 600; minutes += 1) {
      const range = waitRange(minutes);
      expect(range).not.toBeNull();
      if (!range) continue;
      expect(range.low).toBeLessThanOrEqual(minutes);
      expect(range.high).toBeGreaterThan(minutes);
      expect(range.high - range.low).toBeGreaterThanOrEqual(width);
      width = range.high - range.low;
    }
  });
});

describe('waitText()', () => {
  const say =
    (messages: Record<MessageKey, string>) =>
    (key: MessageKey, params: Record<string, number>): string =>
      fillMessage(messages[key], params);

  test.each([
    [3, 'dưới 5 phút', 'under 5 min'],
    [12, 'khoảng 10–15 phút', 'about 10–15 min'],
    [45, 'khoảng 40–50 phút', 'about 40–50 min'],
    [90, 'khoảng 90–105 phút', 'about 90–105 min'],
  ])('says %i minutes as "%s" and "%s"', (minutes, vietnamese, english) => {
    expect(waitText(say(vi), minutes)).toBe(vietnamese);
    expect(waitText(say(en), minutes)).toBe(english);
  });

  test('leaves 0 minutes to the screen, which says it is called at once', () => {
    expect(waitText(say(vi), 0)).toBeNull();
  });

  test('fits the sentence of the issued ticket and the tracking page', () => {
    const wait = waitText(say(vi), 12) ?? '';

    expect(fillMessage(vi['kiosk.estimatedWait'], { wait })).toBe(
      'Thời gian chờ dự kiến: khoảng 10–15 phút',
    );
    expect(fillMessage(en['kiosk.estimatedWait'], { wait: waitText(say(en), 12) ?? '' })).toBe(
      'Estimated wait: about 10–15 min',
    );
  });
});
