import { useCallback, useEffect, useState } from 'react';
import type { CentreInfo, FeedEnvelope, RecentCall, VoiceSettings } from '@luot/contract';
import { callKey, createAnnouncer, type AnnouncerNote } from '@luot/ui-shared/announcer';
import { SERVER_EVENTS } from '@luot/ui-shared/contract';
import { DEFAULT_VOICE } from '../../server/src/contract/settings';
import { serverNow } from '@luot/ui-shared/server-time';
import { listenSoundState, soundBlocked, unlockSound } from './browser-voice';
import type { DisplayVoice } from './voice/start-voice';

/**
 * What the display can honestly say about its sound: `blocked` while the browser holds
 * audio back until a touch, `loading` while the clips load, `clips-failed` when some
 * could not be loaded (calls are then said by the OS speech engine if there is one).
 */
export type SoundState = 'ready' | 'blocked' | 'loading' | 'clips-failed';

/** A failed clip set is tried again after this long (the server may have been restarting). */
const CLIPS_RETRY_MS = 30_000;

/** The voice code, loaded once per page after the display has drawn. */
let voiceModule: Promise<typeof import('./voice/start-voice')> | null = null;
const loadVoiceModule = () => (voiceModule ??= import('./voice/start-voice'));

/**
 * The announcer and the voice it will say calls with once its code has loaded; the
 * centre's voice settings are read when each call starts.
 */
function createCallVoice() {
  let settings: VoiceSettings = DEFAULT_VOICE;
  const current = () => settings;
  const ready = loadVoiceModule().then((m) => m.startVoice(current));
  const announcer = createAnnouncer({
    output: { say: async (call, repeats) => (await ready).output.say(call, repeats) },
    settings: current,
    now: () => serverNow().getTime(),
    note: (n: AnnouncerNote) => void ready.then((v) => v.note(n)),
  });
  let started = false;
  return {
    ready,
    announcer,
    use(next: VoiceSettings) {
      settings = next;
    },
    /**
     * Catches calls the feed did not hand over as events: after a reconnect the server's
     * snapshot replaces the state, so calls made meanwhile arrive only in its recent calls.
     * The first list (what the screen shows when it starts) is known, not said. While the
     * display's filter is not known yet (`shown` null) nothing more is said or skipped: the
     * calls wait in the list and are sorted out once it is.
     */
    follow(calls: readonly RecentCall[], shown: ((call: RecentCall) => boolean) | null) {
      if (started && shown === null) return;
      const oldestFirst = [...calls].reverse();
      for (const call of oldestFirst) {
        const key = callKey(call.ticketId, call.calledAt);
        if (!started || shown === null || !shown(call)) announcer.skip(key);
        else
          announcer.announce({
            key,
            ticketNumber: call.number,
            counterNumber: call.counterNumber,
            calledAt: call.calledAt,
            recall: call.recall,
          });
      }
      started = true;
    },
  };
}

const everyCall = () => true;

/**
 * Announces each `ticket:called` event of the feed (recalls too) with the centre's voice
 * settings: queued first in, first out, each said in full, none twice, even when a sync
 * after a reconnect replays events. Pass the state's `recentCalls` (null before the first
 * state) so that calls made while the display was offline are said once it is back, and
 * `shown` when the display shows only some calls (its filter); `shown` null while that
 * filter is not known yet (a paired display checking its device record): then nothing is
 * said, and the calls of that time are said once it is known, if shown. Loads the region's
 * clips at start and when the region changes.
 */
export function useCallAnnouncer(
  centre: CentreInfo | null,
  recentCalls: readonly RecentCall[] | null = null,
  shown: ((call: RecentCall) => boolean) | null = everyCall,
) {
  const [announcer] = useState(createCallVoice);
  const [voice, setVoice] = useState<DisplayVoice | null>(null);
  const [clips, setClips] = useState<'loading' | 'loaded' | 'failed'>('loading');
  const [blocked, setBlocked] = useState(soundBlocked);
  const region = centre?.voice.region ?? null;

  useEffect(() => {
    announcer.use(centre?.voice ?? DEFAULT_VOICE);
  }, [announcer, centre]);

  useEffect(() => {
    let live = true;
    announcer.ready.then(
      (v) => live && setVoice(v),
      (error: unknown) => {
        console.error('Luot: the voice could not be loaded', error);
        if (live) setClips('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [announcer]);

  useEffect(() => {
    if (voice === null || region === null) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      setClips('loading');
      voice.loadClips(region).then(
        (result) => {
          if (!live) return;
          const failed = result !== null && result.failed.length > 0;
          setClips(failed ? 'failed' : 'loaded');
          if (failed) retry = setTimeout(load, CLIPS_RETRY_MS);
        },
        (error: unknown) => {
          console.error('Luot: voice clips could not be loaded', error);
          if (!live) return;
          setClips('failed');
          retry = setTimeout(load, CLIPS_RETRY_MS);
        },
      );
    };
    load();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [voice, region]);

  useEffect(() => listenSoundState(setBlocked), []);

  useEffect(() => {
    if (recentCalls !== null) announcer.follow(recentCalls, shown);
  }, [announcer, recentCalls, shown]);

  const filterKnown = shown !== null;
  const onEvent = useCallback(
    (envelope: FeedEnvelope) => {
      // Until the filter is known the call waits in the state's recent calls (`follow`).
      if (envelope.type !== SERVER_EVENTS.ticketCalled || !filterKnown) return;
      const { ticket, counter, at, recall } = envelope.payload;
      announcer.announcer.announce({
        key: callKey(ticket.id, at),
        ticketNumber: ticket.number,
        counterNumber: counter.number,
        calledAt: at,
        recall,
      });
    },
    [announcer, filterKnown],
  );

  const enableSound = useCallback(() => {
    unlockSound().catch((error: unknown) => console.error('Luot: sound stays blocked', error));
  }, []);

  const sound: SoundState = blocked
    ? 'blocked'
    : clips === 'failed'
      ? 'clips-failed'
      : clips === 'loading'
        ? 'loading'
        : 'ready';
  return { onEvent, sound, enableSound };
}
