/**
 * Node flags the server runs with: `npm start`, the systemd unit in docs/operations.md,
 * and every bench and simulator child that measures it.
 *
 * `--no-memory-reducer`: when the server goes quiet after work (right after start-up, or
 * after a busy spell), V8's memory reducer compacts the main heap to hand memory back, in
 * pauses of up to 25 ms on the ≈30 MB a server holds — longer than the 20 ms the event
 * loop may be held (issue 12), on the thread that answers kiosks. Without it the heap is
 * collected as it fills, as always, and keeps its size (tens of MB). It must be given on
 * the command line: set at run time (`v8.setFlagsFromString`) it did not stop a reducer
 * already started by the start-up's allocations (checked with `--trace-gc`).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--no-memory-reducer'];

/** The server flags this process was started without (`process.execArgv`). */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return SERVER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}
