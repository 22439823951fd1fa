import type { PrinterView } from '../../../server/src/contract';
import type { PrintingOptions } from '../../../server/src/services/printing/print-worker';
import { ApiClient } from '../../support/api-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { pairDevice } from '../security/support';

/** A server that prints through a kiosk's agent: its signed-in admin and the paired kiosk. */
export interface AgentPrinterSetup {
  server: TestServer;
  admin: ApiClient;
  kiosk: { id: number; token: string };
}

/**
 * Starts a server with `printing`, signs its admin in, pairs a kiosk ("Ki-ốt tầng 1") and
 * adds an `agent` printer for it ("Máy in ki-ốt"); `fields` add to what is posted.
 */
export async function startWithAgentPrinter(
  printing: Partial<PrintingOptions>,
  fields: object = {},
): Promise<AgentPrinterSetup> {
  const server = await startTestServer({ printing });
  try {
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    const kiosk = await pairDevice(server, admin, 'kiosk', 'Ki-ốt tầng 1');
    const added = await admin.post<PrinterView>('/api/printers', {
      name: 'Máy in ki-ốt',
      target: 'agent',
      deviceId: kiosk.id,
      ...fields,
    });
    if (added.status !== 201) {
      throw new Error(`adding a printer failed: ${added.status} ${JSON.stringify(added.body)}`);
    }
    return { server, admin, kiosk };
  } catch (error) {
    // The caller never gets the server to stop.
    await server.stop();
    throw error;
  }
}

/** Issues a ticket (service 1) as the paired kiosk; resolves with its id. */
export async function issueAsKiosk(server: TestServer, kioskToken: string): Promise<number> {
  const response = await new ApiClient(server.url).post<{ ticket: { id: number } }>(
    '/api/tickets',
    { serviceId: 1 },
    { authorization: `Device ${kioskToken}` },
  );
  if (response.status !== 201) {
    throw new Error(
      `issuing as the kiosk failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response.body.ticket.id;
}
