import type { Page } from 'playwright-core';
import { DEFAULT_VOICE } from '../../server/src/contract/settings';
import { callClipIds } from '../../server/src/contract/voice';
import { ApiClient } from '../support/api-client';
import { SERVICE, act, issue, patchSettings } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { describeInChromium, waitForText } from './harness';

/** One sound the page started on its AudioContext, as the instrumented WebAudio saw it. */
type Started =
  | { kind: 'clip'; id: string | null; when: number; end: number; peak: number }
  | { kind: 'tone'; when: number };

/** A `start()` as the page recorded it. */
type RawStart =
  | { kind: 'buffer'; buffer: unknown; duration: number; when: number; peak: number }
  | { kind: 'tone'; when: number };

/** The page globals the test reads (this tsconfig has no DOM library). */
declare const window: {
  __started?: RawStart[];
  __luotVoice?: {
    log: Array<{ kind: string; note?: string; failed?: string[] }>;
    clipIdOf(buffer: unknown): string | undefined;
  };
  speechSynthesis?: unknown;
};

/**
 * Runs in the page before its own code: no speech engine at all (a stock display PC),
 * and every `start()` of a buffer source or an oscillator recorded with its time on the
 * AudioContext timeline and, for buffers, the loudest sample.
 */
const INSTRUMENT_AUDIO = `(() => {
  for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance']) {
    delete Window.prototype[name];
    delete window[name];
  }
  const started = [];
  window.__started = started;
  const bufferStart = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (...args) {
    const buffer = this.buffer;
    let peak = 0;
    if (buffer) {
      for (let c = 0; c < buffer.numberOfChannels; c += 1) {
        for (const v of buffer.getChannelData(c)) peak = Math.max(peak, Math.abs(v));
      }
    }
    started.push({ kind: 'buffer', buffer, duration: buffer ? buffer.duration : 0, when: args[0] ?? 0, peak });
    return bufferStart.apply(this, args);
  };
  const toneStart = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    started.push({ kind: 'tone', when: args[0] ?? 0 });
    return toneStart.apply(this, args);
  };
})();`;

/** What the page has started so far, each buffer named by the clip the display decoded it from. */
async function startedSounds(page: Page): Promise<Started[]> {
  return page.evaluate(() =>
    (window.__started ?? []).map((s) =>
      s.kind === 'tone'
        ? s
        : {
            kind: 'clip' as const,
            id: window.__luotVoice?.clipIdOf(s.buffer) ?? null,
            when: s.when,
            end: s.when + s.duration,
            peak: s.peak,
          },
    ),
  );
}

/** The announcer's log of calls: which call keys started and ended. */
async function announcerNotes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.__luotVoice?.log ?? []).flatMap((e) => (e.kind === 'note' ? [e.note ?? ''] : [])),
  );
}

/** Sounds as names: the chime's two tones as one "chime", clips by id. */
function names(sounds: Started[]): string[] {
  const out: string[] = [];
  sounds.forEach((s, i) => {
    if (s.kind === 'clip') out.push(s.id ?? '?');
    else if (sounds[i - 1]?.kind !== 'tone') out.push('chime');
  });
  return out;
}

/** A shorter sentence said once, so that the tests of many calls stay short. */
const QUICK_VOICE = {
  ...DEFAULT_VOICE,
  template: 'Xin mời số {number} đến quầy {counter}',
  repeats: 1,
};

/** Chime, then the call's clips `times` times. */
function expected(number: string, counter: number, voice = DEFAULT_VOICE): string[] {
  const clips = callClipIds(voice.template, number, counter);
  const said = Array.from({ length: voice.repeats }, () => clips).flat();
  return voice.chime ? ['chime', ...said] : said;
}

