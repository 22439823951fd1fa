import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { ApiRequestError, apiPost } from '@luot/ui-shared/api';
import { newRequestId } from '@luot/ui-shared/request-id';
import type { ConnectionStatus } from '@luot/ui-shared/use-queue-state';
import {
  isPendingExpired,
  rememberPending,
  rememberedPending,
  type PendingAction,
} from './remembered';

/** How often an action the network lost is sent again while the server stays out of reach. */
export const RESEND_INTERVAL_MS = 3000;

/**
 * The desk's actions, one at a time. Each is saved in this PC's storage before it is sent
 * (with the clerk's id and the time), and forgotten once the server has answered. One that
 * fails on the network (never reached the server, or its answer was lost), or whose page
 * was reloaded mid-request, is sent again with the same idempotency key when the connection
 * returns (and every few seconds), so it is applied exactly once even across a reload.
 * Until then no other action starts. Only the clerk who pressed it resumes it, and never
 * more than `PENDING_MAX_AGE_MS` after: an older action is dropped, not replayed.
 */
export function useDeskAction(
  counterId: number,
  staffId: number,
  connection: ConnectionStatus,
  onError: (error: unknown) => void,
) {
  const [pending, setPending] = useState<string | null>(null);
  const [resending, setResending] = useState<PendingAction | null>(() =>
    rememberedPending(staffId, counterId, Date.now()),
  );
  const [error, setError] = useState<unknown>(undefined);
  // A ref as well as state: a double press lands before React re-renders the disabled button.
  const busy = useRef(false);

  async function attempt(action: PendingAction): Promise<boolean> {
    if (isPendingExpired(action, Date.now())) {
      // Too late to act on: the clerk sees the desk as the server has it and decides again.
      rememberPending(null);
      setResending(null);
      return false;
    }
    rememberPending(action);
    try {
      await apiPost<unknown>(action.path, action.body, action.key);
      rememberPending(null);
      setResending(null);
      return true;
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'network') {
        setResending(action);
        return false;
      }
      rememberPending(null);
      setResending(null);
      setError(err);
      onError(err);
      return false;
    }
  }

  /** Sends `POST path` unless another action is running or waiting to be sent again. */
  async function run(name: string, path: string, body?: unknown): Promise<boolean> {
    if (busy.current || resending) return false;
    busy.current = true;
    setPending(name);
    setError(undefined);
    try {
      const savedAt = Date.now();
      return await attempt({ counterId, staffId, savedAt, name, path, body, key: newRequestId() });
    } finally {
      busy.current = false;
      setPending(null);
    }
  }

  const resend = useEffectEvent(async (action: PendingAction) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await attempt(action);
    } finally {
      busy.current = false;
    }
  });

  useEffect(() => {
    if (!resending) return;
    if (connection === 'online') void resend(resending);
    const timer = setInterval(() => void resend(resending), RESEND_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [resending, connection]);

  return { pending, resending, error, run };
}
