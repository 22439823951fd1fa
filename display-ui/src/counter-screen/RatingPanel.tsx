import type { Language, RatingLevel } from '@luot/contract';
import { errorText, type Translate } from '@luot/ui-shared/use-i18n';
import { Face } from './Face';
import { bestFirst, moodOf } from './levels';
import type { RatingFlow, RatingInfo } from './use-rating';

interface Props {
  flow: RatingFlow;
  settings: RatingInfo;
  t: Translate;
  lang: Language;
}

const labelOf = (level: RatingLevel, lang: Language) =>
  lang === 'en' && level.labelEn ? level.labelEn : level.label;

/**
 * The question after a finished ticket, over the whole screen: the centre's levels as
 * large faces with words, best first (left, or on top in portrait) as Vietnamese centres
 * show them; then reasons for a low level; then thanks. Any touch restarts the idle time.
 */
export function RatingPanel({ flow, settings, t, lang }: Props) {
  const { step } = flow;
  // A visitor who walked away is not thanked: their level goes out behind the counter view.
  if (step.step === 'idle' || (step.step === 'sending' && step.quiet)) return null;

  if (step.step === 'thanks') {
    return (
      <main className="cs-rate cs-rate-done" role="status" data-testid="rating-thanks">
        <Face mood={1} />
        <h2 className="cs-rate-title">{t('counterScreen.rate.thanks')}</h2>
        <p className="cs-rate-hint">{t('counterScreen.rate.thanksHint')}</p>
      </main>
    );
  }

  if (step.step === 'failed') {
    return (
      <main className="cs-rate cs-rate-done" role="alert" data-testid="rating-error">
        <p className="error-box cs-rate-error">
          {t('counterScreen.rate.failed')} {errorText(t, step.error)}
        </p>
      </main>
    );
  }

  const ticketLine = (
    <p className="cs-rate-ticket" data-testid="rating-ticket">
      {t('counterScreen.rate.ticket', { number: step.ticket.number })}
    </p>
  );

  if (step.step === 'levels') {
    const count = settings.levels.length;
    return (
      <main className="cs-rate" data-testid="rating-levels" onPointerDown={flow.touch}>
        <h2 className="cs-rate-title">{t('counterScreen.rate.title')}</h2>
        {ticketLine}
        <div className={`cs-levels cs-levels-${count}`}>
          {bestFirst(settings.levels).map((level) => (
            <button
              key={level.level}
              type="button"
              className="cs-level"
              data-testid={`rate-level-${level.level}`}
              onClick={() => flow.choose(level.level)}
            >
              <Face mood={moodOf(level.level, count)} />
              <span className="cs-level-label">{labelOf(level, lang)}</span>
            </button>
          ))}
        </div>
      </main>
    );
  }

  const sending = step.step === 'sending';
  if (sending && step.reasons.length === 0 && step.level > settings.lowThreshold) {
    return (
      <main className="cs-rate cs-rate-done" role="status" data-testid="rating-sending">
        <p className="cs-rate-hint">{t('counterScreen.rate.sending')}</p>
      </main>
    );
  }

  const chosen = settings.levels.find((level) => level.level === step.level);
  return (
    <main className="cs-rate" data-testid="rating-reasons" onPointerDown={flow.touch}>
      <h2 className="cs-rate-title">{t('counterScreen.rate.reasonsTitle')}</h2>
      <p className="cs-rate-hint">
        {chosen && <strong className="cs-rate-chosen">{labelOf(chosen, lang)} · </strong>}
        {t('counterScreen.rate.reasonsHint')}
      </p>
      <div className="cs-reasons">
        {settings.reasons.map((reason, index) => {
          const on = step.reasons.includes(reason);
          return (
            <button
              key={reason}
              type="button"
              className={on ? 'cs-reason cs-reason-on' : 'cs-reason'}
              aria-pressed={on}
              disabled={sending}
              data-testid={`rate-reason-${index}`}
              onClick={() => flow.toggle(reason)}
            >
              <span className="cs-reason-box" aria-hidden="true">
                {on ? '✓' : ''}
              </span>
              {reason}
            </button>
          );
        })}
      </div>
      <button
        type="button"
        className="btn btn-ok cs-send"
        data-testid="rate-send"
        disabled={sending || step.reasons.length === 0}
        onClick={flow.send}
      >
        {t(sending ? 'counterScreen.rate.sending' : 'counterScreen.rate.send')}
      </button>
    </main>
  );
}
