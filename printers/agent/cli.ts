import { parseArgs } from 'node:util';
import { isPrinterError } from '../errors';
import { startPrintAgent, type AgentLogger, type PrintAgent } from './agent';

const USAGE = `Cách dùng / Usage:
  npm run print-agent -- --server http://HOST:8080 --token TOKEN
                         (--device /dev/usb/lp0 | --url tcp://HOST[:9100] | --serial /dev/ttyUSB0 [--baud 9600])
                         [--status-interval 30]

  --server   địa chỉ máy chủ Luot / the Luot server address
  --token    mã thiết bị của ki-ốt (khi ghép nối) / the kiosk's device token (from pairing)
             hoặc biến môi trường / or the environment variable LUOT_DEVICE_TOKEN
  --device   máy in USB (tệp thiết bị) / USB printer device file
  --url      máy in mạng / network printer
  --serial   máy in cổng nối tiếp / serial printer (--baud, mặc định / default 9600)
  --status-interval  giây giữa hai lần báo trạng thái, 0 = tắt / seconds between status reports, 0 = off`;

/** Exit codes: 0 stopped by a signal, 2 bad usage, 3 the server refused the token. */
export const AGENT_EXIT = { ok: 0, usage: 2, refused: 3 } as const;

/** The agent's settings from the command line, or a usage error (Vietnamese / English). */
export function parseAgentArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
):
  | { ok: true; server: string; token: string; target: string; statusIntervalMs: number }
  | { ok: false; error: string | null } {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        server: { type: 'string' },
        token: { type: 'string' },
        device: { type: 'string' },
        url: { type: 'string' },
        serial: { type: 'string' },
        baud: { type: 'string' },
        'status-interval': { type: 'string', default: '30' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    return { ok: false, error: `tham số không hợp lệ / bad argument: ${(err as Error).message}` };
  }
  if (values.help) return { ok: false, error: null };
  const server = values.server ?? '';
  if (!/^https?:\/\/[^\s/]+/.test(server)) {
    return {
      ok: false,
      error: 'thiếu hoặc sai --server / missing or bad --server (http://HOST:8080)',
    };
  }
  const token = values.token ?? env.LUOT_DEVICE_TOKEN ?? '';
  if (token === '') return { ok: false, error: 'thiếu --token / missing --token' };
  const printers = [values.device, values.url, values.serial].filter((v) => v !== undefined);
  if (printers.length !== 1) {
    return {
      ok: false,
      error:
        'cần đúng một máy in: --device, --url hoặc --serial / give exactly one printer: --device, --url or --serial',
    };
  }
  const baud = values.baud ?? '9600';
  if (values.baud !== undefined && values.serial === undefined) {
    return { ok: false, error: '--baud chỉ dùng với --serial / --baud only goes with --serial' };
  }
  if (!/^[1-9][0-9]{2,6}$/.test(baud)) {
    return {
      ok: false,
      error: '--baud phải là số, ví dụ 9600 / --baud must be a number, e.g. 9600',
    };
  }
  if (values.url !== undefined && !values.url.startsWith('tcp://')) {
    return {
      ok: false,
      error: '--url phải là tcp://HOST[:PORT] / --url must be tcp://HOST[:PORT]',
    };
  }
  const seconds = Number(values['status-interval']);
  if (!Number.isFinite(seconds) || seconds < 0) {
    return {
      ok: false,
      error: '--status-interval phải là số giây ≥ 0 / --status-interval must be seconds ≥ 0',
    };
  }
  const target =
    values.device !== undefined
      ? `file:${values.device}`
      : values.url !== undefined
        ? values.url
        : `serial:${values.serial ?? ''}?baud=${baud}`;
  return { ok: true, server, token, target, statusIntervalMs: Math.round(seconds * 1000) };
}

function consoleLogger(): AgentLogger {
  const line = (level: string, message: string) =>
    `${new Date().toISOString()} ${level} ${message}`;
  return {
    info: (m) => console.log(line('info', m)),
    warn: (m) => console.warn(line('warn', m)),
    error: (m) => console.error(line('error', m)),
  };
}

/** Runs the agent until SIGINT/SIGTERM (exit 0) or a refused token (exit 3). */
export async function runAgentCli(argv: string[]): Promise<number> {
  const parsed = parseAgentArgs(argv);
  if (!parsed.ok) {
    if (parsed.error === null) {
      console.log(USAGE);
      return AGENT_EXIT.ok;
    }
    console.error(`lỗi / error: ${parsed.error}\n\n${USAGE}`);
    return AGENT_EXIT.usage;
  }
  let agent: PrintAgent;
  let finished = false;
  return new Promise<number>((resolve) => {
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      void agent.stop().finally(() => resolve(code));
    };
    const onSignal = () => finish(AGENT_EXIT.ok);
    try {
      agent = startPrintAgent({
        server: parsed.server,
        token: parsed.token,
        target: parsed.target,
        statusIntervalMs: parsed.statusIntervalMs,
        logger: consoleLogger(),
        onRefused: () => {
          console.error(
            'máy chủ từ chối mã thiết bị: ghép nối lại ki-ốt / the server refused the device token: pair the kiosk again',
          );
          finish(AGENT_EXIT.refused);
        },
      });
    } catch (err) {
      const message = isPrinterError(err) ? err.message : String(err);
      console.error(`lỗi / error: máy in không hợp lệ / bad printer: ${message}`);
      return resolve(AGENT_EXIT.usage);
    }
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

if (require.main === module) {
  void runAgentCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
