import { noteServerTime, serverNow } from '../../../ui-shared/src/server-time';

describe('the server clock a screen shows', () => {
  afterEach(() => {
    noteServerTime('2026-11-28T00:00:00.000Z', Date.parse('2026-11-28T00:00:00.000Z'));
  });

  test('runs from the last server time noted, at the screen clock’s pace', () => {
    // Arrange: the screen's clock is 2 h 5 min behind the server's.
    const local = Date.parse('2026-11-27T00:00:00.000Z');

    // Act
    noteServerTime('2026-11-27T02:05:00.000Z', local);

    // Assert
    expect(serverNow(local + 30_000).toISOString()).toBe('2026-11-27T02:05:30.000Z');
  });

  test('ignores a time it cannot read and keeps the last good difference', () => {
    // Arrange
    const local = Date.parse('2026-11-27T00:00:00.000Z');
    noteServerTime('2026-11-27T00:00:10.000Z', local);

    // Act
    noteServerTime('not a time', local);

    // Assert
    expect(serverNow(local).toISOString()).toBe('2026-11-27T00:00:10.000Z');
  });
});
