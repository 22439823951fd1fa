import type { VoiceRegion, VoiceSettings } from '@luot/contract';
import type { AnnouncerNote, VoiceOutput } from '@luot/ui-shared/announcer';
import { getAudioContext } from '../browser-voice';
import { ClipBank, type ClipSetResult } from './clip-bank';
import { createClipVoice, createSpeechOnlyVoice } from './clip-voice';
import { createVoiceLog } from './voice-log';

/** The display's voice once its code has loaded. */
export interface DisplayVoice {
  output: VoiceOutput;
  /** Loads (or reloads) the clip set of a region; without Web Audio there is none to load. */
  loadClips(region: VoiceRegion): Promise<ClipSetResult | null>;
  /** Adds the announcer's decisions to the log. */
  note(note: AnnouncerNote): void;
}

/**
 * Builds the hall display's voice: the clip bank, the timeline player and the log on
 * `window.__luotVoice`. Loaded with a dynamic import, so the display draws first.
 */
export function startVoice(settings: () => VoiceSettings): DisplayVoice {
  const context = getAudioContext();
  const bank = context ? new ClipBank(context) : null;
  const log = createVoiceLog((buffer) => bank?.clipIdOf(buffer));
  const output =
    context && bank
      ? createClipVoice({ context, bank, settings, log })
      : createSpeechOnlyVoice(settings);
  return {
    output,
    async loadClips(region) {
      if (!bank) return null;
      const result = await bank.load(region);
      log({ kind: 'clips', region, loaded: result.loaded, failed: result.failed });
      return result;
    },
    note(note) {
      const detail = note.kind === 'failed' ? String(note.error) : undefined;
      log({
        kind: 'note',
        note: note.kind === 'start' ? `start×${note.repeats}` : note.kind,
        key: note.key,
        ...(detail !== undefined && { detail }),
      });
    },
  };
}
