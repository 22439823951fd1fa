import { createAnnouncer, type VoiceOutput } from '../../../ui-shared/src/announcer';

/** A voice whose sounds finish only when the test says so, logging what it plays. */
function fakeVoice() {
  const log: string[] = [];
  const finishers: Array<() => void> = [];
  const play = (what: string) =>
    new Promise<void>((resolve) => {
      log.push(what);
      finishers.push(resolve);
    });
  const voice: VoiceOutput = { chime: () => play('chime'), speak: (text) => play(text) };
  /** Ends the sound now playing and lets the announcer start the next one. */
  const finish = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { voice, log, finish };
}

describe('createAnnouncer()', () => {
  test('chimes, then says the sentence twice', async () => {
    const { voice, log, finish } = fakeVoice();
    const announcer = createAnnouncer(voice);

    announcer.announce('một');
    for (let i = 0; i < 3; i += 1) await finish();

    expect(log).toEqual(['chime', 'một', 'một']);
  });

  test('plays calls that arrive together one after another without cutting any off', async () => {
    const { voice, log, finish } = fakeVoice();
    const announcer = createAnnouncer(voice);

    announcer.announce('một');
    announcer.announce('hai');
    expect(log).toEqual(['chime']);
    expect(announcer.queued).toBe(1);
    for (let i = 0; i < 6; i += 1) await finish();

    expect(log).toEqual(['chime', 'một', 'một', 'chime', 'hai', 'hai']);
    expect(announcer.queued).toBe(0);
  });

  test('moves on to the next call when a sound fails', async () => {
    const log: string[] = [];
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const announcer = createAnnouncer(
      {
        chime: () => Promise.resolve(),
        speak: (text) => {
          log.push(text);
          return text === 'hỏng' ? Promise.reject(new Error('no voice')) : Promise.resolve();
        },
      },
      1,
    );

    announcer.announce('hỏng');
    announcer.announce('tốt');
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(log).toEqual(['hỏng', 'tốt']);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
