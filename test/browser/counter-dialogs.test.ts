import { LIVE_DEADLINE_MS, describeInChromium, takeNumber, waitForText } from './harness';

describeInChromium('the counter desk’s dialogs, in Chromium', ({ open, openCounter }) => {
  test('opens its dialogs offline once shown, calls and cancels from the call dialog, transfers, pauses and closes', async () => {
    const kiosk = await open('/kiosk', 1080, 1920);
    const first = await takeNumber(kiosk, 'DKKD');
    const second = await takeNumber(kiosk, 'DKKD');
    const counter = await openCounter(1);

    // The dialogs are fetched once the desk shows: they open with the server out of reach.
    await counter.waitForLoadState('networkidle');
    await counter.context().setOffline(true);
    await counter.getByTestId('open-call-number').click();
    await counter.getByTestId('call-dialog').waitFor({ timeout: LIVE_DEADLINE_MS });
    await counter.getByTestId('dialog-close').click();
    await counter.context().setOffline(false);
    await counter.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 10000 });

    // Cancelling from the call dialog's list comes back to the list, without that number.
    await counter.getByTestId('open-call-number').click();
    await counter.getByTestId(`cancel-${first.number}`).click();
    await counter.getByTestId('cancel-reason').fill('Khách đã về');
    await counter.getByTestId('cancel-submit').click();
    await counter.getByTestId('call-dialog').waitFor({ timeout: LIVE_DEADLINE_MS });
    await counter
      .getByTestId(`cancel-${first.number}`)
      .waitFor({ state: 'detached', timeout: LIVE_DEADLINE_MS });

    await counter.getByTestId('call-number-input').fill(second.number);
    await counter.getByTestId('call-number-submit').click();
    await counter
      .getByTestId('call-dialog')
      .waitFor({ state: 'detached', timeout: LIVE_DEADLINE_MS });
    await waitForText(counter, 'current-number', second.number, LIVE_DEADLINE_MS);

    await counter.getByTestId('action-transfer').click();
    await counter.getByTestId('transfer-submit').waitFor({ timeout: LIVE_DEADLINE_MS });
    await counter.getByTestId('dialog-close').click();
    await counter
      .getByTestId('transfer-submit')
      .waitFor({ state: 'detached', timeout: LIVE_DEADLINE_MS });

    // Pausing and closing need a free desk. A no-show asks first, inline.
    await counter.getByTestId('action-no-show').click();
    await counter.getByTestId('no-show-confirm').waitFor();
    expect(await counter.getByTestId('current-number').textContent()).toBe(second.number);
    await counter.getByTestId('no-show-confirm-yes').click();
    await counter.getByTestId('current-number-empty').waitFor({ timeout: LIVE_DEADLINE_MS });

    await counter.getByTestId('pause').click();
    await counter.getByTestId('pause-reason').first().click();
    await counter.getByTestId('paused-banner').waitFor({ timeout: LIVE_DEADLINE_MS });
    await counter.getByTestId('resume').click();
    await counter.getByTestId('pause').waitFor({ timeout: LIVE_DEADLINE_MS });

    await counter.getByTestId('close-counter').click();
    await counter.getByTestId('open-counter').click();
    await counter.getByTestId('close-counter').waitFor({ timeout: LIVE_DEADLINE_MS });
  }, 30000);
});
