import { translate } from '../../server/src/contract/i18n';
import { describeInChromium, waitForText } from './harness';

describeInChromium(
  'kiosk when the server cannot store a number, in Chromium',
  ({ open, server }) => {
    // SQLite's query_only makes every write fail with SQLITE_READONLY, as a read-only disk does.
    const setReadOnly = (on: boolean) =>
      server().server.application.repos.db.raw.pragma(`query_only = ${on ? 'ON' : 'OFF'}`);

    afterEach(() => setReadOnly(false));

    test('tells the visitor in Vietnamese that no number can be issued now, and the retry issues one once storage is back', async () => {
      const kiosk = await open('/kiosk', 1080, 1920);
      await kiosk.getByTestId('service-DKKD').click();
      setReadOnly(true);
      await kiosk.getByTestId('priority-none').click();

      await waitForText(kiosk, 'kiosk-error', translate('vi', 'kiosk.storageUnavailable'), 5000);
      expect(await kiosk.getByTestId('issued-number').count()).toBe(0);

      setReadOnly(false);
      await kiosk.getByTestId('kiosk-retry').click();
      await kiosk.getByTestId('issued-number').waitFor();
    }, 60000);
  },
);
