import { LIVE_DEADLINE_MS, describeInChromium, takeNumber, waitForText } from './harness';

describeInChromium('parking a ticket at the counter, in Chromium', ({ open, openCounter }) => {
  test('a parked ticket shows in the parked list and "Gọi vào" puts it back at the head of the queue', async () => {
    const kiosk = await open('/kiosk', 1080, 1920);
    const first = await takeNumber(kiosk, 'DKKD');
    const second = await takeNumber(kiosk, 'DKKD');
    const counter = await openCounter(1);

    await counter.getByTestId('action-call-next').click();
    await waitForText(counter, 'current-number', first.number, LIVE_DEADLINE_MS);
    await counter.getByTestId('action-park').click();

    await counter.getByTestId('current-number-empty').waitFor({ timeout: LIVE_DEADLINE_MS });
    const returnButton = counter.getByTestId(`return-${first.number}`);
    await returnButton.waitFor({ timeout: LIVE_DEADLINE_MS });
    // The row says how long the visitor has been away (by the server's clock).
    expect(await counter.getByTestId('parked-list').textContent()).toContain('tạm gác 0 phút');
    await returnButton.click();
    await returnButton.waitFor({ state: 'detached', timeout: LIVE_DEADLINE_MS });

    await counter.getByTestId('action-call-next').click();
    await waitForText(counter, 'current-number', first.number, LIVE_DEADLINE_MS);
    expect(second.number).not.toBe(first.number);
  }, 30000);
});
