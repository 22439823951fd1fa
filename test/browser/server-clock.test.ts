import { describeInChromium } from './harness';

describeInChromium('screens show the server’s clock, in Chromium', ({ open }) => {
  test('a hall screen shows the server’s time and date, not the browser’s', async () => {
    // Arrange: the server's clock is 2026-11-27T02:00Z (09:00 on Friday in Vietnam);
    // the browser's is whatever this machine says.
    const display = await open('/display', 1920, 1080);

    // Act
    const clock = display.getByTestId('clock');
    await clock.filter({ hasText: '27/11/2026' }).waitFor();

    // Assert
    const text = (await clock.textContent()) ?? '';
    expect(text).toMatch(/09:0\d:\d\d/);
    expect(text).toContain('Thứ Sáu');
  }, 30000);
});
