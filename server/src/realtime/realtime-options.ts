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
  /** `sync` answers all sockets from one address may get per window, together. */
  addressSyncLimit: number;
  syncWindowMs: number;
  /** Past this many bytes emitted to all sockets and not yet sent, `sync` waits. */
  maxTotalUnsentBytes: number;
}

/**
 * Defaults: a cut cable shows as "mất kết nối" within 9 s (Socket.IO's own 25 s + 20 s
 * took ≈44 s; bench/heartbeat.bench.ts measures the cost); a screen needs one `sync` per
 * reconnect or gap, so 5 per 10 s is plenty, and 30 per address lets six screens behind
 * one address resync at once while a flood over many sockets gets no more than that; a
 * `sync` answer can be ≈300 kB, so 4 MiB is a dozen of them unread, and 32 MiB over all
 * sockets a hundred.
 */
export const DEFAULT_REALTIME_OPTIONS: RealtimeOptions = {
  pingIntervalMs: 5_000,
  pingTimeoutMs: 4_000,
  maxUnsentBytes: 4 * 1024 * 1024,
  syncLimit: 5,
  addressSyncLimit: 30,
  syncWindowMs: 10_000,
  maxTotalUnsentBytes: 32 * 1024 * 1024,
};
