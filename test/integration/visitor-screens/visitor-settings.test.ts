import type { CentreSettings, StateSnapshot } from '../../../server/src/contract';
import { DEFAULT_RATING, DEFAULT_VOICE } from '../../../server/src/contract/settings';
import { errorOf, expectStatus, useQueueFixture } from '../../support/queue-helpers';

const { f, connect } = useQueueFixture(['centre:updated']);

const patch = (body: object) => f.admin.request<CentreSettings>('PATCH', '/api/settings', { body });

describe('the visitor-screen settings', () => {
  test('start from the defaults, and screens get them without the rating window', async () => {
    // Act
    const { centre } = expectStatus(await f.anonymous.get<StateSnapshot>('/api/state'), 200);

    // Assert
    const { windowMinutes: _window, ...rating } = DEFAULT_RATING;
    expect(centre).toMatchObject({
      tickerText: '',
      kioskIdleSeconds: 30,
      voice: DEFAULT_VOICE,
      rating,
      logoUrl: null,
    });
    expect(centre.rating).not.toHaveProperty('windowMinutes');
  });

  test('round-trip through PATCH /api/settings and reach screens as centre:updated', async () => {
    // Arrange
    const screen = await connect();
    const voice = {
      ...DEFAULT_VOICE,
      region: 'south',
      template: 'Xin mời số {number} đến quầy {counter}',
      repeats: 1,
    };
    const rating = {
      ...DEFAULT_RATING,
      levels: DEFAULT_RATING.levels.slice(0, 3),
      lowThreshold: 1,
      reasons: ['Thời gian chờ lâu'],
      windowMinutes: 5,
    };

    // Act
    const response = await patch({
      tickerText: '  Giờ làm việc: 7 giờ 30 – 17 giờ  '.normalize('NFD'),
      kioskIdleSeconds: 60,
      voice,
      rating,
    });

    // Assert
    expect(expectStatus(response, 200)).toMatchObject({
      tickerText: 'Giờ làm việc: 7 giờ 30 – 17 giờ',
      kioskIdleSeconds: 60,
      voice,
      rating,
    });
    const stored = expectStatus(await f.admin.get<CentreSettings>('/api/settings'), 200);
    expect(stored).toMatchObject({ kioskIdleSeconds: 60, voice, rating });
    await screen.waitFor(() => screen.received.length === 1);
    const sent = screen.received[0]?.payload as { centre: StateSnapshot['centre'] };
    expect(sent.centre).toMatchObject({
      tickerText: 'Giờ làm việc: 7 giờ 30 – 17 giờ',
      kioskIdleSeconds: 60,
      voice,
    });
    expect(sent.centre.rating).toEqual({
      enabled: true,
      levels: rating.levels,
      lowThreshold: 1,
      reasons: ['Thời gian chờ lâu'],
      idleSeconds: 30,
    });
  });

  test.each([
    [
      'a voice template with a phrase no clip says',
      { voice: { ...DEFAULT_VOICE, template: 'Mời anh chị {number} tới quầy {counter}' } },
    ],
    [
      'a voice template without the counter',
      { voice: { ...DEFAULT_VOICE, template: 'Xin mời số {number}' } },
    ],
    [
      'an unknown placeholder',
      { voice: { ...DEFAULT_VOICE, template: 'Xin mời số {number} đến quầy {room}' } },
    ],
    ['an unknown voice region', { voice: { ...DEFAULT_VOICE, region: 'west' } }],
    ['four repeats', { voice: { ...DEFAULT_VOICE, repeats: 4 } }],
    [
      'levels out of order',
      { rating: { ...DEFAULT_RATING, levels: [...DEFAULT_RATING.levels].reverse() } },
    ],
    ['a low threshold at the best level', { rating: { ...DEFAULT_RATING, lowThreshold: 4 } }],
    ['a rating without its window', { rating: { ...DEFAULT_RATING, windowMinutes: undefined } }],
    ['an idle time of 5 s on the kiosk', { kioskIdleSeconds: 5 }],
    ['a ticker with a control character', { tickerText: 'Chú ý\u0007' }],
    ['a ticker longer than 500 characters', { tickerText: 'a'.repeat(501) }],
  ])('refuse %s with 400 validation_failed', async (_what, body) => {
    // Act
    const response = await patch(body);

    // Assert
    expect(errorOf(response, 400).code).toBe('validation_failed');
    const stored = expectStatus(await f.admin.get<CentreSettings>('/api/settings'), 200);
    expect(stored).toMatchObject({ voice: DEFAULT_VOICE, rating: DEFAULT_RATING, tickerText: '' });
  });
});
