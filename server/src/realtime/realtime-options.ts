/** Heartbeat and flood limits of the socket server; tests shrink them. */
export interface RealtimeOptions {
  /** How often the server pings each client. */
  pingIntervalMs: number;
  /**
   * How long a pong may take. A silent peer is noticed after pingInterval + pingTimeout,
   * on both ends: socket.io-client learns both values in the handshake.
   */
  pingTimeoutMs: number;
  /** A socket with more bytes than this emitted but not yet sent is a reader that stalled. */
  maxUnsentBytes: number;
  /** `sync` requests one socket may make per window. */
  syncLimit: number;
  syncWindowMs: number;
}

/**
 * Defaults: a cut cable shows as "mất kết nối" within 9 s (Socket.IO's own 25 s + 20 s
 * took ≈44 s; bench/heartbeat.bench.ts measures the cost); a screen needs one `sync` per
 * reconnect or gap, so 5 per 10 s is plenty; a `sync` answer can be ≈300 kB, so 4 MiB is a
 * dozen of them unread.
 */
export const DEFAULT_REALTIME_OPTIONS: RealtimeOptions = {
  pingIntervalMs: 5_000,
  pingTimeoutMs: 4_000,
  maxUnsentBytes: 4 * 1024 * 1024,
  syncLimit: 5,
  syncWindowMs: 10_000,
};
