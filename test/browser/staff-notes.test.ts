import type { TicketResponse } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { staffCounters } from '../support/staffing';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText } from './harness';

const NOTE = 'Thiếu bản sao CCCD';

describeInChromium('transfer notes on staff and public screens, in Chromium', (h) => {
  test('a clerk who signed out and in again sees the note; the hall screen never does', async () => {
    // Arrange: a hall screen, and a counter page whose clerk signs out and back in; the
    // admin calls at counter 2 as a supervisor would, so someone holds it.
    staffCounters(h.server(), [2]);
    const display = await h.open('/display', 1920, 1080);
    const counter = await h.openCounter(1);
    await counter.getByTestId('sign-out').click();
    await counter.getByTestId('login-username').fill(h.server().adminUsername);
    await counter.getByTestId('login-password').fill(h.server().adminPassword);
    await counter.getByTestId('login-submit').click();
    // The PC remembers counter 1 and takes it again on sign-in.
    await counter.getByTestId('my-counter').waitFor();
    const seenByDisplay: string[] = [];
    // Everything the display's socket receives, over WebSocket or long polling.
    display.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => seenByDisplay.push(String(payload))),
    );
    display.on('response', (response) => {
      if (response.url().includes('/socket.io/')) {
        void response.text().then(
          (text) => seenByDisplay.push(text),
          () => undefined,
        );
      }
    });
    await display.reload();

    // Act: at counter 2 a ticket is sent to counter 1 with a note; counter 1 calls it.
    const admin = new ApiClient(h.server().url);
    await admin.login(h.server().adminUsername, h.server().adminPassword);
    const issued = await new ApiClient(h.server().url).issue(1);
    expect((await admin.post('/api/counters/2/call-next')).status).toBe(200);
    const moved = await admin.post<TicketResponse>('/api/counters/2/transfer', {
      counterId: 1,
      note: NOTE,
    });
    expect(moved.status).toBe(200);
    await counter.getByTestId('action-call-next').click();

    // Assert: the clerk reads the note, live; the hall screen got the ticket but no note.
    await waitForText(counter, 'current-number', issued.ticket.number, LIVE_DEADLINE_MS);
    await counter
      .getByTestId('current-note')
      .filter({ hasText: NOTE })
      .waitFor({ timeout: LIVE_DEADLINE_MS });
    // The hall screen showing the call at counter 1 has received every frame before it,
    // the transfer's among them: nothing to wait for by the clock.
    await waitForText(display, 'latest-counter', '1', LIVE_DEADLINE_MS);
    await waitForText(display, 'latest-number', issued.ticket.number, LIVE_DEADLINE_MS);
    const frames = seenByDisplay.join('\n');
    expect(frames).toContain(issued.ticket.number);
    expect(frames).not.toContain(NOTE);
  }, 60000);
});
