import type { VoiceOutput } from '@luot/ui-shared/announcer';

/** Longest we wait for a sentence's `end` event, which some engines never fire. */
const SPEECH_TIMEOUT_MS = 15000;

let audioContext: AudioContext | null = null;

function hasSpeech(): boolean {
  return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
}

function getAudioContext(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  audioContext ??= new AudioContext();
  return audioContext;
}

/** Whether the browser is holding sound back until someone touches the screen. */
export function soundBlocked(): boolean {
  return hasSpeech() && getAudioContext()?.state === 'suspended';
}

/** Calls back whenever sound becomes blocked or allowed; returns the unsubscribe. */
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

function tone(context: AudioContext, frequency: number, start: number, length: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.35, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + length);
}

/** A two-note "ding-dong", resolved when it has died away. */
function chime(): Promise<void> {
  const context = getAudioContext();
  if (!context || context.state !== 'running') return Promise.resolve();
  const start = context.currentTime + 0.05;
  tone(context, 880, start, 0.6);
  tone(context, 659.25, start + 0.45, 0.9);
  return new Promise((resolve) => setTimeout(resolve, 1500));
}

function vietnameseVoice(): SpeechSynthesisVoice | undefined {
  const voices = speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang.replace('_', '-').toLowerCase() === 'vi-vn') ??
    voices.find((v) => v.lang.toLowerCase().startsWith('vi'))
  );
}

/** Speaks one sentence in Vietnamese and resolves when it has been said in full. */
function speak(text: string): Promise<void> {
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

const silent: VoiceOutput = {
  chime: () => Promise.resolve(),
  speak: () => Promise.resolve(),
};

/**
 * The hall screen's voice: Web Audio chime and `speechSynthesis`. Without speech
 * synthesis the screen stays silent and only shows the calls.
 */
export function browserVoice(): VoiceOutput {
  return hasSpeech() ? { chime, speak } : silent;
}
