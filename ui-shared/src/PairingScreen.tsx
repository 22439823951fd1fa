import { useEffect, useState } from 'react';
import type { Device, DeviceKind, Language, MessageKey } from '@luot/contract';
import type { StoredDevice } from '@luot/ui-shared/device';
import { ApiRequestError } from '@luot/ui-shared/api';
import { errorText, useI18n, useTranslateIn } from '@luot/ui-shared/use-i18n';
import { usePairing } from './use-pairing';

/** Why the kiosk shows the pairing screen, said above the code. */
export type PairingReason = 'revoked' | 'policy' | null;

/** The sentences a pairing screen says about its device; the kiosk's by default. */
export interface PairingTexts {
  title: MessageKey;
  instruction: MessageKey;
  why: MessageKey;
  /** Said when the device's pairing was revoked; the kiosk's sentence when left out. */
  revoked?: MessageKey;
  /** Names the device it already is (`{name}`); the kiosk's sentence when left out. */
  current?: MessageKey;
  /** The button back to the screen's own use; the kiosk's when left out. */
  leave?: MessageKey;
}

const KIOSK_TEXTS: PairingTexts = {
  title: 'kiosk.pair.title',
  instruction: 'kiosk.pair.instruction',
  why: 'kiosk.pair.why',
};

interface Props {
  /** What the device pairs as (default `kiosk`). */
  kind?: DeviceKind;
  /** A counter screen's counter, which the pairing request asks to be bound to. */
  counterId?: number;
  /** The title, instruction and policy sentence for this kind of device. */
  texts?: PairingTexts;
  reason: PairingReason;
  /** The device this kiosk already is, when an installer pairs it again. */
  current: Device | null;
  /** Back to the menu; null under the paired policy, where an unpaired kiosk cannot issue. */
  onLeave: (() => void) | null;
  onPaired: (paired: StoredDevice) => void;
}

/**
 * Whole seconds left until `deadline` (a `performance.now()` time), refreshed a few times
 * a second. Its component is keyed by the deadline, so the count starts from a fresh time.
 */
function useSecondsLeft(deadline: number): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

const minutesAndSeconds = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

function CodeCountdown({ deadline }: { deadline: number }) {
  const { t } = useI18n();
  const seconds = useSecondsLeft(deadline);
  return (
    <p className="pairing-countdown" data-testid="pairing-countdown">
      {t('kiosk.pair.expiresIn', { time: minutesAndSeconds(seconds) })}
    </p>
  );
}

function RetryCountdown({ retryAt }: { retryAt: number }) {
  const { t } = useI18n();
  return <>{t('kiosk.pair.autoRetry', { seconds: useSecondsLeft(retryAt) })}</>;
}

/** A sentence in the page language, then in the other one for whoever reads that. */
function TwoLanguages({ messageKey }: { messageKey: MessageKey }) {
  const { t, lang } = useI18n();
  const other: Language = lang === 'vi' ? 'en' : 'vi';
  const inOther = useTranslateIn(other);
  return (
    <>
      <span lang={lang}>{t(messageKey)}</span>
      <span lang={other} className="pairing-second">
        {inOther?.(messageKey)}
      </span>
    </>
  );
}

/**
 * The kiosk's side of pairing, for the installer: a 6-digit code, very large, for an
 * administrator to approve, with how long it stays valid. A fresh code replaces an
 * expired one; failures say why and retry on their own.
 */
export function PairingScreen({
  kind = 'kiosk',
  counterId,
  texts = KIOSK_TEXTS,
  reason,
  current,
  onLeave,
  onPaired,
}: Props) {
  const { t } = useI18n();
  const { state, retry } = usePairing(kind, onPaired, counterId);

  return (
    <section className="pairing card" data-testid="pairing-screen">
      <h2 className="pairing-title">
        <TwoLanguages messageKey={texts.title} />
      </h2>
      {reason === 'revoked' && (
        <p className="error-box" role="alert" data-testid="pairing-revoked">
          {t(texts.revoked ?? 'kiosk.pair.revoked')}
        </p>
      )}
      {reason === 'policy' && <p className="pairing-why">{t(texts.why)}</p>}
      {current && (
        <p className="muted" data-testid="pairing-current">
          {t(texts.current ?? 'kiosk.pair.current', { name: current.name })}
        </p>
      )}

      {state.status === 'requesting' && (
        <p className="pairing-status" role="status">
          {t('kiosk.pair.requesting')}
        </p>
      )}

      {state.status === 'showing' && (
        <>
          <p className="pairing-code" data-testid="pairing-code" aria-label={state.code}>
            <span>{state.code.slice(0, 3)}</span>
            <span>{state.code.slice(3)}</span>
          </p>
          <p className="pairing-instruction">
            <TwoLanguages messageKey={texts.instruction} />
          </p>
          <CodeCountdown key={state.deadline} deadline={state.deadline} />
          <p
            className={state.trouble ? 'pairing-status error-box' : 'pairing-status'}
            role="status"
            data-testid="pairing-status"
          >
            {t(state.trouble ? 'kiosk.pair.offline' : 'kiosk.pair.waiting')}
          </p>
        </>
      )}

      {state.status === 'failed' && (
        <div className="pairing-failed" role="alert">
          <p className="error-box" data-testid="pairing-error">
            {state.error instanceof ApiRequestError && state.error.code === 'rate_limited'
              ? t('kiosk.pair.rateLimited')
              : `${t('kiosk.pair.failed')} ${errorText(t, state.error)}`}{' '}
            <RetryCountdown key={state.retryAt} retryAt={state.retryAt} />
          </p>
          <button type="button" className="btn" data-testid="pairing-retry" onClick={retry}>
            {t('app.retry')}
          </button>
        </div>
      )}

      {onLeave && (
        <button
          type="button"
          className="btn btn-secondary pairing-leave"
          data-testid="pairing-leave"
          onClick={onLeave}
        >
          {t(texts.leave ?? 'kiosk.pair.leave')}
        </button>
      )}
    </section>
  );
}
