/** How the reliability tests start a server child (server-child.ts), passed as JSON. */
export interface ServerChildOptions {
  dataDir: string;
  /** The clock's first instant (epoch ms). */
  startAt: number;
  /** `running`: the clock runs with the process from `startAt`; `manual`: the parent sets it. */
  clock: 'running' | 'manual';
  /** A fixed port, so reconnecting screens find the restarted server; 0 picks one. */
  port?: number;
  adminPassword: string;
  /** Seat a duty clerk at every free counter once started. */
  seatClerks: boolean;
}

/** Memory and live handles of the child after two full garbage collections. */
export interface ChildStats {
  heapUsed: number;
  /** `process.getActiveResourcesInfo()` counted by kind (TCPServerWrap, Timeout, …). */
  resources: Record<string, number>;
}

/** What the parent asks over IPC. */
export type ChildRequest =
  { id: number; type: 'set-clock'; at: number } | { id: number; type: 'stats' };

/** The child's answer to the request with the same id. */
export interface ChildReply {
  id: number;
  ok: true;
  stats?: ChildStats;
}
