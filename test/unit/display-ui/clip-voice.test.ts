import type { VoiceRegion, VoiceSettings } from '../../../server/src/contract';
import { DEFAULT_VOICE } from '../../../server/src/contract/settings';
import { VOICE_CLIPS, callClipIds } from '../../../server/src/contract/voice';

/**
 * The hall display's clip bank and timeline player against a fake Web Audio context and a
 * fake clip server: calls made while the clips load, retries after a partial failure, a
 * region change, and a centre's own clips for counters above 40.
 */

/**
 * The player is browser code (DOM types, the UI's path aliases) that the tests' type
 * check does not compile: it is loaded by a path the checker does not follow, and typed
 * by the shapes below (those of display-ui/src/voice/clip-bank.ts and clip-voice.ts).
 */
const VOICE_CODE = '../../../display-ui/src/voice';
interface ClipSetResult {
  region: VoiceRegion;
  loaded: number;
  failed: string[];
}
interface Bank {
  load(region: VoiceRegion): Promise<ClipSetResult>;
  get(id: string): unknown;
  whenLoaded(maxMs?: number): Promise<void>;
}
interface CallToSay {
  key: string;
  ticketNumber: string;
  counterNumber: number;
  calledAt: string;
  recall: boolean;
}
type LogEntry = { kind: string; id?: string; ids?: string[] };
interface Player {
  ClipBank: new (context: unknown, fetchFile: (url: string) => Promise<unknown>) => Bank;
  clipUrl(region: VoiceRegion, id: string): string;
  createClipVoice(parts: {
    context: unknown;
    bank: Bank;
    settings: () => VoiceSettings;
    log: (entry: LogEntry) => void;
  }): { say(call: CallToSay, repeats: number): Promise<void> };
}
let player: Player;
beforeAll(async () => {
  const bank = (await import(`${VOICE_CODE}/clip-bank`)) as Pick<Player, 'ClipBank' | 'clipUrl'>;
  const voice = (await import(`${VOICE_CODE}/clip-voice`)) as Pick<Player, 'createClipVoice'>;
  player = { ...bank, ...voice };
});
const clipUrl = (region: VoiceRegion, id: string) => player.clipUrl(region, id);

/** A decoded clip: which file it came from, so a test can tell two loads apart. */
interface FakeBuffer {
  duration: number;
  url: string;
  attempt: number;
}

/** Enough of an AudioContext for the bank and the player; its clock runs fast. */
function fakeContext() {
  let clock = 0;
  return {
    state: 'running',
    destination: {},
    get currentTime() {
      clock += 5;
      return clock;
    },
    decodeAudioData: async (data: ArrayBuffer) =>
      JSON.parse(Buffer.from(data).toString()) as FakeBuffer,
    createBufferSource: () => ({ buffer: null, connect: () => undefined, start: () => undefined }),
  };
}

