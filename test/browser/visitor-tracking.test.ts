import { LIVE_DEADLINE_MS, describeInChromium, takeNumber, waitForText } from './harness';

describeInChromium("the visitor's tracking page, in Chromium", ({ open, openCounter }) => {
  test('the page opened from the kiosk\'s tracking link says "Mời bạn đến quầy 1" as soon as counter 1 calls the ticket', async () => {
    const kiosk = await open('/kiosk', 1080, 1920);
    const { number, trackingUrl } = await takeNumber(kiosk, 'DKKD');
    const path = new URL(trackingUrl).pathname;
    expect(path).toMatch(/^\/t\/[A-Za-z0-9_-]{16,64}$/);

    const phone = await open(path, 390, 844);
    await waitForText(phone, 'track-number', number, LIVE_DEADLINE_MS);
    await waitForText(phone, 'track-status', 'Đang chờ', 500);

    const counter = await openCounter(1);
    await counter.getByTestId('action-call-next').click();

    await waitForText(phone, 'track-message', 'Mời bạn đến quầy 1', LIVE_DEADLINE_MS);
  }, 30000);

  test('an unknown token shows "Không tìm thấy số thứ tự"', async () => {
    const phone = await open('/t/no-such-ticket-token-0000', 390, 844);

    await phone.getByTestId('track-not-found').getByText('Không tìm thấy số thứ tự').waitFor();
  }, 15000);
});
