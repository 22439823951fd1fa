/** Sound a hall screen can make; each promise settles when the sound has finished. */
export interface VoiceOutput {
  chime(): Promise<void>;
  speak(text: string): Promise<void>;
}

/** Plays calls one after another. */
export interface Announcer {
  /** Queues a sentence; it is chimed then spoken `repeat` times once earlier ones finish. */
  announce(sentence: string): void;
  /** Sentences not yet started. */
  readonly queued: number;
}

/**
 * Queues calls so that ones arriving together are played in turn and none is cut
 * off: each waits for the previous chime and speech to end. A failing sound is
 * logged and the queue moves on.
 */
export function createAnnouncer(output: VoiceOutput, repeat = 2): Announcer {
  const queue: string[] = [];
  let playing = false;

  async function playAll(): Promise<void> {
    playing = true;
    for (let sentence = queue.shift(); sentence !== undefined; sentence = queue.shift()) {
      try {
        await output.chime();
        for (let i = 0; i < repeat; i += 1) await output.speak(sentence);
      } catch (error) {
        console.error('Luot: could not play a call', error);
      }
    }
    playing = false;
  }

  return {
    announce(sentence) {
      queue.push(sentence);
      if (!playing) void playAll();
    },
    get queued() {
      return queue.length;
    },
  };
}
