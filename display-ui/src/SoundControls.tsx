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
          <span aria-hidden="true">🔊 </span>
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
