import { useCallback, useEffect, useState } from 'react';
import type { FeedEnvelope } from '@luot/contract';
import { VIETNAMESE } from '@luot/ui-shared/contract';
import { createAnnouncer } from '@luot/ui-shared/announcer';
import { callSentence } from '@luot/ui-shared/speech';
import { browserVoice, listenSoundState, soundBlocked, unlockSound } from './browser-voice';

/**
 * Announces each `ticket:called` event in Vietnamese (chime, then the sentence twice),
 * queued so that calls never cut each other off. Also reports whether the browser
 * is holding sound back until the screen is touched.
 */
export function useCallAnnouncer() {
  const [announcer] = useState(() => createAnnouncer(browserVoice()));
  const [blocked, setBlocked] = useState(soundBlocked);

  useEffect(() => listenSoundState(setBlocked), []);

  const onEvent = useCallback(
    (envelope: FeedEnvelope) => {
      if (envelope.type !== 'ticket:called') return;
      const { ticket, counter } = envelope.payload;
      announcer.announce(
        callSentence(VIETNAMESE['display.callSentence'], ticket.number, counter.number),
      );
    },
    [announcer],
  );

  const unlock = useCallback(() => {
    unlockSound().catch((error: unknown) => console.error('Luot: sound stays blocked', error));
  }, []);

  return { onEvent, soundBlocked: blocked, unlock };
}
