import { useI18n } from '@luot/ui-shared/use-i18n';
import type { SoundState } from './use-call-announcer';
import './sound-controls.css';

/** Props of `SoundControls`. */
export interface SoundControlsProps {
  sound: SoundState;
  /** Resumes sound; must run inside the tap's event handler (browsers' autoplay rule). */
  onEnable: () => void;
}

/**
 * Tells the truth about the display's sound: a large "Bật âm thanh" button while the
 * browser blocks audio, a warning read out to assistive technology when the clips could
 * not be loaded, nothing when sound works.
 */
export function SoundControls({ sound, onEnable }: SoundControlsProps) {
  const { t } = useI18n();
  if (sound === 'blocked') {
    return (
      <div className="sound-controls" data-testid="sound-blocked">
        <button
          type="button"
          className="sound-enable"
          data-testid="sound-enable"
          onClick={onEnable}
        >
          <SpeakerIcon />
          {t('display.soundButton')}
        </button>
        <span className="sound-enable-hint">{t('display.enableSound')}</span>
      </div>
    );
  }
  if (sound === 'clips-failed') {
    return (
      <div className="sound-controls sound-warning" role="alert" data-testid="sound-warning">
        <span aria-hidden="true">⚠ </span>
        {t('display.clipsFailed')}
      </div>
    );
  }
  return null;
}

/**
 * A loudspeaker, drawn so it needs no emoji font: a hall display's PC often has none, and
 * the emoji then shows as an empty box.
 */
function SpeakerIcon() {
  return (
    <svg className="sound-enable-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      <path
        d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
