/**
 * The browser's sound devices as the hall display uses them: one AudioContext for the
 * whole page (every call is scheduled on its timeline) and the OS speech engine, which is
 * only a fallback for a clip that could not be loaded.
 */

/** Longest we wait for an utterance's `end` event, which some engines never fire. */
const SPEECH_TIMEOUT_MS = 15000;

let audioContext: AudioContext | null | undefined;

/** The page's one AudioContext, or null in a browser without Web Audio. */
export function getAudioContext(): AudioContext | null {
  if (audioContext === undefined) {
    audioContext = typeof AudioContext === 'undefined' ? null : new AudioContext();
  }
  return audioContext;
}

/** Whether the browser is holding sound back until someone touches the screen. */
export function soundBlocked(): boolean {
  return getAudioContext()?.state === 'suspended';
}

/** Calls back whenever the AudioContext is suspended or resumed; returns the unsubscribe. */
export function listenSoundState(listener: (blocked: boolean) => void): () => void {
  const context = getAudioContext();
  if (!context) return () => undefined;
  const onChange = () => listener(soundBlocked());
  context.addEventListener('statechange', onChange);
  return () => context.removeEventListener('statechange', onChange);
}

/** Resumes sound after a touch (browsers start audio suspended without one). */
export function unlockSound(): Promise<void> {
  const context = getAudioContext();
  return context && context.state === 'suspended' ? context.resume() : Promise.resolve();
}

/** Whether the OS speech engine can be asked at all. */
export function hasSpeech(): boolean {
  return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
}

function vietnameseVoice(): SpeechSynthesisVoice | undefined {
  const voices = speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang.replace('_', '-').toLowerCase() === 'vi-vn') ??
    voices.find((v) => v.lang.toLowerCase().startsWith('vi'))
  );
}

/**
 * Says some Vietnamese words through the OS speech engine and resolves when they have
 * been said (or the engine gave up). Resolves at once when there is no engine.
 */
export function speakText(text: string): Promise<void> {
  if (!hasSpeech()) return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'vi-VN';
    utterance.rate = 0.9;
    const voice = vietnameseVoice();
    if (voice) utterance.voice = voice;
    const timer = setTimeout(done, SPEECH_TIMEOUT_MS);
    function done() {
      clearTimeout(timer);
      resolve();
    }
    utterance.onend = done;
    utterance.onerror = (event) => {
      console.error('Luot: speech failed', event.error);
      done();
    };
    speechSynthesis.speak(utterance);
  });
}
