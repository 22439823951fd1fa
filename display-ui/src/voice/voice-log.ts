/** One thing the display's voice did, newest last. Times are on the AudioContext's clock. */
export type VoiceLogEntry =
  | { kind: 'chime'; key: string; when: number; end: number }
  | { kind: 'clip'; key: string; id: string; when: number; end: number }
  | { kind: 'speech'; key: string; ids: string[]; text: string }
  | { kind: 'missing'; key: string; ids: string[] }
  | { kind: 'note'; note: string; key: string; detail?: string }
  | { kind: 'clips'; region: string; loaded: number; failed: string[] };

/**
 * What a hall display exposes as `window.__luotVoice`: what it played and when, and which
 * clip a decoded buffer holds. A technician reads it in the console to see why a display
 * is silent; the browser tests check calls against it.
 */
export interface VoiceDebug {
  log: VoiceLogEntry[];
  clipIdOf(buffer: AudioBuffer): string | undefined;
}

declare global {
  interface Window {
    __luotVoice?: VoiceDebug;
  }
}

/** Enough for the last dozens of calls. */
const LOG_LIMIT = 1000;

/** A bounded log, published on `window.__luotVoice` when there is a window. */
export function createVoiceLog(clipIdOf: (buffer: AudioBuffer) => string | undefined) {
  const debug: VoiceDebug = { log: [], clipIdOf };
  if (typeof window !== 'undefined') window.__luotVoice = debug;
  return (entry: VoiceLogEntry) => {
    debug.log.push(entry);
    if (debug.log.length > LOG_LIMIT) debug.log.splice(0, debug.log.length - LOG_LIMIT);
  };
}