/** A clip server whose answers a test holds back (`gate`) or fails (`failing`). */
function fakeServer() {
  const requests: string[] = [];
  const attempts = new Map<string, number>();
  let release: () => void = () => undefined;
  interface FakeResponse {
    ok: boolean;
    arrayBuffer(): Promise<ArrayBuffer>;
  }
  const server = {
    requests,
    failing: new Set<string>(),
    /** Ids that exist beyond the default set (a centre's own recordings). */
    extra: new Set<string>(),
    gate: Promise.resolve(),
    hold() {
      server.gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
    fetch: async (url: string): Promise<FakeResponse> => {
      requests.push(url);
      const attempt = (attempts.get(url) ?? 0) + 1;
      attempts.set(url, attempt);
      await server.gate;
      const id = /\/([^/]+)\.ogg$/.exec(url)?.[1] ?? '';
      const known = VOICE_CLIPS.some((clip) => clip.id === id) || server.extra.has(id);
      const ok = known && !server.failing.has(id);
      const body = JSON.stringify({ duration: 0.3, url, attempt });
      return { ok, arrayBuffer: async () => Uint8Array.from(Buffer.from(body)).buffer };
    },
  };
  return server;
}

const QUIET: VoiceSettings = { ...DEFAULT_VOICE, chime: false, repeatPauseMs: 0 };

function setUp() {
  const server = fakeServer();
  const bank = new player.ClipBank(fakeContext(), server.fetch);
  const log: LogEntry[] = [];
  const voice = player.createClipVoice({
    context: fakeContext(),
    bank,
    settings: () => QUIET,
    log: (entry) => log.push(entry),
  });
  const played = () =>
    log.flatMap((entry) =>
      entry.kind === 'clip'
        ? [entry.id ?? '?']
        : entry.kind === 'missing'
          ? (entry.ids ?? []).map((id) => `missing:${id}`)
          : [],
    );
  return { server, bank, voice, played };
}

const call = (ticketNumber: string, counterNumber: number): CallToSay => ({
  key: `${ticketNumber}@${counterNumber}`,
  ticketNumber,
  counterNumber,
  calledAt: '2026-12-04T08:00:00.000Z',
  recall: false,
});

describe('a call that comes while the clips load', () => {
  it('is said from the clips once they have loaded, when it came before loading began', async () => {
    const { server, bank, voice, played } = setUp();
    server.hold();
    const saying = voice.say(call('SA015', 15), 1);
    const loading = bank.load('north');
    server.release();
    await loading;
    await saying;
    expect(played()).toEqual(callClipIds(QUIET.template, 'SA015', 15));
  });

  it('is said from the clips once they have loaded, when it came during the load', async () => {
    const { server, bank, voice, played } = setUp();
    server.hold();
    const loading = bank.load('north');
    const saying = voice.say(call('XB7', 3), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(played()).toEqual([]);
    server.release();
    await Promise.all([loading, saying]);
    expect(played()).toEqual(callClipIds(QUIET.template, 'XB7', 3));
  });

  it('waits a bounded time for a load that hangs', async () => {
    const { server, bank } = setUp();
    server.hold();
    void bank.load('north');
    const started = Date.now();
    await bank.whenLoaded(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(Date.now() - started).toBeLessThan(2000);
    server.release();
  });

  it('does not wait once the clips are loaded', async () => {
    const { bank } = setUp();
    await bank.load('north');
    const started = Date.now();
    await bank.whenLoaded(5_000);
    expect(Date.now() - started).toBeLessThan(100);
  });
});

describe('loading the clip set again', () => {
  it('after a partial failure adds the missing clips and keeps those already loaded', async () => {
    const { server, bank } = setUp();
    server.failing.add('digit-1');
    const first = await bank.load('north');
    expect(first.failed).toEqual(['digit-1']);
    expect(first.loaded).toBe(VOICE_CLIPS.length - 1);
    const kept = bank.get('digit-2');

    // The server is flaky the other way now: digit-2 would fail if it were asked again.
    server.failing.clear();
    server.failing.add('digit-2');
    server.requests.length = 0;
    const retry = await bank.load('north');
    expect(server.requests).toEqual([clipUrl('north', 'digit-1')]);
    expect(retry).toEqual({ region: 'north', loaded: VOICE_CLIPS.length, failed: [] });
    expect(bank.get('digit-2')).toBe(kept);
    expect(bank.get('digit-1')).toBeDefined();
  });

  it('for another region replaces the set with that region’s clips', async () => {
    const { bank } = setUp();
    await bank.load('north');
    const south: VoiceRegion = 'south';
    await bank.load(south);
    const buffer = bank.get('digit-5') as FakeBuffer;
    expect(buffer.url).toBe(clipUrl('south', 'digit-5'));
  });
});

describe('counters above 40', () => {
  it("are said with the centre's own counter-<n> clip when the server has one", async () => {
    const { server, bank, voice, played } = setUp();
    server.extra.add('counter-41');
    await bank.load('north');
    await voice.say(call('A1', 41), 1);
    expect(played().slice(-2)).toEqual(['phrase-to-counter', 'counter-41']);
  });

  it('are read digit by digit when it has none', async () => {
    const { bank, voice, played } = setUp();
    await bank.load('north');
    await voice.say(call('A1', 41), 1);
    expect(played().slice(-3)).toEqual(['phrase-to-counter', 'digit-4', 'digit-1']);
  });
});
