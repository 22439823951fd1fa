import type { IssueTicketResponse, TrackResponse } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { addFakePrinter, type ConfiguredPrinter } from '../../support/printer-setup';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';

/**
 * The kiosk's result screen says whether the ticket came out of the printer ("Mời nhận
 * phiếu") or not ("Máy in gặp sự cố"): `GET /api/track/:token` tells its `printState`.
 */
describe('GET /api/track/:token printState', () => {
  let server: TestServer;
  let configured: ConfiguredPrinter | undefined;

  beforeEach(async () => {
    server = await startTestServer({ clock: new ManualClock() });
  });

  afterEach(async () => {
    await server.stop();
    await configured?.device.close();
    configured = undefined;
  });

  async function issue(): Promise<IssueTicketResponse> {
    const response = await new ApiClient(server.url).post<IssueTicketResponse>('/api/tickets', {
      serviceId: 1,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function printStateOf(token: string): Promise<TrackResponse['printState']> {
    const response = await new ApiClient(server.url).get<TrackResponse>(`/api/track/${token}`);
    expect(response.status).toBe(200);
    return response.body.printState;
  }

  test('is null for a ticket no printer was asked to print', async () => {
    // Act
    const { trackingToken } = await issue();

    // Assert
    expect(await printStateOf(trackingToken)).toBeNull();
  });

  test('turns printed once the default printer has printed the ticket', async () => {
    // Arrange
    configured = await addFakePrinter(server, 'ok');

    // Act
    const { trackingToken } = await issue();

    // Assert
    await eventually(async () => (await printStateOf(trackingToken)) === 'printed', {
      what: 'the ticket to print',
    });
  });

  test('turns failed when the printer is out of paper', async () => {
    // Arrange
    configured = await addFakePrinter(server, 'paper-end');

    // Act
    const { trackingToken } = await issue();

    // Assert
    await eventually(async () => (await printStateOf(trackingToken)) === 'failed', {
      what: 'the print to fail',
    });
  });
});