/** Waits until the display has started `count` sounds and the announcer is idle. */
async function waitForSounds(page: Page, count: number, timeout: number): Promise<Started[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const sounds = await startedSounds(page);
    const notes = await announcerNotes(page);
    const starts = notes.filter((n) => n.startsWith('start')).length;
    const ends = notes.filter((n) => n === 'end').length;
    if (sounds.length >= count && starts === ends) return sounds;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} sounds, got ${JSON.stringify(names(sounds))}`);
    await page.waitForTimeout(200);
  }
}

const TONES_PER_CHIME = 2;
const soundsOf = (clips: string[]) =>
  clips.reduce((n, name) => n + (name === 'chime' ? TONES_PER_CHIME : 1), 0);

/** Sound on the timeline must never overlap: each start at or after the previous end. */
function expectNoOverlap(sounds: Started[]): void {
  let end = 0;
  for (const s of sounds) {
    if (s.kind !== 'clip') continue;
    expect(s.when).toBeGreaterThanOrEqual(end - 1e-6);
    end = s.end;
  }
}

describeInChromium(
  'the hall display speaks calls from its clips, in Chromium with no speech engine',
  ({ open, server }) => {
    let admin: ApiClient;

    async function openDisplay(): Promise<Page> {
      const page = await open('/display', 1920, 1080);
      await page.addInitScript(INSTRUMENT_AUDIO);
      await page.reload();
      await page.getByTestId('display').waitFor();
      expect(await page.evaluate(() => typeof window.speechSynthesis)).toBe('undefined');
      // Every clip of the set decoded: the log says so.
      await page.waitForFunction(
        () => window.__luotVoice?.log.some((e) => e.kind === 'clips' && e.failed?.length === 0),
        undefined,
        { timeout: 10_000 },
      );
      expect(await page.getByTestId('sound-enable').count()).toBe(0);
      expect(await page.getByTestId('sound-warning').count()).toBe(0);
      return page;
    }

    async function call(serviceId: number, counterId: number): Promise<string> {
      await issue(admin, serviceId);
      return (await act(admin, counterId, 'call-next')).ticket.number;
    }

    beforeAll(async () => {
      staffCounters(server());
      admin = new ApiClient(server().url);
      await admin.login(server().adminUsername, server().adminPassword);
    });

    test('a call made through the API is chimed, then said twice from non-silent clips in order', async () => {
      const display = await openDisplay();

      const number = await call(SERVICE.DKKD, 1);
      await waitForText(display, 'latest-number', number, 1000);
      const sounds = await waitForSounds(display, soundsOf(expected(number, 1)), 20_000);

      expect(number).toBe('A001');
      expect(names(sounds)).toEqual([
        'chime',
        ...['phrase-invite', 'letter-a', 'digit-0', 'digit-0', 'digit-1'],
        ...['phrase-to-counter', 'counter-1'],
        ...['phrase-invite', 'letter-a', 'digit-0', 'digit-0', 'digit-1'],
        ...['phrase-to-counter', 'counter-1'],
      ]);
      for (const s of sounds) if (s.kind === 'clip') expect(s.peak).toBeGreaterThan(0.05);
      expectNoOverlap(sounds);
      // The chime rings before the first word.
      const firstClip = sounds.find((s) => s.kind === 'clip');
      expect(sounds[0]?.when).toBeLessThan(firstClip?.when ?? 0);
    }, 40_000);

    test('three calls at once are said one after another, in order, none overlapping', async () => {
      await patchSettings(admin, { voice: QUICK_VOICE });
      const display = await openDisplay();

      const numbers = [
        [await call(SERVICE.DKKD, 2), 2],
        [await call(SERVICE.DDTN, 3), 3],
        [await call(SERVICE.GPLX, 7), 7],
      ] as const;
      const want = numbers.flatMap(([n, c]) => expected(n, c, QUICK_VOICE));
      const sounds = await waitForSounds(display, soundsOf(want), 40_000);

      expect(names(sounds)).toEqual(want);
      expectNoOverlap(sounds);
      // Each call's chime starts after the previous call's last word has ended.
      const chimes = sounds.filter((s, i) => s.kind === 'tone' && sounds[i - 1]?.kind !== 'tone');
      for (const chime of chimes.slice(1)) {
        const before = sounds.slice(0, sounds.indexOf(chime)).filter((s) => s.kind === 'clip');
        const lastEnd = Math.max(...before.map((s) => (s.kind === 'clip' ? s.end : 0)));
        expect(chime.when).toBeGreaterThanOrEqual(lastEnd);
      }
    }, 60_000);

    test('calls made while the network is cut appear after it returns, each said exactly once', async () => {
      const voice = { ...QUICK_VOICE, chime: false };
      await patchSettings(admin, { voice });
      const display = await openDisplay();

      await display.context().setOffline(true);
      const first = await call(SERVICE.DDTN, 4);
      const second = await call(SERVICE.TPLL, 5);
      await display.waitForTimeout(10_000);
      const heardOffline = names(await startedSounds(display));
      await display.context().setOffline(false);

      await waitForText(display, 'latest-number', second, 15_000);
      expect(await display.getByTestId('recent-calls').textContent()).toContain(first);
      const want = [...expected(first, 4, voice), ...expected(second, 5, voice)];
      const sounds = await waitForSounds(display, soundsOf(want), 30_000);
      // Give a duplicate time to show up: nothing more may start.
      await display.waitForTimeout(1000);

      expect(heardOffline).toEqual([]);
      expect(names(await startedSounds(display))).toEqual(want);
      expectNoOverlap(sounds);
    }, 60_000);

    test('a call made while the clips are still loading is said from them once they have loaded', async () => {
      const voice = { ...QUICK_VOICE, chime: false };
      await patchSettings(admin, { voice });
      const display = await open('/display', 1920, 1080);
      await display.addInitScript(INSTRUMENT_AUDIO);
      // The clip server answers only when the test lets it.
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      await display.route('**/voice/**', async (route) => {
        await released;
        await route.continue();
      });
      await display.reload();
      await display.getByTestId('waiting-list').waitFor();

      const number = await call(SERVICE.BHXH, 11);
      await waitForText(display, 'latest-number', number, 1000);
      await display.waitForTimeout(1000);
      const heardWhileLoading = names(await startedSounds(display));
      release();

      const want = expected(number, 11, voice);
      await waitForSounds(display, soundsOf(want), 20_000);
      expect(heardWhileLoading).toEqual([]);
      expect(names(await startedSounds(display))).toEqual(want);
    }, 40_000);
  },
  { chromiumArgs: ['--autoplay-policy=no-user-gesture-required'] },
);
