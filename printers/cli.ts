import { parseArgs } from 'node:util';
import { encodeTicket } from './escpos/encode-ticket';
import type { PrintMode } from './escpos/options';
import { isPrinterError } from './errors';
import { SAMPLE_CENTRE, SAMPLE_TICKET } from './layout/sample';
import { buildTicketLayout } from './layout/ticket-layout';
import { Printer } from './printer';
import { loadFonts } from './render/fonts';
import { openTransport } from './transport/open-transport';

const USAGE = `Usage:
  npm run printer -- sample --to TARGET [--width 576|384|N] [--mode raster|codepage|ascii]
                    [--qr native|image] [--charset tcvn3|cp1258] [--code-table N] [--english]
  npm run printer -- status --to TARGET

TARGET: tcp://HOST[:PORT]  file:PATH (e.g. file:/dev/usb/lp0, file:out.bin)
        serial:PATH[?baud=9600]  spool:FOLDER
Options: --timeout MS (status wait, default 1500)  --no-status (do not ask DLE EOT)`;

/** Exit codes: 0 printed / online, 1 printer fault or unreachable, 2 bad usage or setup. */
export const EXIT = { ok: 0, printer: 1, usage: 2 } as const;

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(
  argv: string[],
  out: (line: string) => void = console.log,
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        width: { type: 'string', default: '576' },
        mode: { type: 'string', default: 'raster' },
        qr: { type: 'string', default: 'native' },
        charset: { type: 'string', default: 'tcvn3' },
        'code-table': { type: 'string' },
        english: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '1500' },
        'no-status': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    out(`error: ${(err as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = args;
  const command = positionals[0];
  if (values.help || (command !== 'sample' && command !== 'status') || !values.to) {
    out(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const width = Number(values.width);
  const timeout = Number(values.timeout);
  const mode = values.mode as PrintMode;
  if (
    !Number.isInteger(width) ||
    width < 64 ||
    width > 4096 ||
    !['raster', 'codepage', 'ascii'].includes(mode)
  ) {
    out(`error: --width must be a dot count (576, 384, …) and --mode raster, codepage or ascii`);
    return EXIT.usage;
  }
  if (!['native', 'image'].includes(values.qr) || !['tcvn3', 'cp1258'].includes(values.charset)) {
    out('error: --qr must be native or image, --charset tcvn3 or cp1258');
    return EXIT.usage;
  }
  try {
    const transport = openTransport(values.to);
    const printer = new Printer(transport, {
      checkStatus: !values['no-status'],
      statusTimeoutMs: timeout,
    });
    try {
      if (command === 'status') {
        const status = await printer.status();
        out(JSON.stringify({ target: transport.target, ...status }));
        return status.answered && status.online && !status.paperEnd && !status.coverOpen
          ? EXIT.ok
          : EXIT.printer;
      }
      if (mode === 'raster') loadFonts();
      const layout = buildTicketLayout(SAMPLE_TICKET, {
        ...SAMPLE_CENTRE,
        english: values.english,
      });
      const bytes = encodeTicket(layout, {
        width,
        mode,
        qr: values.qr as 'native' | 'image',
        charset: values.charset as 'tcvn3' | 'cp1258',
        ...(values['code-table'] ? { codeTable: Number(values['code-table']) } : {}),
      });
      const result = await printer.print(bytes, { name: 'sample' });
      out(
        `printed ${bytes.length} bytes to ${transport.target}${result.warnings.map((w) => ` (warning: ${w})`).join('')}`,
      );
      return EXIT.ok;
    } finally {
      await printer.close();
    }
  } catch (err) {
    if (!isPrinterError(err)) throw err;
    out(`error [${err.code}]: ${err.message}`);
    return err.code === 'invalid_target' ||
      err.code === 'font_missing' ||
      err.code === 'invalid_option'
      ? EXIT.usage
      : EXIT.printer;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
