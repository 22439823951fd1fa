import { LIVE_DEADLINE_MS, describeInChromium, takeNumber, waitForText } from './harness';

describeInChromium('kiosk → counter → hall display, in Chromium', ({ open, openCounter }) => {
  test('a ticket taken at the kiosk and called at counter 1 shows on the hall screen within 2 s', async () => {
    const display = await open('/display', 1920, 1080);
    await display.getByTestId('waiting-DKKD').waitFor();

    const kiosk = await open('/kiosk', 1080, 1920);
    const { number } = await takeNumber(kiosk, 'DKKD');
    expect(number).toMatch(/^A\d+$/);

    const counter = await openCounter(1);
    await counter.getByTestId('action-call-next').click();

    await waitForText(display, 'latest-number', number, LIVE_DEADLINE_MS);
    await waitForText(display, 'latest-counter', '1', 500);
    await waitForText(counter, 'current-number', number, LIVE_DEADLINE_MS);
  }, 60000);
});
