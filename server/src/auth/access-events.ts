/** Why sessions ended: the user signed out, or someone (or a password change) revoked them. */
export type SessionEndReason = 'logout' | 'revoked';

/** Told when access ends, so live sockets can follow (realtime/socket-auth.ts listens). */
export interface AccessListener {
  sessionsEnded(sessionIds: readonly number[], reason: SessionEndReason): void;
  staffDeactivated(staffId: number): void;
  deviceRevoked(deviceId: number): void;
  /** A kiosk's print-agent token was replaced: its agents must show the new one. */
  agentTokenReplaced(deviceId: number): void;
}

/** The auth services announce ended access here; nothing listens until sockets attach. */
export class AccessEvents implements AccessListener {
  private readonly listeners = new Set<AccessListener>();

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: AccessListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sessionsEnded(sessionIds: readonly number[], reason: SessionEndReason): void {
    if (sessionIds.length === 0) return;
    for (const listener of this.listeners) listener.sessionsEnded(sessionIds, reason);
  }

  staffDeactivated(staffId: number): void {
    for (const listener of this.listeners) listener.staffDeactivated(staffId);
  }

  deviceRevoked(deviceId: number): void {
    for (const listener of this.listeners) listener.deviceRevoked(deviceId);
  }

  agentTokenReplaced(deviceId: number): void {
    for (const listener of this.listeners) listener.agentTokenReplaced(deviceId);
  }
}
