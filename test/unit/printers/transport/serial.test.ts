import { SerialPortMock } from 'serialport';
import { Printer } from '../../../../printers/printer';
import { SerialTransport, type SerialPortLike } from '../../../../printers/transport/serial';

const PATH = '/dev/ttyFAKE0';

describe('SerialTransport', () => {
  let opened: SerialPortMock | null = null;
  const createPort = (path: string, baudRate: number): SerialPortLike => {
    opened = new SerialPortMock({ path, baudRate, autoOpen: false });
    return opened;
  };

  beforeEach(() => {
    SerialPortMock.binding.createPort(PATH, { record: true });
  });

  afterEach(() => {
    SerialPortMock.binding.reset();
    opened = null;
  });

  test('writes the job at the configured baud rate', async () => {
    const transport = new SerialTransport({ path: PATH, baudRate: 19200, createPort });

    await transport.write(Buffer.from('ticket'));

    expect(opened?.baudRate).toBe(19200);
    expect(opened?.port?.recording.toString()).toBe('ticket');
    await transport.close();
  });

  test('reads a DLE EOT reply and times out when none comes', async () => {
    const transport = new SerialTransport({ path: PATH, createPort });
    await transport.write(Buffer.of());
    const pending = transport.query(Buffer.of(0x10, 0x04, 1), 1, 500);
    opened?.port?.emitData(Buffer.of(0x12));

    const reply = await pending;
    const silence = await transport.query(Buffer.of(0x10, 0x04, 1), 1, 20);

    expect([...(reply ?? [])]).toEqual([0x12]);
    expect(silence).toBeNull();
    await transport.close();
  });

  test('a printer that never answers on the line still prints', async () => {
    const printer = new Printer(new SerialTransport({ path: PATH, createPort }), {
      statusTimeoutMs: 10,
    });

    const result = await printer.print(Buffer.from('x'));

    expect(result.warnings).toEqual(['status_unknown']);
    await printer.close();
  });
});
