import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type {
  DeviceKind,
  PairPollResponse,
  PairRequestRequest,
  PairRequestResponse,
} from '@luot/contract';
import { ApiRequestError, apiGet, apiPost } from '@luot/ui-shared/api';
import type { StoredDevice } from '@luot/ui-shared/device';

/** How often the kiosk asks whether an administrator approved its code. */
export const POLL_MS = 3000;
/** Wait before asking for a code again after a failure. */
const RETRY_MS = 10_000;
/** Wait after `rate_limited`: the server allows 10 codes per address per 10 minutes. */
const RATE_LIMITED_RETRY_MS = 60_000;
/** Wait after `unauthenticated`: the refused token is forgotten by then, so almost none. */
const REFUSED_RETRY_MS = 1000;

/**
 * Where pairing stands. Deadlines are `performance.now()` times: the countdown runs on
 * the kiosk's monotonic clock from the lifetime the server gave, never on its wall clock.
 */
export type PairingState =
  | { status: 'requesting' }
  | {
      status: 'showing';
      code: string;
      /** When the code expires. */
      deadline: number;
      /** The last poll failed (the server is unreachable); polling goes on. */
      trouble: boolean;
    }
  | { status: 'failed'; error: unknown; retryAt: number };

const hasCode = (error: unknown, code: string) =>
  error instanceof ApiRequestError && error.code === code;

function retryDelay(error: unknown): number {
  if (hasCode(error, 'rate_limited')) return RATE_LIMITED_RETRY_MS;
  if (hasCode(error, 'unauthenticated')) return REFUSED_RETRY_MS;
  return RETRY_MS;
}

/**
 * Pairs this page as a device of `kind`: asks for a code, polls every `POLL_MS` until an
 * administrator approves it, and asks for a fresh code when it expires (or the server no
 * longer knows it). Failures retry on their own; `retry` tries at once. `onPaired` gets
 * the token and device exactly once.
 */
export function usePairing(
  kind: DeviceKind,
  onPaired: (paired: StoredDevice) => void,
  /** A counter screen asks to be bound to this counter. */
  counterId?: number,
) {
  const [state, setState] = useState<PairingState>({ status: 'requesting' });
  const [round, setRound] = useState(0);
  const paired = useEffectEvent(onPaired);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (ms: number, next: () => Promise<void>) => {
      timer = setTimeout(() => void next(), ms);
    };

    async function ask(): Promise<void> {
      setState({ status: 'requesting' });
      try {
        const body: PairRequestRequest = counterId === undefined ? { kind } : { kind, counterId };
        const request = await apiPost<PairRequestResponse>('/api/devices/pair-requests', body);
        if (stopped) return;
        const deadline = performance.now() + request.expiresInSeconds * 1000;
        setState({ status: 'showing', code: request.code, deadline, trouble: false });
        later(POLL_MS, () => poll(request.requestId, request.code, deadline));
      } catch (error) {
        if (stopped) return;
        const wait = retryDelay(error);
        setState({ status: 'failed', error, retryAt: performance.now() + wait });
        later(wait, ask);
      }
    }

    async function poll(requestId: string, code: string, deadline: number): Promise<void> {
      if (performance.now() >= deadline) return ask();
      let trouble = false;
      try {
        const answer = await apiGet<PairPollResponse>(
          `/api/devices/pair-requests/${encodeURIComponent(requestId)}`,
        );
        if (stopped) return;
        if (answer.status === 'paired') {
          paired({ token: answer.token, device: answer.device });
          return;
        }
      } catch (error) {
        if (stopped) return;
        // Expired on the server, or unknown after a server reset: start again.
        if (hasCode(error, 'not_found')) return ask();
        trouble = true;
      }
      setState((current) =>
        current.status === 'showing' && current.code === code && current.trouble === trouble
          ? current
          : { status: 'showing', code, deadline, trouble },
      );
      later(POLL_MS, () => poll(requestId, code, deadline));
    }

    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [kind, counterId, round]);

  const retry = useCallback(() => setRound((n) => n + 1), []);
  return { state, retry };
}
