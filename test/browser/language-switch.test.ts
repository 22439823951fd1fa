import { describeInChromium, waitForText } from './harness';

describeInChromium('switching a screen to English, in Chromium', ({ openCounter }) => {
  test('the counter fetches English when the clerk switches, keeps it on reload, and switches back', async () => {
    const counter = await openCounter(1);
    await waitForText(counter, 'lang-toggle', 'English', 5000);

    await counter.getByTestId('lang-toggle').click();
    await waitForText(counter, 'lang-toggle', 'Tiếng Việt', 5000);
    expect(await counter.locator('html').getAttribute('lang')).toBe('en');

    await counter.reload();
    await waitForText(counter, 'lang-toggle', 'Tiếng Việt', 5000);

    await counter.getByTestId('lang-toggle').click();
    await waitForText(counter, 'lang-toggle', 'English', 5000);
    expect(await counter.locator('html').getAttribute('lang')).toBe('vi');
  }, 60000);
});
