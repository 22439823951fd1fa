import type { VoiceSettings } from '@luot/contract';
import type { CallToAnnounce, VoiceOutput } from '@luot/ui-shared/announcer';
import {
  MAX_COUNTER_CLIP,
  VOICE_CLIPS,
  callClipIds,
  counterClipId,
} from '@luot/ui-shared/voice-contract';
import { hasSpeech, speakText } from '../browser-voice';
import { scheduleChime } from './chime';
import type { ClipBank } from './clip-bank';
import type { VoiceLogEntry } from './voice-log';

/** Time between scheduling and the first sound, so that nothing is scheduled in the past. */
const LEAD_SECONDS = 0.1;
/** Silence between two clips of a sentence: words, not one slur. */
const CLIP_GAP_SECONDS = 0.06;
/** Silence between the chime and the sentence. */
const AFTER_CHIME_SECONDS = 0.2;

const TEXT_OF = new Map(VOICE_CLIPS.map((clip) => [clip.id, clip.text]));

/** What a clip voice plays with. */
export interface ClipVoiceParts {
  context: AudioContext;
  bank: ClipBank;
  settings: () => VoiceSettings;
  log: (entry: VoiceLogEntry) => void;
}

/** Resolves once the context's clock has reached `time` (never while it is suspended). */
async function waitUntil(context: AudioContext, time: number): Promise<void> {
  while (context.currentTime < time && context.state !== 'closed') {
    const ms = Math.max(20, (time - context.currentTime) * 1000);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/**
 * Says calls from the clip bank on the AudioContext's one timeline: the chime, then each
 * clip started back to back (`AudioBufferSourceNode.start(when)`) with a short gap, the
 * sentence repeated after `repeatPauseMs`. A call never starts before the previous one's
 * end on that timeline. Clips that are missing are said by the OS speech engine when
 * there is one (the run of missing clips as one utterance), otherwise skipped and logged.
 * A call waits (up to `LOAD_WAIT_MS`, `ClipBank.whenLoaded`) for clips still loading. A counter above
 * MAX_COUNTER_CLIP is said with the centre's own `counter-<n>` clip when the server has
 * one, digit by digit otherwise.
 */
export function createClipVoice({ context, bank, settings, log }: ClipVoiceParts): VoiceOutput {
  let timelineEnd = 0;

  function play(id: string, buffer: AudioBuffer, when: number, key: string): number {
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    source.start(when);
    const end = when + buffer.duration;
    log({ kind: 'clip', key, id, when, end });
    return end;
  }

  async function fallBack(ids: string[], at: number, key: string): Promise<number> {
    await waitUntil(context, at);
    const text = ids
      .map((id) => TEXT_OF.get(id))
      .filter((t) => t !== undefined)
      .join(' ');
    if (text !== '' && hasSpeech()) {
      log({ kind: 'speech', key, ids, text });
      await speakText(text);
    } else {
      log({ kind: 'missing', key, ids });
      console.error(`Luot: no clip and no speech engine for ${ids.join(', ')}`);
    }
    return context.currentTime + LEAD_SECONDS;
  }

  return {
    async say(call: CallToAnnounce, repeats: number) {
      // A call that comes while the clips load waits for them (bounded), not for nothing.
      await bank.whenLoaded();
      const voice = settings();
      const counter = call.counterNumber;
      // Above the default set's counters, a centre's own `counter-<n>` wins over digits.
      const ownCounter = Number.isInteger(counter) && counter > MAX_COUNTER_CLIP;
      const own = callClipIds(voice.template, call.ticketNumber, counter).filter(
        (id) => !TEXT_OF.has(id),
      );
      await bank.ensure(ownCounter ? [...own, counterClipId(counter)] : own);
      const ids = callClipIds(
        voice.template,
        call.ticketNumber,
        counter,
        ownCounter && bank.get(counterClipId(counter)) !== undefined,
      );
      let t = Math.max(context.currentTime + LEAD_SECONDS, timelineEnd);
      if (voice.chime) {
        const end = scheduleChime(context, t);
        log({ kind: 'chime', key: call.key, when: t, end });
        t = end + AFTER_CHIME_SECONDS;
      }
      for (let round = 0; round < repeats; round += 1) {
        if (round > 0) t += voice.repeatPauseMs / 1000;
        let missing: string[] = [];
        for (const id of ids) {
          const buffer = bank.get(id);
          if (buffer === undefined) {
            missing.push(id);
            continue;
          }
          if (missing.length > 0) {
            t = await fallBack(missing, t, call.key);
            missing = [];
          }
          t = play(id, buffer, t, call.key) + CLIP_GAP_SECONDS;
        }
        if (missing.length > 0) t = await fallBack(missing, t, call.key);
      }
      timelineEnd = t;
      await waitUntil(context, t);
    },
  };
}

/** A browser without Web Audio: the whole sentence through the speech engine, if any. */
export function createSpeechOnlyVoice(settings: () => VoiceSettings): VoiceOutput {
  return {
    async say(call, repeats) {
      const ids = callClipIds(settings().template, call.ticketNumber, call.counterNumber);
      const text = ids
        .map((id) => TEXT_OF.get(id))
        .filter((t) => t !== undefined)
        .join(' ');
      for (let round = 0; round < repeats; round += 1) await speakText(text);
    },
  };
}
